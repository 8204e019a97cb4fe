/** Router nodes: thin FastAPI routes that hand every request to a service (or a drawn repository). */
import type { FastapiModules } from './layout';
import type { EndpointPlan, RouterPlan } from '../plan/plan';
import { cacheKey } from '../sqlalchemy/components';
import { from, indent, str, wrap, type PyImport } from '../python/py';
import type { Builders } from './wiring';
import type { Unit } from '../python/unit';

export function routeUnits(routers: readonly RouterPlan[], modules: FastapiModules, builders: Builders): Unit[] {
  return routers.map((r) => routeUnit(r, modules, builders));
}

/** Where each resource of the router lives, so a reader finds a nested resource without reading the handlers. */
function routesDoc(r: RouterPlan): string {
  const at = (path: string): string => `/api${r.prefix}${path || '/'}`;
  const served = r.resources.map((x) => `${x.model.cls} at ${at(x.path)}${x.own ? '' : ' (nested: no router of its own serves it)'}`);
  return served.length > 0 ? `HTTP routes of the ${r.label} router: ${served.join('; ')}.` : `HTTP routes of the ${r.label} router.`;
}

function routeUnit(r: RouterPlan, modules: FastapiModules, builders: Builders): Unit {
  const imports: PyImport[] = [from('fastapi', 'APIRouter')];
  const tag = r.prefix.slice(1);
  const blocks = [`${r.variable} = APIRouter(prefix=${str(r.prefix)}, tags=[${str(tag)}])`];
  for (const e of r.endpoints) blocks.push(endpoint(r, e, modules, builders, imports));
  return { module: modules.of('routes', r), imports, doc: routesDoc(r), blocks };
}

function endpoint(r: RouterPlan, e: EndpointPlan, modules: FastapiModules, builders: Builders, imports: PyImport[]): string {
  const params: string[] = [];
  const defaults: string[] = [];
  const body: string[] = [];
  let returns = 'None';
  let status = '';
  const m = e.model;
  const dep = (name: string, cls: string, provider: string): void => {
    imports.push(from('typing', 'Annotated'), from('fastapi', 'Depends'), from(modules.deps, provider));
    params.push(`${name}: Annotated[${cls}, Depends(${provider})]`);
  };
  if (e.path.includes('{item_id}')) params.push('item_id: int');
  if (e.op === 'enqueue' && e.task) {
    const fn = `enqueue_${e.task.fn}`;
    imports.push(from(modules.of('tasks', e.task.worker), fn), from('fastapi', 'status'), from('fastapi.concurrency', 'run_in_threadpool'));
    status = ', status_code=status.HTTP_202_ACCEPTED';
    returns = 'dict[str, str | int]';
    body.push(
      '# In a worker thread, so the loop keeps serving; a broker that is down answers 503.',
      `await run_in_threadpool(${fn}, item_id)`,
      `return {"queued": ${str(e.task.fn)}, "item_id": item_id}`,
    );
  } else if (m && e.provider) {
    const p = e.provider;
    const target = p.via === 'service' ? 'service' : 'repository';
    imports.push(from(modules.of('schemas', m), m.read));
    imports.push(p.via === 'service' ? from(modules.of('services', p.node), p.node.cls) : from(modules.of('repositories', p.node), p.node.cls));
    const call = (method: string, args: string): string => `await ${target}.${method}_${method === 'list' ? m.plural : m.snake}(${args})`;
    const viaRepo = p.via === 'repository';
    const cache = e.op === 'get' || e.op === 'update' || e.op === 'delete' ? r.caches[0] : undefined;
    const load = (): void => {
      imports.push(from(modules.core('errors'), 'NotFoundError'));
      body.push(`entity = ${call('get', 'item_id')}`, 'if entity is None:', `    raise NotFoundError(f"${m.cls} {item_id} not found")`);
    };
    const forget = cache ? [`await cache.delete(${cacheKey(m, 'item_id')})`] : [];
    switch (e.op) {
      case 'create':
        imports.push(from(modules.of('schemas', m), m.create), from('fastapi', 'status'));
        params.unshift(`data: ${m.create}`);
        status = ', status_code=status.HTTP_201_CREATED';
        returns = m.read;
        body.push(viaRepo ? `return ${m.read}.model_validate(${call('add', 'data')})` : `return ${call('create', 'data')}`);
        break;
      case 'list':
        imports.push(from('typing', 'Annotated'), from('fastapi', 'Query'));
        defaults.push('offset: Annotated[int, Query(ge=0)] = 0', 'limit: Annotated[int, Query(ge=1, le=100)] = 100');
        returns = `list[${m.read}]`;
        body.push(...(viaRepo ? [`entities = ${call('list', 'offset, limit')}`, `return [${m.read}.model_validate(e) for e in entities]`] : [`return ${call('list', 'offset, limit')}`]));
        break;
      case 'get':
        returns = m.read;
        if (cache) {
          body.push(`key = ${cacheKey(m, 'item_id')}`, 'cached = await cache.get_json(key)', 'if cached is not None:', `    return ${m.read}.model_validate(cached)`);
        }
        if (viaRepo) {
          load();
          body.push(`item = ${m.read}.model_validate(entity)`);
        } else body.push(`item = ${call('get', 'item_id')}`);
        if (cache) body.push('await cache.set_json(key, item.model_dump(mode="json"))');
        body.push('return item');
        break;
      case 'update':
        imports.push(from(modules.of('schemas', m), m.update));
        params.splice(1, 0, `data: ${m.update}`);
        returns = m.read;
        if (viaRepo) {
          load();
          body.push(`changes = data.model_dump(exclude_unset=True)`, `item = ${m.read}.model_validate(${call('update', 'entity, changes')})`);
        } else body.push(`item = ${call('update', 'item_id, data')}`);
        body.push(...forget, 'return item');
        break;
      case 'delete':
        imports.push(from('fastapi', 'status'));
        status = ', status_code=status.HTTP_204_NO_CONTENT';
        if (viaRepo) {
          load();
          body.push(call('delete', 'entity'));
        } else body.push(call('delete', 'item_id'));
        body.push(...forget);
        break;
    }
    dep(target, p.node.cls, `get_${builders.of(p.node)}`);
    if (cache) {
      dep('cache', cache.cls, `get_${builders.of(cache)}`);
      imports.push(from(modules.of('clients', cache), cache.cls));
    }
  }
  const decorator = wrap(`@${r.variable}.${e.method.toLowerCase()}(`, [str(e.path), ...(status ? [status.slice(2)] : [])], ')');
  const signature = wrap(`async def ${e.fn}(`, [...params, ...defaults], `) -> ${returns}:`);
  return `${decorator}\n${signature}\n${indent(body.join('\n'))}`;
}
