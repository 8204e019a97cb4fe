/**
 * What a router serves (export.md, neutral design §2): its own resource at its own prefix, the
 * other models it reaches at nested paths, and one action per task of a worker it points to.
 * Every path is below `/api/<router-kebab>`; each framework spells the paths its own way.
 */
import type { Endpoint } from '../../diagram';
import type { ModelPlan, Provider, RouterPlan, TaskPlan } from './plan';
import { singularOf } from './words';

export type CrudOperation = 'create' | 'list' | 'get' | 'update' | 'delete';
export const CRUD_OPERATIONS: readonly CrudOperation[] = ['create', 'list', 'get', 'update', 'delete'];

export interface ResourcePlan {
  readonly model: ModelPlan;
  /** Who the handlers call for this model: a drawn service, or a drawn repository. */
  readonly provider: Provider;
  /** True for the router's own model (served at the prefix itself). */
  readonly own: boolean;
  /** Below the router's prefix: `''` for the own model, `/customers` for a nested one. */
  readonly path: string;
  /** The operations that exist: all five, or those the router's drawn endpoints use. */
  readonly operations: ReadonlySet<CrudOperation>;
}

export interface ActionPlan {
  readonly task: TaskPlan;
  /** Below the prefix: `/{id}/send-confirmation` on the own resource, else `/send-confirmation/{id}`. */
  readonly path: string;
  /** The model whose id the action takes, when the router has an own resource. */
  readonly model?: ModelPlan;
}

const kebab = (snake: string): string => snake.replace(/_+$/, '').replace(/_/g, '-');

/** Models a router reaches, in edge order, each with who serves it (service first, then repository). */
export function reachedResources(router: Pick<RouterPlan, 'services' | 'repositories'>): Array<{ model: ModelPlan; provider: Provider }> {
  const out: Array<{ model: ModelPlan; provider: Provider }> = [];
  const seen = new Set<string>();
  const add = (model: ModelPlan, provider: Provider): void => {
    if (seen.has(model.id)) return;
    seen.add(model.id);
    out.push({ model, provider });
  };
  for (const service of router.services) for (const p of service.provides) add(p.model, { via: 'service', node: service });
  for (const repository of router.repositories) for (const model of repository.models) add(model, { via: 'repository', node: repository });
  return out;
}

/**
 * The router's own model, first rule that applies: the node's `resource` key (a model id); a
 * reached model named like the router's singular; the first model of the first repository of
 * the router's first service; the first reached model.
 */
export function ownModel(router: Pick<RouterPlan, 'snake' | 'services' | 'repositories'>, resourceKey: unknown): ModelPlan | undefined {
  const reached = reachedResources(router).map((r) => r.model);
  const chosen = typeof resourceKey === 'string' ? reached.find((m) => m.id === resourceKey) : undefined;
  if (chosen) return chosen;
  const singular = singularOf(router.snake);
  const named = reached.find((m) => singularOf(m.snake) === singular);
  if (named) return named;
  const first = router.services[0]?.repositories[0]?.models[0];
  return first && reached.includes(first) ? first : reached[0];
}

/** Which CRUD operations drawn endpoints ask for: by method, and whether the path has a parameter. */
export function drawnOperations(endpoints: readonly Endpoint[]): Set<CrudOperation> {
  const operations = new Set<CrudOperation>();
  for (const e of endpoints) {
    const item = /\{[^}]*\}/.test(e.path);
    if (e.method === 'GET') operations.add(item ? 'get' : 'list');
    else if (e.method === 'POST' && !item) operations.add('create');
    else if ((e.method === 'PATCH' || e.method === 'PUT') && item) operations.add('update');
    else if (e.method === 'DELETE' && item) operations.add('delete');
  }
  return operations;
}

/**
 * Every router's resources: the own model at the prefix, and each other reached model that no
 * router owns at `/<plural-kebab>` (a model some router owns is served only there).
 */
export function planResources(routers: readonly RouterPlan[], drawn: ReadonlyMap<string, readonly Endpoint[]>, resourceKeys: ReadonlyMap<string, unknown>): Map<string, ResourcePlan[]> {
  const owners = new Map<string, ModelPlan | undefined>();
  for (const r of routers) owners.set(r.id, ownModel(r, resourceKeys.get(r.id)));
  const owned = new Set([...owners.values()].filter((m): m is ModelPlan => m !== undefined).map((m) => m.id));
  const out = new Map<string, ResourcePlan[]>();
  for (const r of routers) {
    const own = owners.get(r.id);
    const endpoints = drawn.get(r.id) ?? [];
    const resources: ResourcePlan[] = [];
    for (const { model, provider } of reachedResources(r)) {
      const isOwn = model.id === own?.id;
      if (!isOwn && owned.has(model.id)) continue;
      const operations = isOwn && endpoints.length > 0 ? drawnOperations(endpoints) : new Set(CRUD_OPERATIONS);
      resources.push({ model, provider, own: isOwn, path: isOwn ? '' : `/${kebab(model.plural)}`, operations });
    }
    resources.sort((a, b) => Number(b.own) - Number(a.own));
    out.set(r.id, resources);
  }
  return out;
}

/** One action per task of every worker the router points to. */
export function planActions(router: Pick<RouterPlan, 'workers'>, own: ModelPlan | undefined): ActionPlan[] {
  return router.workers.flatMap((w) =>
    w.tasks.map((task) => (own ? { task, model: own, path: `/{id}/${task.slug}` } : { task, path: `/${task.slug}/{id}` })),
  );
}
