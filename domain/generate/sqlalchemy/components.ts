/**
 * Names of the component classes that the rooms over a SQLAlchemy session write alike (FastAPI
 * and Flask): services and repositories are plain classes whose dependencies arrive through the
 * constructor, built in one wiring module, with a read-through cache keyed per item. One place
 * hands out the parameter names, the builder names and the cache keys, so that a service, its
 * builder and its tests agree, and a repository, a cache and a service that share a snake name
 * still get distinct parameters.
 */
import type { ModelPlan, NodePlan, RepositoryPlan, ServicePlan, TaskPlan } from '../plan/plan';
import { NameRegistry } from '../plan/naming';
import { from, wrap, type PyImport } from '../python/py';
import type { Modules } from '../modules';

export const enqueueName = (task: { fn: string }): string => `enqueue_${task.fn}`;

/**
 * The Python expression of the cache key of one item, the same in every layer that caches it
 * (so a write anywhere drops it): `f"orders:{item_id}"`.
 */
export const cacheKey = (m: ModelPlan, id: string): string => `f"${m.table}:{${id}}"`;

/** The key a read of item `id` leaves in a drawn cache on its read path (what `cacheKey` evaluates to). */
export const readThroughKey = (m: ModelPlan, id: number): string => `${m.table}:${id}`;

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

export interface ServiceParam {
  readonly name: string;
  readonly type: string;
  readonly of: 'repository' | 'service' | 'external' | 'cache' | 'task';
  readonly node?: NodePlan;
  readonly task?: TaskPlan;
}

/** Constructor parameters of a service, in a fixed order shared with the wiring that builds it. */
export function serviceParams(s: ServicePlan): ServiceParam[] {
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

/** Constructor parameter names of a repository's dependencies: snake names, suffixed where two share one. */
export function repositoryDependencyNames(repo: RepositoryPlan): Map<string, string> {
  const names = new NameRegistry(['self', 'session']);
  return new Map([...repo.repositories, ...repo.caches].map((n) => [n.id, names.claim(n.id, n.snake)]));
}

/** Function names in the wiring module, shared with the routes, tasks and tests that call them. */
export interface Builders {
  of(node: NodePlan): string;
  /** How the tasks module of a worker is imported where its enqueue functions are needed. */
  taskModule(worker: NodePlan): { readonly imp: PyImport; readonly name: string };
}

/**
 * One set of builder names for a whole project: `order_service`, `order_repository`,
 * `payments_client`, `page_cache`. `reserved` are the names the wiring module itself uses;
 * `reservedAliases` the names a task module must not be imported as.
 */
export function buildersFor(modules: Pick<Modules, 'of' | 'layout'>, reserved: readonly string[], reservedAliases: readonly string[]): Builders {
  const names = new NameRegistry(reserved);
  const suffix: Record<string, string> = { repository: 'repository', service: 'service', external: 'client', cache: 'cache' };
  const wanted = (n: NodePlan): string => {
    const base = n.snake.replace(/_+$/, '');
    const end = suffix[n.kind] ?? n.kind;
    return base.endsWith(end) ? base : `${base}_${end}`;
  };
  const aliases = new NameRegistry(reservedAliases);
  return {
    of: (n) => names.claim(n.id, wanted(n)),
    taskModule(worker) {
      const module = modules.of('tasks', worker);
      const parts = module.split('.');
      const last = parts.pop()!;
      const alias = modules.layout === 'layered' ? aliases.claim(worker.id, `${last}_tasks`) : aliases.claim(module, modules.layout === 'flat' ? 'tasks' : `${parts[parts.length - 1]}_tasks`);
      return { imp: from(parts.join('.'), alias === last ? last : `${last} as ${alias}`), name: alias };
    },
  };
}

/** Re-wraps a method's first line when a long model name pushes it past the line length. */
export function fitSignature(method: string): string {
  const [first, ...rest] = method.split('\n');
  const match = /^((?:async )?def \w+\()(.*)(\) -> .*:)$/.exec(first!);
  if (!match || first!.length + 4 <= 88) return method;
  const params = match[2]!.split(', ');
  const wrapped = wrap(match[1]!, params, match[3]!, '    ').replace(/^ {4}/gm, '');
  return [wrapped, ...rest].join('\n');
}
