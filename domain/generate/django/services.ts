/**
 * Service nodes (HackSoft's services): writes and business rules, one class per node, reading
 * through the selectors it reaches and writing through the ORM of their models. Collaborators
 * arrive through the constructor, the configured ones by default.
 */
import type { FieldType } from '../../diagram';
import { isSafeIdentifier, NameRegistry } from '../plan/naming';
import type { ModelPlan, NodePlan, Plan, ServicePlan } from '../plan/plan';
import { docText, from, indent, plain, str, type PyImport } from '../python/py';
import { wrapAt } from './code';
import type { Unit } from '../python/unit';
import { clientFactory } from './clients';
import type { DjangoModel } from './fields';
import type { DjangoModules } from './layout';
import { isServed, serviceOperations, sweptWorkers } from './usage';

/** Python annotation of a drawn type, with the import it needs. */
export const PY_TYPES: Readonly<Record<FieldType, { readonly py: string; readonly imp?: readonly [string, string] }>> = {
  str: { py: 'str' },
  text: { py: 'str' },
  int: { py: 'int' },
  float: { py: 'float' },
  decimal: { py: 'Decimal', imp: ['decimal', 'Decimal'] },
  bool: { py: 'bool' },
  date: { py: 'date', imp: ['datetime', 'date'] },
  datetime: { py: 'datetime', imp: ['datetime', 'datetime'] },
  uuid: { py: 'UUID', imp: ['uuid', 'UUID'] },
  json: { py: 'Any', imp: ['typing', 'Any'] },
};

export interface Collaborator {
  readonly node: NodePlan;
  readonly param: string;
  readonly cls: string;
  readonly module: string;
  /** How the default is built: `OrderRepository()`, `payments_client()`. */
  readonly build: string;
}

/** Constructor parameters of a service: selectors, services, external clients, caches. */
export function collaborators(s: ServicePlan, modules: DjangoModules): Collaborator[] {
  const names = new NameRegistry(['self']);
  const out: Collaborator[] = [];
  const add = (node: NodePlan, area: 'repositories' | 'services' | 'clients', build: string): void => {
    // `import_` keeps its underscore: without it, it is a keyword, not a parameter.
    const bare = node.snake.replace(/_+$/, '');
    out.push({ node, param: names.claim(node.id, isSafeIdentifier(bare) ? bare : node.snake), cls: node.cls, module: modules.of(area, node), build });
  };
  for (const r of s.repositories) add(r, 'repositories', `${r.cls}()`);
  for (const o of s.services) add(o, 'services', `${o.cls}()`);
  for (const x of s.externals) add(x, 'clients', `${clientFactory(x)}()`);
  for (const c of s.caches) add(c, 'clients', `${c.cls}()`);
  return out;
}

interface Context {
  readonly plan: Plan;
  readonly s: ServicePlan;
  readonly modules: DjangoModules;
  readonly models: ReadonlyMap<string, DjangoModel>;
  readonly imports: PyImport[];
  readonly attr: (node: NodePlan) => string;
}

export function serviceUnits(plan: Plan, modules: DjangoModules, models: ReadonlyMap<string, DjangoModel>): Unit[] {
  return plan.services.map((s) => serviceUnit(plan, s, modules, models));
}

