/**
 * Router nodes: one Blueprint each, serving what the router owns (plan/resources.ts): its own
 * model at its prefix, reached models no router owns at nested paths, one action per task.
 * Views are thin: parse, hand the request to a service (or a drawn repository), answer.
 */
import type { FlaskModules } from './layout';
import type { EndpointPlan, ModelPlan, Provider, RouterPlan } from '../plan/plan';
import { from, indent, str, wrap, wrapCollection, type PyImport } from '../python/py';
import { cacheKey } from '../sqlalchemy/components';
import type { Builders } from './wiring';
import { wiringImport } from './wiring';
import type { Unit } from '../python/unit';

export function routeUnits(routers: readonly RouterPlan[], modules: FlaskModules, builders: Builders): Unit[] {
  return routers.map((r) => routeUnit(r, modules, builders));
}

/** Where each resource of the router lives, so a reader finds a nested resource without reading the views. */
function routesDoc(r: RouterPlan): string {
  const at = (path: string): string => `/api${r.prefix}${path || '/'}`;
  const served = r.resources.map((x) => `${x.model.cls} at ${at(x.path)}${x.own ? '' : ' (nested: no router of its own serves it)'}`);
  return served.length > 0 ? `HTTP routes of the ${r.label} router (a Blueprint): ${served.join('; ')}.` : `HTTP routes of the ${r.label} router (a Blueprint).`;
}

function routeUnit(r: RouterPlan, modules: FlaskModules, builders: Builders): Unit {
  const imports: PyImport[] = [from('flask', 'Blueprint'), from('flask.typing', 'ResponseReturnValue')];
  const blocks = [wrap(`${r.variable} = Blueprint(`, [str(r.snake), '__name__', `url_prefix=${str(`/api${r.prefix}`)}`], ')')];
  for (const e of r.endpoints) blocks.push(endpoint(r, e, modules, builders, imports));
  return { module: modules.of('routes', r), imports, doc: routesDoc(r), blocks };
}

/** `{item_id}` → `<int:item_id>`, as Flask's URL rules write it. */
const flaskPath = (path: string): string => path.replace('{item_id}', '<int:item_id>');

function endpoint(r: RouterPlan, e: EndpointPlan, modules: FlaskModules, builders: Builders, imports: PyImport[]): string {
  const body = e.op === 'enqueue' ? enqueueBody(e, modules, imports) : crudBody(r, e, modules, builders, imports);
  const decorator = wrap(`@${r.variable}.${e.method.toLowerCase()}(`, [str(flaskPath(e.path))], ')');
  const signature = wrap(`def ${e.fn}(`, e.path.includes('{item_id}') ? ['item_id: int'] : [], ') -> ResponseReturnValue:');
  return `${decorator}\n${signature}\n${indent(body.join('\n'))}`;
}

function enqueueBody(e: EndpointPlan, modules: FlaskModules, imports: PyImport[]): string[] {
  const fn = `enqueue_${e.task!.fn}`;
  imports.push(from(modules.of('tasks', e.task!.worker), fn));
  const answer = wrapCollection('return {', [`"queued": ${str(e.task!.fn)}`, '"item_id": item_id'], '}, 202', '    ').replace(/^ {4}/gm, '');
  return [`${fn}(item_id)`, answer];
}

/**
 * A CRUD view: the body parsed first (422 before any work), one unit of work around the call,
 * the answer after the commit. A cache drawn from the router answers reads of one item and is
 * dropped after every committed write of it.
 */
function crudBody(r: RouterPlan, e: EndpointPlan, modules: FlaskModules, builders: Builders, imports: PyImport[]): string[] {
  const m = e.model!;
  const provider = e.provider!;
  imports.push(wiringImport(modules), from(modules.core('db'), 'unit_of_work'));
  const cache = e.op === 'get' || e.op === 'update' || e.op === 'delete' ? r.caches[0] : undefined;
  const before: string[] = [];
  const after: string[] = [];
  if (e.op === 'create' || e.op === 'update') {
    imports.push(from(modules.of('schemas', m), e.op === 'create' ? m.create : m.update), from(modules.web, 'parse_body'));
    before.push(`data = parse_body(${e.op === 'create' ? m.create : m.update})`);
  }
  if (e.op === 'list') {
    imports.push(from(modules.web, 'page_args'));
    before.push('page = page_args()');
  }
  if (cache) {
    before.push(`cache = wiring.${builders.of(cache)}()`, `key = ${cacheKey(m, 'item_id')}`);
    if (e.op === 'get') before.push('cached = cache.get_json(key)', 'if cached is not None:', '    return cached');
    else after.push('cache.delete(key)');
  }
  const inside = [...open(provider, builders), ...call(e, m, provider, modules, imports)];
  const answer: Record<string, string[]> = {
    create: ['return item.model_dump(mode="json"), 201'],
    list: ['return [item.model_dump(mode="json") for item in items]'],
    get: cache ? ['body = item.model_dump(mode="json")', 'cache.set_json(key, body)', 'return body'] : ['return item.model_dump(mode="json")'],
    update: ['return item.model_dump(mode="json")'],
    delete: ['return "", 204'],
  };
  const unit = provider.via === 'service' ? 'with unit_of_work() as defer:' : 'with unit_of_work():';
  return [...before, unit, ...inside.map((line) => `    ${line}`), ...after, ...answer[e.op]!];
}

/** The provider built from the wiring, on the unit of work's session. */
function open(p: Provider, builders: Builders): string[] {
  return p.via === 'service' ? [`service = wiring.${builders.of(p.node)}(defer)`] : [`repository = wiring.${builders.of(p.node)}()`];
}

/** The call on the provider: a service answers read schemas; a repository's rows are validated here. */
function call(e: EndpointPlan, m: ModelPlan, p: Provider, modules: FlaskModules, imports: PyImport[]): string[] {
  const method = (verb: string): string => `${verb}_${verb === 'list' ? m.plural : m.snake}`;
  if (p.via === 'service') {
    const args: Record<string, string> = { create: 'data', list: 'page.offset, page.limit', get: 'item_id', update: 'item_id, data', delete: 'item_id' };
    const result = e.op === 'list' ? 'items = ' : e.op === 'delete' ? '' : 'item = ';
    return [`${result}service.${method(e.op)}(${args[e.op]})`];
  }
  imports.push(from(modules.of('schemas', m), m.read));
  const load = (): string[] => {
    imports.push(from(modules.core('errors'), 'NotFoundError'));
    return [`entity = repository.${method('get')}(item_id)`, 'if entity is None:', `    raise NotFoundError(f"${m.cls} {item_id} not found")`];
  };
  switch (e.op) {
    case 'create':
      return [`entity = repository.${method('add')}(data)`, `item = ${m.read}.model_validate(entity)`];
    case 'list':
      return [`entities = repository.${method('list')}(page.offset, page.limit)`, `items = [${m.read}.model_validate(e) for e in entities]`];
    case 'get':
      return [...load(), `item = ${m.read}.model_validate(entity)`];
    case 'update':
      return [...load(), 'changes = data.model_dump(exclude_unset=True)', `entity = repository.${method('update')}(entity, changes)`, `item = ${m.read}.model_validate(entity)`];
    default:
      return [...load(), `repository.${method('delete')}(entity)`];
  }
}

