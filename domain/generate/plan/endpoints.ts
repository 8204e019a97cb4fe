/** The HTTP endpoints of a router node: drawn ones mapped onto operations, or CRUD by default. */
import type { Endpoint, HttpMethod } from '../../diagram';
import { snakeName, type NameRegistry } from './naming';
import type { ModelPlan, NodePlan, Provider, RepositoryPlan, RouterPlan, ServicePlan, TaskPlan } from './plan';

export type Operation = 'create' | 'list' | 'get' | 'update' | 'delete' | 'enqueue' | 'hits' | 'columns' | 'info';

export interface EndpointPlan {
  readonly method: HttpMethod;
  /** Path below the router's prefix, parameters as `{name}` (`{item_id}` for the id); each writer spells it its own way. */
  readonly path: string;
  readonly fn: string;
  readonly op: Operation;
  readonly model?: ModelPlan;
  readonly provider?: Provider;
  readonly task?: TaskPlan;
  readonly cache?: NodePlan;
  /** For an `info` endpoint that shows a drawn service no other endpoint uses. */
  readonly service?: ServicePlan | RepositoryPlan;
  /** Extra path parameters of a drawn endpoint, beyond the id. */
  readonly extraParams: readonly string[];
}

/** Models a router reaches, each with the service or repository that serves it. */
export function reachedModels(router: RouterPlan): Array<{ model: ModelPlan; provider: Provider }> {
  const out: Array<{ model: ModelPlan; provider: Provider }> = [];
  const seen = new Set<string>();
  for (const service of router.services) {
    for (const p of service.provides) {
      if (!seen.has(p.model.id)) {
        seen.add(p.model.id);
        out.push({ model: p.model, provider: { via: 'service', node: service } });
      }
    }
  }
  for (const repository of router.repositories) {
    for (const model of repository.models) {
      if (!seen.has(model.id)) {
        seen.add(model.id);
        out.push({ model, provider: { via: 'repository', node: repository } });
      }
    }
  }
  return out;
}

const kebab = (snake: string): string => snake.replace(/_+$/, '').replace(/_/g, '-');

export function planEndpoints(router: RouterPlan, drawn: readonly Endpoint[], names: NameRegistry): EndpointPlan[] {
  const reached = reachedModels(router);
  const tasks = router.workers.flatMap((w) => w.tasks);
  const endpoints: EndpointPlan[] = [];
  const seen = new Set<string>();
  const add = (e: Omit<EndpointPlan, 'fn' | 'extraParams'> & { fnWanted: string; extraParams?: string[] }): void => {
    const key = `${e.method} ${e.path.replace(/\{[^}]*\}/g, '{}')}`;
    if (seen.has(key)) return;
    seen.add(key);
    const { fnWanted, ...rest } = e;
    endpoints.push({ ...rest, extraParams: e.extraParams ?? [], fn: names.claim(`${router.id}:${key}`, fnWanted) });
  };
  if (drawn.length === 0) {
    reached.forEach(({ model, provider }, i) => {
      const base = i === 0 ? '' : `/${kebab(model.plural)}`;
      const crud = { model, provider };
      add({ method: 'POST', path: base || '/', op: 'create', fnWanted: `create_${model.snake}`, ...crud });
      add({ method: 'GET', path: base || '/', op: 'list', fnWanted: `list_${model.plural}`, ...crud });
      add({ method: 'GET', path: `${base}/{item_id}`, op: 'get', fnWanted: `get_${model.snake}`, ...crud });
      add({ method: 'PATCH', path: `${base}/{item_id}`, op: 'update', fnWanted: `update_${model.snake}`, ...crud });
      add({ method: 'DELETE', path: `${base}/{item_id}`, op: 'delete', fnWanted: `delete_${model.snake}`, ...crud });
    });
  } else {
    drawn.forEach((endpoint) => add(mapDrawn(endpoint, reached[0], tasks)));
  }
  for (const task of tasks) add({ method: 'POST', path: `/tasks/${task.slug}/{item_id}`, op: 'enqueue', task, fnWanted: `request_${task.fn}` });
  for (const cache of router.caches) add({ method: 'GET', path: `/${kebab(cache.snake)}-hits`, op: 'hits', cache, fnWanted: `count_${cache.snake.replace(/_+$/, '')}_hits` });
  for (const model of router.models) add({ method: 'GET', path: `/${kebab(model.snake)}-columns`, op: 'columns', model, fnWanted: `${model.snake.replace(/_+$/, '')}_columns` });
  for (const service of [...router.services, ...router.repositories]) {
    if (endpoints.some((e) => e.provider?.node.id === service.id)) continue;
    add({ method: 'GET', path: `/${kebab(service.snake)}`, op: 'info', service, fnWanted: `${service.snake.replace(/_+$/, '')}_info` });
  }
  // A leading `{item_id}` matches any segment, so fixed paths must be declared before it.
  const leadingParam = (e: EndpointPlan): boolean => /^\/\{/.test(e.path);
  return [...endpoints.filter((e) => !leadingParam(e)), ...endpoints.filter(leadingParam)];
}

function mapDrawn(
  endpoint: Endpoint,
  primary: { model: ModelPlan; provider: Provider } | undefined,
  tasks: readonly TaskPlan[],
): Omit<EndpointPlan, 'fn' | 'extraParams'> & { fnWanted: string; extraParams: string[] } {
  const params: string[] = [];
  const segments = endpoint.path
    .split('/')
    .filter((s) => s !== '')
    .map((segment) => {
      const param = /^\{(.*)\}$/.exec(segment);
      if (!param) return segment.replace(/[^A-Za-z0-9._~-]+/g, '-') || '-';
      const name = params.length === 0 ? 'item_id' : snakeName(param[1] ?? '', 'param');
      const unique = params.includes(name) ? `${name}_${params.length + 1}` : name;
      params.push(unique);
      return `{${unique}}`;
    });
  const path = `/${segments.join('/')}`;
  const fnWanted = snakeName(`${endpoint.method} ${endpoint.path}`, 'endpoint');
  const hasId = params.length > 0;
  const extraParams = params.slice(1);
  const base = { method: endpoint.method, path, fnWanted, extraParams };
  const task = tasks[0];
  if (endpoint.method === 'POST' && hasId && task) return { ...base, op: 'enqueue', task };
  if (!primary) return { ...base, op: 'info' };
  const crud = { model: primary.model, provider: primary.provider };
  switch (endpoint.method) {
    case 'GET':
      return { ...base, op: hasId ? 'get' : 'list', ...crud };
    case 'POST':
      return { ...base, op: 'create', ...crud };
    case 'PUT':
    case 'PATCH':
      return hasId ? { ...base, op: 'update', ...crud } : { ...base, op: 'info' };
    case 'DELETE':
      return hasId ? { ...base, op: 'delete', ...crud } : { ...base, op: 'info' };
  }
}