function serviceUnit(plan: Plan, s: ServicePlan, modules: DjangoModules, models: ReadonlyMap<string, DjangoModel>): Unit {
  const imports: PyImport[] = [];
  const team = collaborators(s, modules);
  const attr = (node: NodePlan): string => `self._${team.find((c) => c.node.id === node.id)!.param}`;
  const ctx: Context = { plan, s, modules, models, imports, attr };
  for (const c of team) imports.push(from(c.module, c.cls));
  for (const x of s.externals) imports.push(from(modules.of('clients', x), clientFactory(x)));
  const params = ['self', ...team.map((c) => `${c.param}: ${c.cls} | None = None`)];
  const init = `${wrapAt(1, 'def __init__(', params, ') -> None:')}\n${
    team.length > 0 ? indent(team.map((c) => `self._${c.param} = ${c.param} or ${c.build}`).join('\n')) : '    pass'
  }`;
  const methods: string[] = [];
  const helpers: string[] = [];
  for (const p of s.provides) {
    const model = models.get(p.model.id)!;
    if (p.provider.via === 'repository') methods.push(...ownCrud(ctx, model, p.provider.node, helpers));
    else if (isServed(plan, s, p.model) || s.taskMethods.length > 0) methods.push(...delegated(ctx, model, p.provider.node));
  }
  const blocks: string[] = [];
  const work = workMethods(ctx, blocks);
  const doc = `"""Business logic of ${docText(s.label)}; collaborators arrive through the constructor\n(the configured ones by default, fakes in tests)."""`;
  const body = [doc, init, ...methods, ...helpers, ...work].join('\n\n');
  if (methods.some((m) => m.includes('@transaction.atomic'))) imports.push(from('django.db', 'transaction'));
  return {
    module: modules.of('services', s),
    imports,
    doc: `The ${s.label} service: writes and business rules.`,
    blocks: ['logger = logging.getLogger(__name__)', `class ${s.cls}:\n${indent(body)}`, ...blocks].map((b) => b),
  };
}

function annotation(type: FieldType, optional: boolean, imports: PyImport[]): string {
  const t = PY_TYPES[type];
  if (t.imp) imports.push(from(t.imp[0], t.imp[1]));
  return optional ? `${t.py} | None` : t.py;
}

