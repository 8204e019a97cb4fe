/**
 * The HTTP endpoints of a router, spelled out from what it serves (resources.ts): CRUD of its
 * own model at its prefix, of the other models it reaches at nested paths, and one action per
 * task of a worker it points to. Nothing else: no endpoint exists only to use an edge.
 */
import type { HttpMethod } from '../../diagram';
import type { NameRegistry } from './naming';
import type { ModelPlan, Provider, RouterPlan, TaskPlan } from './plan';
import type { CrudOperation, ResourcePlan } from './resources';

/** What an endpoint does: CRUD on a resource, or enqueue a task (an action). */
export type Operation = CrudOperation | 'enqueue';

export interface EndpointPlan {
  readonly method: HttpMethod;
  /** Path below the router's prefix, the id as `{item_id}`; each writer spells it its own way. */
  readonly path: string;
  readonly fn: string;
  readonly op: Operation;
  readonly model?: ModelPlan;
  /** Who the handler calls: the resource's provider, or for reads a repository the router draws. */
  readonly provider?: Provider;
  readonly task?: TaskPlan;
}

/**
 * Who reads a resource: a repository the router is drawn to that holds the model (reads go to
 * the data layer directly, as the drawing says), else the resource's own provider.
 */
export function readerOf(router: Pick<RouterPlan, 'repositories'>, resource: ResourcePlan): Provider {
  const repository = router.repositories.find((r) => r.models.some((m) => m.id === resource.model.id));
  return repository ? { via: 'repository', node: repository } : resource.provider;
}

function crudEndpoints(router: RouterPlan, resource: ResourcePlan): Array<Omit<EndpointPlan, 'fn'> & { wanted: string }> {
  const { model, path: base } = resource;
  const collection = base || '/';
  const item = `${base}/{item_id}`;
  const reader = readerOf(router, resource);
  const writer = resource.provider;
  const all: Record<CrudOperation, Omit<EndpointPlan, 'fn'> & { wanted: string }> = {
    create: { method: 'POST', path: collection, op: 'create', model, provider: writer, wanted: `create_${model.snake}` },
    list: { method: 'GET', path: collection, op: 'list', model, provider: reader, wanted: `list_${model.plural}` },
    get: { method: 'GET', path: item, op: 'get', model, provider: reader, wanted: `get_${model.snake}` },
    update: { method: 'PATCH', path: item, op: 'update', model, provider: writer, wanted: `update_${model.snake}` },
    delete: { method: 'DELETE', path: item, op: 'delete', model, provider: writer, wanted: `delete_${model.snake}` },
  };
  return (['create', 'list', 'get', 'update', 'delete'] as const).filter((op) => resource.operations.has(op)).map((op) => all[op]);
}

export function planEndpoints(router: RouterPlan, names: NameRegistry): EndpointPlan[] {
  const wanted = [
    ...router.resources.flatMap((resource) => crudEndpoints(router, resource)),
    ...router.actions.map((a) => ({ method: 'POST' as const, path: a.path.replace('{id}', '{item_id}'), op: 'enqueue' as const, task: a.task, ...(a.model && { model: a.model }), wanted: `request_${a.task.fn}` })),
  ];
  const endpoints = wanted.map(({ wanted: fn, ...e }) => ({ ...e, fn: names.claim(`${router.id}:${e.method} ${e.path}`, fn) }));
  // A leading `{item_id}` matches any segment, so fixed paths must be declared before it.
  const leadingParam = (e: EndpointPlan): boolean => /^\/\{/.test(e.path);
  return [...endpoints.filter((e) => !leadingParam(e)), ...endpoints.filter(leadingParam)];
}
