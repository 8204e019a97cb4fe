/** Service nodes: business logic, with every dependency arriving through the constructor. */
import type { FastapiModules } from './layout';
import type { ModelPlan, NodePlan, Provider, ServicePlan } from '../plan/plan';
import { docText, from, indent, plain, wrap, type PyImport } from '../python/py';
import type { Unit } from '../python/unit';
import { cacheKey, dependencyNames, fitSignature, serviceParams } from '../sqlalchemy/components';

export function serviceUnits(services: readonly ServicePlan[], modules: FastapiModules): Unit[] {
  return services.map((s) => serviceUnit(s, modules));
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
