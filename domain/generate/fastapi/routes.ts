/** Router nodes: thin FastAPI routes that hand every request to a service (or a drawn repository). */
import type { FastapiModules } from './layout';
import type { EndpointPlan, RouterPlan } from '../plan/plan';
import { from, indent, str, wrap, type PyImport } from '../python/py';
import type { Builders } from './wiring';
import type { Unit } from '../python/unit';

export function routeUnits(routers: readonly RouterPlan[], modules: FastapiModules, builders: Builders): Unit[] {
  return routers.map((r) => routeUnit(r, modules, builders));
}

function routeUnit(r: RouterPlan, modules: FastapiModules, builders: Builders): Unit {
  const imports: PyImport[] = [from('fastapi', 'APIRouter')];
  const tag = r.prefix.slice(1);
  const blocks = [`${r.variable} = APIRouter(prefix=${str(r.prefix)}, tags=[${str(tag)}])`];
  for (const e of r.endpoints) blocks.push(endpoint(r, e, modules, builders, imports));
  return { module: modules.of('routes', r), imports, doc: `HTTP routes of the ${r.label} router.`, blocks };
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
  for (const extra of e.extraParams) params.push(`${extra}: str`);
  if ((e.op === 'create' || e.op === 'update' || e.op === 'delete' || e.op === 'get' || e.op === 'list') && m && e.provider) {
    const p = e.provider;
    const target = p.via === 'service' ? 'service' : 'repository';
    imports.push(from(modules.of('schemas', m), m.read));
    if (p.via === 'service') {
      imports.push(from(modules.of('services', p.node), p.node.cls));
    } else {
      imports.push(from(modules.of('repositories', p.node), p.node.cls));
    }
    const call = (method: string, args: string): string => `await ${target}.${method}_${method === 'list' ? m.plural : m.snake}(${args})`;
    const viaRepo = p.via === 'repository';
    const load = (): void => {
      imports.push(from(modules.core('errors'), 'NotFoundError'));
      body.push(`entity = ${call('get', 'item_id')}`, 'if entity is None:', `    raise NotFoundError(f"${m.cls} {item_id} not found")`);
    };
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
        body.push(viaRepo ? `return [${m.read}.model_validate(e) for e in ${call('list', 'offset, limit')}]` : `return ${call('list', 'offset, limit')}`);
        break;
      case 'get':
        returns = m.read;
        if (viaRepo) {
          load();
          body.push(`return ${m.read}.model_validate(entity)`);
        } else body.push(`return ${call('get', 'item_id')}`);
        break;
      case 'update':
        imports.push(from(modules.of('schemas', m), m.update));
        params.splice(1, 0, `data: ${m.update}`);
        returns = m.read;
        if (viaRepo) {
          load();
          body.push(`changes = data.model_dump(exclude_unset=True)`, `return ${m.read}.model_validate(${call('update', 'entity, changes')})`);
        } else body.push(`return ${call('update', 'item_id, data')}`);
        break;
      case 'delete':
        imports.push(from('fastapi', 'status'));
        status = ', status_code=status.HTTP_204_NO_CONTENT';
        if (viaRepo) {
          load();
          body.push(call('delete', 'entity'));
        } else body.push(call('delete', 'item_id'));
        break;
    }
    dep(target, p.node.cls, `get_${builders.of(p.node)}`);
  } else if (e.op === 'enqueue' && e.task) {
    const fn = `enqueue_${e.task.fn}`;
    imports.push(from(modules.of('tasks', e.task.worker), fn), from('fastapi', 'status'), from('fastapi.concurrency', 'run_in_threadpool'));
    status = ', status_code=status.HTTP_202_ACCEPTED';
    returns = 'dict[str, str | int]';
    body.push(
      '# In a worker thread, so the loop keeps serving; a broker that is down answers 503.',
      `await run_in_threadpool(${fn}, item_id)`,
      `return {"queued": ${str(e.task.fn)}, "item_id": item_id}`,
    );
  } else if (e.op === 'hits' && e.cache) {
    dep('cache', e.cache.cls, `get_${builders.of(e.cache)}`);
    imports.push(from(modules.of('clients', e.cache), e.cache.cls));
    returns = 'dict[str, int]';
    body.push(`return {"hits": await cache.incr(${str(`${r.variable}:hits`)})}`);
  } else if (e.op === 'columns' && m) {
    imports.push(from(modules.of('models', m), m.cls));
    returns = 'list[str]';
    body.push(`return [column.name for column in ${m.cls}.__table__.columns]`);
  } else if (e.service) {
    const name = e.service.kind === 'service' ? 'service' : 'repository';
    dep(name, e.service.cls, `get_${builders.of(e.service)}`);
    imports.push(from(modules.of(e.service.kind === 'service' ? 'services' : 'repositories', e.service), e.service.cls));
    returns = 'dict[str, str]';
    body.push(`return {${str(name)}: type(${name}).__name__}`);
  } else {
    returns = 'dict[str, str]';
    body.push(`return {"router": ${str(r.prefix.slice(1))}, "path": ${str(e.path)}}`);
  }
  const decorator = wrap(`@${r.variable}.${e.method.toLowerCase()}(`, [str(e.path), ...(status ? [status.slice(2)] : [])], ')');
  const signature = wrap(`async def ${e.fn}(`, [...params, ...defaults], `) -> ${returns}:`);
  return `${decorator}\n${signature}\n${indent(body.join('\n'))}`;
}
