/** Router nodes: one Blueprint each, thin views that hand every request to a service (or a drawn repository). */
import type { FlaskModules } from './layout';
import type { EndpointPlan, RouterPlan } from '../plan/plan';
import { from, indent, str, wrap, type PyImport } from '../python/py';
import type { Builders } from './wiring';
import { wiringImport } from './wiring';
import type { Unit } from '../python/unit';

export function routeUnits(routers: readonly RouterPlan[], modules: FlaskModules, builders: Builders): Unit[] {
  return routers.map((r) => routeUnit(r, modules, builders));
}

/** The URL of a router's endpoints below the app: `/api/orders`. */
export const blueprintPrefix = (r: RouterPlan): string => `/api${r.prefix}`;

function routeUnit(r: RouterPlan, modules: FlaskModules, builders: Builders): Unit {
  const imports: PyImport[] = [from('flask', 'Blueprint'), from('flask.typing', 'ResponseReturnValue')];
  const blocks = [wrap(`${r.variable} = Blueprint(`, [str(r.snake), '__name__', `url_prefix=${str(blueprintPrefix(r))}`], ')')];
  for (const e of r.endpoints) blocks.push(endpoint(r, e, modules, builders, imports));
  return { module: modules.of('routes', r), imports, doc: `HTTP routes of the ${r.label} router (a Blueprint).`, blocks };
}

/** `{item_id}` → `<int:item_id>`, other parameters → `<name>`, as Flask's URL rules write them. */
export function flaskPath(path: string): string {
  return path.replace(/\{([a-z0-9_]+)\}/g, (_whole, name: string) => (name === 'item_id' ? '<int:item_id>' : `<${name}>`));
}

function endpoint(r: RouterPlan, e: EndpointPlan, modules: FlaskModules, builders: Builders, imports: PyImport[]): string {
  const params: string[] = [];
  const body: string[] = [];
  const m = e.model;
  const useWiring = (): void => void imports.push(wiringImport(modules));
  if (e.path.includes('{item_id}')) params.push('item_id: int');
  for (const extra of e.extraParams) params.push(`${extra}: str`);
  if ((e.op === 'create' || e.op === 'update' || e.op === 'delete' || e.op === 'get' || e.op === 'list') && m && e.provider) {
    const p = e.provider;
    const viaRepo = p.via === 'repository';
    useWiring();
    imports.push(from(modules.core('db'), 'unit_of_work'));
    const target = viaRepo ? `wiring.${builders.of(p.node)}()` : `wiring.${builders.of(p.node)}(defer)`;
    const open = viaRepo ? 'with unit_of_work():' : 'with unit_of_work() as defer:';
    const call = (method: string, args: string): string => `${target}.${method}_${method === 'list' ? m.plural : m.snake}(${args})`;
    const inside: string[] = [];
    const load = (): void => {
      imports.push(from(modules.core('errors'), 'NotFoundError'));
      inside.push(`entity = ${call('get', 'item_id')}`, 'if entity is None:', `    raise NotFoundError(f"${m.cls} {item_id} not found")`);
    };
    let after: string;
    if (viaRepo) imports.push(from(modules.of('schemas', m), m.read));
    switch (e.op) {
      case 'create':
        imports.push(from(modules.of('schemas', m), m.create), from(modules.web, 'parse_body'));
        body.push(`data = parse_body(${m.create})`);
        inside.push(viaRepo ? `item = ${m.read}.model_validate(${call('add', 'data')})` : `item = ${call('create', 'data')}`);
        after = 'return item.model_dump(mode="json"), 201';
        break;
      case 'list':
        imports.push(from(modules.web, 'page_args'));
        body.push('page = page_args()');
        inside.push(viaRepo ? `items = [${m.read}.model_validate(e) for e in ${call('list', 'page.offset, page.limit')}]` : `items = ${call('list', 'page.offset, page.limit')}`);
        after = 'return [item.model_dump(mode="json") for item in items]';
        break;
      case 'get':
        if (viaRepo) {
          load();
          inside.push(`item = ${m.read}.model_validate(entity)`);
        } else inside.push(`item = ${call('get', 'item_id')}`);
        after = 'return item.model_dump(mode="json")';
        break;
      case 'update':
        imports.push(from(modules.of('schemas', m), m.update), from(modules.web, 'parse_body'));
        body.push(`data = parse_body(${m.update})`);
        if (viaRepo) {
          load();
          inside.push('changes = data.model_dump(exclude_unset=True)', `item = ${m.read}.model_validate(${call('update', 'entity, changes')})`);
        } else inside.push(`item = ${call('update', 'item_id, data')}`);
        after = 'return item.model_dump(mode="json")';
        break;
      default:
        if (viaRepo) {
          load();
          inside.push(call('delete', 'entity'));
        } else inside.push(call('delete', 'item_id'));
        after = 'return "", 204';
    }
    body.push(open, ...inside.map((line) => `    ${line}`), after);
  } else if (e.op === 'enqueue' && e.task) {
    const fn = `enqueue_${e.task.fn}`;
    imports.push(from(modules.of('tasks', e.task.worker), fn));
    body.push(`${fn}(item_id)`, `return {"queued": ${str(e.task.fn)}, "item_id": item_id}, 202`);
  } else if (e.op === 'hits' && e.cache) {
    useWiring();
    body.push(`return {"hits": wiring.${builders.of(e.cache)}().incr(${str(`${r.variable}:hits`)})}`);
  } else if (e.op === 'columns' && m) {
    imports.push(from(modules.of('models', m), m.cls));
    body.push(`return [column.name for column in ${m.cls}.__table__.columns]`);
  } else if (e.service) {
    useWiring();
    const name = e.service.kind === 'service' ? 'service' : 'repository';
    if (e.service.kind === 'service') {
      imports.push(from(modules.core('db'), 'unit_of_work'));
      body.push('with unit_of_work() as defer:', `    built = wiring.${builders.of(e.service)}(defer)`);
    } else body.push(`built = wiring.${builders.of(e.service)}()`);
    body.push(`return {${str(name)}: type(built).__name__}`);
  } else {
    body.push(`return {"router": ${str(r.prefix.slice(1))}, "path": ${str(e.path)}}`);
  }
  const decorator = wrap(`@${r.variable}.${e.method.toLowerCase()}(`, [str(flaskPath(e.path))], ')');
  const signature = wrap(`def ${e.fn}(`, params, ') -> ResponseReturnValue:');
  return `${decorator}\n${signature}\n${indent(body.join('\n')).split('\n').map(fit).join('\n')}`;
}

/** Wraps a long `name = call(args)` or `call(args)` line (indentation included) the way ruff format splits it. */
export function fit(line: string): string {
  if (line.length <= 88) return line;
  const match = /^( *)((?:[\w.]+ = )?[\w.]+(?:\([^()]*\))?(?:\.\w+)*\()(.*)\)$/.exec(line);
  if (!match || match[3]!.includes('(')) return line;
  return wrap(match[2]!, match[3]!.split(', '), ')', match[1]);
}