/** CRUD through the service's own selector and the model's ORM. */
function ownCrud(ctx: Context, m: DjangoModel, repository: NodePlan, helpers: string[]): string[] {
  const { imports, s, plan } = ctx;
  const ops = serviceOperations(plan, s, m.plan);
  const repo = ctx.attr(repository);
  const cache = s.caches[0] ? ctx.attr(s.caches[0]) : undefined;
  const v = m.snake;
  const id = `${v}_id`;
  imports.push(from('django.db.models', 'QuerySet'), from(ctx.modules.of('models', m.plan), m.cls), from(ctx.modules.core('errors'), 'NotFoundError'));
  const out: string[] = [];
  if (ops.has('list')) out.push(`def list_${m.plural}(self) -> QuerySet[${m.cls}]:\n    return ${repo}.list_${m.plural}()`);
  const load = `${v} = ${repo}.get_${v}(${id})\nif ${v} is None:\n    raise NotFoundError(f"${m.cls} {${id}} not found")`;
  if (cache) {
    out.push(`def get_${v}(self, ${id}: int) -> ${m.cls}:\n${indent(`key = f"${v}:{${id}}"\n${v} = ${cache}.get(key)\nif ${v} is None:\n${indent(`${load}\n${cache}.set(key, ${v})`)}\nreturn ${v}`)}`);
  } else {
    out.push(`def get_${v}(self, ${id}: int) -> ${m.cls}:\n${indent(`${load}\nreturn ${v}`)}`);
  }
  helpers.push(`def _require_${v}(self, ${id}: int) -> ${m.cls}:\n${indent(`${load}\nreturn ${v}`)}`);
  const uniques = m.fields.filter((f) => f.unique && !f.auto);
  const refs = m.foreignKeys.map((fk) => ({ fk, check: referenceCheck(ctx, fk.ref) }));
  if (ops.has('create')) {
    const writable = m.fields.filter((f) => !f.auto);
    const required = writable.filter((f) => !f.optional).map((f) => `${f.attr}: ${annotation(f.type, false, imports)}`);
    const optional = writable.filter((f) => f.optional).map((f) => `${f.attr}: ${annotation(f.type, true, imports)} = None`);
    const fkParams = m.foreignKeys.map((fk) => `${fk.attr}_id: int | None = None`);
    const params = ['self', '*', ...required, ...optional, ...fkParams];
    const checks = uniques.map((f) => (f.optional ? `if ${f.attr} is not None:\n    self._check_${v}_${f.attr}_free(${f.attr})` : `self._check_${v}_${f.attr}_free(${f.attr})`));
    const args = [...writable.map((f) => `${f.attr}=${f.attr}`), ...refs.map(({ fk, check }) => (check ? `${fk.attr}_id=self._${fk.attr}_reference(${fk.attr}_id)` : `${fk.attr}_id=${fk.attr}_id`))];
    const body = [...checks, wrapAt(2, `${v} = ${m.cls}(`, args, ')'), `${v}.full_clean(validate_unique=False, validate_constraints=False)`, `${v}.save()`, `return ${v}`];
    out.push(`@transaction.atomic\n${wrapAt(1, `def create_${v}(`, params, `) -> ${m.cls}:`)}\n${indent(body.join('\n'))}`);
  }
  if (ops.has('update')) {
    imports.push(from('collections.abc', 'Mapping'), from('typing', 'Any'));
    const checks = uniques.map((f) => `if changes.get(${str(f.attr)}) is not None:\n    self._check_${v}_${f.attr}_free(changes[${str(f.attr)}], ${id})`);
    const loop = refs.filter((r) => r.check).length > 0
      ? `for field, value in changes.items():\n${indent(refs.filter((r) => r.check).map(({ fk }) => `if field == ${str(`${fk.attr}_id`)}:\n    value = self._${fk.attr}_reference(value)`).join('\n'))}\n    setattr(${v}, field, value)`
      : `for field, value in changes.items():\n    setattr(${v}, field, value)`;
    const body = [`${v} = self._require_${v}(${id})`, ...checks, loop, `${v}.full_clean(validate_unique=False, validate_constraints=False)`, `${v}.save()`, ...(cache ? [`${cache}.delete(f"${v}:{${id}}")`] : []), `return ${v}`];
    out.push(`@transaction.atomic\n${wrapAt(1, `def update_${v}(`, ['self', `${id}: int`, 'changes: Mapping[str, Any]'], `) -> ${m.cls}:`)}\n${indent(body.join('\n'))}`);
  }
  if (ops.has('delete')) {
    const body = [`self._require_${v}(${id}).delete()`, ...(cache ? [`${cache}.delete(f"${v}:{${id}}")`] : [])];
    out.push(`@transaction.atomic\ndef delete_${v}(self, ${id}: int) -> None:\n${indent(body.join('\n'))}`);
  }
  if (ops.has('create') || ops.has('update')) {
    for (const f of uniques) {
      imports.push(from(ctx.modules.core('errors'), 'ConflictError'));
      const type = annotation(f.type, false, imports);
      helpers.push(`${wrapAt(1, `def _check_${v}_${f.attr}_free(`, ['self', `${f.attr}: ${type}`, `${id}: int | None = None`], ') -> None:')}
    # A clear 409 first; the unique index still catches a concurrent insert (409).
    if ${repo}.${v}_${f.attr}_taken(${f.attr}, ${id}):
        message = f"A ${docText(m.plan.label).replace(/[{}]/g, '')} with ${f.attr} {${f.attr}!r} already exists."
        raise ConflictError(message)`);
    }
    for (const { fk, check } of refs) {
      if (!check) continue;
      imports.push(from('django.core.exceptions', 'ValidationError'));
      helpers.push(`${wrapAt(1, `def _${fk.attr}_reference(`, ['self', `${fk.attr}_id: int | None`], ') -> int | None:')}
    """Checks the referenced ${docText(fk.ref.label)} exists (422 otherwise)."""
    if ${fk.attr}_id is None:
        return None
${indent(check(`${fk.attr}_id`), 1)}
    return ${fk.attr}_id`);
    }
  }
  return out;
}

/** How a service checks that a referenced row exists: through its own selector, or the service that offers the model. */
function referenceCheck(ctx: Context, ref: ModelPlan): ((id: string) => string) | undefined {
  const own = ctx.s.repositories.find((r) => r.models.some((m) => m.id === ref.id));
  const message = (id: string): string => `message = f"${docText(ref.label).replace(/[{}]/g, '')} {${id}} does not exist."\nraise ValidationError({${str(id)}: message})`;
  if (own) return (id) => `if ${ctx.attr(own)}.get_${ref.snake}(${id}) is None:\n${indent(message(id))}`;
  const via = ctx.s.services.find((o) => o.provides.some((p) => p.model.id === ref.id));
  if (via) return (id) => `try:\n    ${ctx.attr(via)}.get_${ref.snake}(${id})\nexcept NotFoundError:\n${indent(message(id))} from None`;
  return undefined;
}

/** CRUD of a model another service offers: handed on to that service (no second path to the table). */
function delegated(ctx: Context, m: DjangoModel, service: NodePlan): string[] {
  const { imports } = ctx;
  const ops = serviceOperations(ctx.plan, ctx.s, m.plan);
  const target = ctx.attr(service);
  const v = m.snake;
  imports.push(from(ctx.modules.of('models', m.plan), m.cls));
  const out = [`def get_${v}(self, ${v}_id: int) -> ${m.cls}:\n    return ${target}.get_${v}(${v}_id)`];
  if (ops.has('list')) {
    imports.push(from('django.db.models', 'QuerySet'));
    out.unshift(`def list_${m.plural}(self) -> QuerySet[${m.cls}]:\n    return ${target}.list_${m.plural}()`);
  }
  if (ops.has('create')) {
    imports.push(from('typing', 'Any'));
    out.push(`def create_${v}(self, **fields: Any) -> ${m.cls}:\n    return ${target}.create_${v}(**fields)`);
  }
  if (ops.has('update')) {
    imports.push(from('collections.abc', 'Mapping'), from('typing', 'Any'));
    out.push(`${wrapAt(1, `def update_${v}(`, ['self', `${v}_id: int`, 'changes: Mapping[str, Any]'], `) -> ${m.cls}:`)}\n    return ${target}.update_${v}(${v}_id, changes)`);
  }
  if (ops.has('delete')) out.push(`def delete_${v}(self, ${v}_id: int) -> None:\n    ${target}.delete_${v}(${v}_id)`);
  return out;
}

/** The work of each task of the workers that call this service, and the sweep's paging. */
function workMethods(ctx: Context, blocks: string[]): string[] {
  const { s, imports, plan } = ctx;
  const out: string[] = [];
  const swept = sweptWorkers(plan);
  const model = s.provides[0]?.model;
  const m = model ? ctx.models.get(model.id)! : undefined;
  if (s.taskMethods.length > 0 || s.externals.length > 0) imports.push(plain('logging'));
  else imports.push(plain('logging'));
  for (const t of s.taskMethods) {
    if (!m) {
      out.push(`def ${t.fn}(self, item_id: int) -> None:\n    """The ${t.fn} task's work for one id."""\n    logger.info("${t.fn}: handled %s", item_id)`);
      continue;
    }
    const v = m.snake;
    const publish = s.externals.map((x) => `${ctx.attr(x)}.publish(${str(`/${m.plural.replace(/_/g, '-')}`)}, ${v}_payload(${v}))`);
    const lines = [`${v} = self.get_${v}(${v}_id)`, ...publish, `logger.info("${t.fn}: handled ${docText(model!.label).replace(/[%{}]/g, '')} %s", ${v}.pk)`];
    out.push(`def ${t.fn}(self, ${v}_id: int) -> None:\n    """The ${t.fn} task's work for one ${docText(model!.label)}; runs once per id (the task\n    ledger). A raised error rolls the run back, and transient ones are retried."""\n${indent(lines.join('\n'))}`);
  }
  if (m && s.externals.length > 0 && s.taskMethods.length > 0) {
    imports.push(from('typing', 'Any'));
    const items = [`"id": ${m.snake}.pk`, ...m.fields.map((f) => `${str(f.attr)}: ${m.snake}.${f.attr}`), ...m.foreignKeys.map((fk) => `${str(`${fk.attr}_id`)}: ${m.snake}.${fk.attr}_id`)];
    blocks.push(`def ${m.snake}_payload(${m.snake}: ${m.cls}) -> dict[str, Any]:\n    """The ${docText(model!.label)} as the API reads it."""\n    return {\n${items.map((i) => `        ${i},`).join('\n')}\n    }`);
  }
  if (m && s.taskMethods.some((t) => swept.has(t.worker.id))) {
    const p = s.provides[0]!;
    const call = p.provider.via === 'repository' ? `${ctx.attr(p.provider.node)}.${m.snake}_ids_pending(task, after_id, batch)` : `${ctx.attr(p.provider.node)}.${m.plural}_pending(task, after_id, batch)`;
    out.push(`${wrapAt(1, `def ${m.plural}_pending(`, ['self', 'task: str', 'after_id: int', 'batch: int'], ') -> list[int]:')}\n    return ${call}`);
  }
  return out;
}
