/** Service nodes: business logic, with every dependency arriving through the constructor. */
import type { FastapiModules } from './layout';
import type { ModelPlan, NodePlan, Provider, ServicePlan, TaskPlan } from '../plan/plan';
import { NameRegistry } from '../plan/naming';
import { docText, from, indent, plain, wrap, type PyImport } from '../python/py';
import { fitSignature } from './repositories';
import type { Unit } from '../python/unit';
import { cacheKey } from './clients';

export const enqueueName = (task: { fn: string }): string => `enqueue_${task.fn}`;

export function serviceUnits(services: readonly ServicePlan[], modules: FastapiModules): Unit[] {
  return services.map((s) => serviceUnit(s, modules));
}

interface Param {
  readonly name: string;
  readonly type: string;
}

/**
 * Constructor parameter names of a service, one per dependency: a repository, a cache and a
 * service may share a snake name, so later ones get a suffix (`news`, `news_2`).
 */
export function dependencyNames(s: ServicePlan): Map<string, string> {
  const names = new NameRegistry(['self']);
  const out = new Map<string, string>();
  for (const n of [...s.repositories, ...s.services, ...s.externals, ...s.caches]) out.set(n.id, names.claim(n.id, n.snake));
  for (const w of s.workers) for (const t of w.tasks) out.set(`task:${t.fn}`, names.claim(`task:${t.fn}`, enqueueName(t)));
  return out;
}

/** Constructor parameters of a service, in a fixed order shared with the composition root. */
export function serviceParams(s: ServicePlan): Array<Param & { readonly of: 'repository' | 'service' | 'external' | 'cache' | 'task'; readonly node?: NodePlan; readonly task?: TaskPlan }> {
  const names = dependencyNames(s);
  const named = (n: NodePlan): string => names.get(n.id)!;
  return [
    ...s.repositories.map((r) => ({ name: named(r), type: r.cls, of: 'repository' as const, node: r })),
    ...s.services.map((o) => ({ name: named(o), type: o.cls, of: 'service' as const, node: o })),
    ...s.externals.map((x) => ({ name: named(x), type: x.cls, of: 'external' as const, node: x })),
    ...s.caches.map((c) => ({ name: named(c), type: c.cls, of: 'cache' as const, node: c })),
    ...s.workers.flatMap((w) => w.tasks.map((t) => ({ name: names.get(`task:${t.fn}`)!, type: 'Callable[[int], object]', of: 'task' as const, task: t }))),
  ];
}

function serviceUnit(s: ServicePlan, modules: FastapiModules): Unit {
  const imports: PyImport[] = [plain('logging')];
  const params = serviceParams(s);
  const names = dependencyNames(s);
  for (const r of s.repositories) imports.push(from(modules.of('repositories', r), r.cls));
  for (const o of s.services) imports.push(from(modules.of('services', o), o.cls));
  for (const x of [...s.externals, ...s.caches]) imports.push(from(modules.of('clients', x), x.cls));
  if (s.workers.length > 0) imports.push(from('collections.abc', 'Callable'));
  const init = `${wrap('def __init__(', ['self', ...params.map((p) => `${p.name}: ${p.type}`)], ') -> None:', '    ').replace(/^ {4}/gm, '')}\n${
    params.length > 0 ? indent(params.map((p) => `self._${p.name} = ${p.name}`).join('\n')) : '    pass'
  }`;
  const enqueues = params.filter((p) => p.of === 'task').map((p) => `self._${p.name}(entity.id)`);
  const methods: string[] = [];
  s.provides.forEach(({ model, provider }, i) => {
    imports.push(from(modules.of('schemas', model), model.create, model.read, model.update));
    methods.push(...crud(model, provider, names, i === 0 ? enqueues : [], s.caches[0]));
  });
  if (s.provides.some((p) => p.provider.via === 'repository')) imports.push(from(modules.core('errors'), 'NotFoundError'));
  for (const model of s.models) {
    imports.push(from(modules.of('models', model), model.cls), from(modules.of('schemas', model), model.create));
    methods.push(`def new_${model.snake}(self, data: ${model.create}) -> ${model.cls}:\n    """A ${model.cls} built from its create schema, not yet stored."""\n    return ${model.cls}(**data.model_dump())`);
  }
  for (const x of s.externals) {
    imports.push(from('typing', 'Any'));
    methods.push(`async def fetch_from_${names.get(x.id)!}(self, path: str) -> Any:\n    return await self._${names.get(x.id)!}.get_json(path)`);
  }
  for (const p of params.filter((q) => q.of === 'task')) {
    methods.push(`def request_${p.name.slice('enqueue_'.length)}(self, item_id: int) -> None:\n    self._${p.name}(item_id)`);
  }
  for (const task of s.taskMethods) methods.push(taskMethod(task.fn, s.provides[0]?.model));
  const doc = `"""Business logic of ${docText(s.label)}; dependencies arrive through the constructor."""`;
  const body = [doc, init, ...methods.map(fitSignature)].join('\n\n');
  return {
    module: modules.of('services', s),
    imports,
    doc: `The ${s.label} service.`,
    blocks: ['logger = logging.getLogger(__name__)', `class ${s.cls}:\n${indent(body)}`],
  };
}

function crud(m: ModelPlan, provider: Provider, names: ReadonlyMap<string, string>, enqueues: readonly string[], cache: NodePlan | undefined): string[] {
  const s = m.snake;
  if (provider.via === 'service') {
    const target = `self._${names.get(provider.node.id)!}`;
    return [
      `async def create_${s}(self, data: ${m.create}) -> ${m.read}:\n    return await ${target}.create_${s}(data)`,
      `async def get_${s}(self, item_id: int) -> ${m.read}:\n    return await ${target}.get_${s}(item_id)`,
      `async def list_${m.plural}(self, offset: int = 0, limit: int = 100) -> list[${m.read}]:\n    return await ${target}.list_${m.plural}(offset, limit)`,
      `async def update_${s}(self, item_id: int, data: ${m.update}) -> ${m.read}:\n    return await ${target}.update_${s}(item_id, data)`,
      `async def delete_${s}(self, item_id: int) -> None:\n    await ${target}.delete_${s}(item_id)`,
    ];
  }
  const repo = `self._${names.get(provider.node.id)!}`;
  const load = `entity = await ${repo}.get_${s}(item_id)\nif entity is None:\n    raise NotFoundError(f"${m.cls} {item_id} not found")`;
  const c = cache ? `self._${names.get(cache.id)!}` : '';
  // Read-through: a hit skips the database; every write drops the item's entry.
  const get = cache
    ? `key = ${cacheKey(m, 'item_id')}\ncached = await ${c}.get_json(key)\nif cached is not None:\n    return ${m.read}.model_validate(cached)\n${load}\nitem = ${m.read}.model_validate(entity)\nawait ${c}.set_json(key, item.model_dump(mode="json"))\nreturn item`
    : `${load}\nreturn ${m.read}.model_validate(entity)`;
  const forget = cache ? `\nawait ${c}.delete(${cacheKey(m, 'item_id')})` : '';
  return [
    `async def create_${s}(self, data: ${m.create}) -> ${m.read}:\n${indent([`entity = await ${repo}.add_${s}(data)`, ...enqueues, `return ${m.read}.model_validate(entity)`].join('\n'))}`,
    `async def get_${s}(self, item_id: int) -> ${m.read}:\n${indent(get)}`,
    `async def list_${m.plural}(self, offset: int = 0, limit: int = 100) -> list[${m.read}]:\n${indent(`entities = await ${repo}.list_${m.plural}(offset, limit)\nreturn [${m.read}.model_validate(e) for e in entities]`)}`,
    `async def update_${s}(self, item_id: int, data: ${m.update}) -> ${m.read}:\n${indent(`${load}\nchanges = data.model_dump(exclude_unset=True)\nentity = await ${repo}.update_${s}(entity, changes)${forget}\nreturn ${m.read}.model_validate(entity)`)}`,
    `async def delete_${s}(self, item_id: int) -> None:\n${indent(`${load}\nawait ${repo}.delete_${s}(entity)${forget}`)}`,
  ];
}

function taskMethod(fn: string, model: ModelPlan | undefined): string {
  const work = model
    ? `item = await self.get_${model.snake}(item_id)\nlogger.info("${fn}: handled %s", item.id)`
    : `logger.info("${fn}: handled %s", item_id)`;
  return `async def ${fn}(self, item_id: int) -> None:\n    """The work of the ${fn} task; runs once per id (the task keeps a ledger)."""\n${indent(work)}`;
}
