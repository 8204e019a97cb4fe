/**
 * The diagram read as a Python project: every node with its Python names and what it depends on.
 * Emitters only read a Plan; they never look at the raw diagram again.
 */
import { engineOf, notesOf, type Diagram, type DiagramNode, type Kind } from '../../diagram';
import { safeText } from '../../names';
import { resolveLayout, type ConcreteLayout, type GenerateOptions } from '../options';
import { classRegistry, moduleRegistry, NameRegistry, packageName, pascalName, snakeName } from './naming';
import { planEndpoints, type EndpointPlan } from './endpoints';
import { planFields, type FieldPlan } from './fields';
import { acceptedEdges, topological } from './edges';
import { planActions, planResources, type ActionPlan, type ResourcePlan } from './resources';
import { DEFAULT_SCHEDULE, parseSchedule, type Schedule } from '../../schedule';
import { pluralOf } from './words';
import { safeTableName } from '../../rules/reserved';

export type { EndpointPlan } from './endpoints';
export type { FieldPlan } from './fields';
export type { ActionPlan, CrudOperation, ResourcePlan } from './resources';
export type { Schedule } from '../../schedule';
export { topological } from './edges';

export interface NodePlan {
  readonly id: string;
  readonly kind: Kind;
  readonly label: string;
  /** snake_case: module stem and variable names. */
  readonly snake: string;
  /** PascalCase class name (models, services, repositories, clients, caches). */
  readonly cls: string;
  /** Python name of the feature package (feature layout); `shared` when the node has none. */
  readonly feature: string;
}

export interface ModelPlan extends NodePlan {
  readonly table: string;
  readonly fields: readonly FieldPlan[];
  /** Many-to-one references: model -> model edges. */
  readonly refs: ModelPlan[];
  readonly create: string;
  readonly read: string;
  readonly update: string;
  readonly plural: string;
}

export interface RepositoryPlan extends NodePlan {
  readonly models: ModelPlan[];
  readonly repositories: RepositoryPlan[];
  readonly caches: NodePlan[];
}

/** Who gives a service or router the CRUD methods of a model. */
export type Provider = { readonly via: 'repository'; readonly node: RepositoryPlan } | { readonly via: 'service'; readonly node: ServicePlan };

export interface ServicePlan extends NodePlan {
  readonly repositories: RepositoryPlan[];
  readonly services: ServicePlan[];
  readonly models: ModelPlan[];
  readonly externals: NodePlan[];
  readonly caches: NodePlan[];
  readonly workers: WorkerPlan[];
  /** Models this service offers CRUD for, each with where the calls go. */
  readonly provides: Array<{ readonly model: ModelPlan; readonly provider: Provider }>;
  /** Tasks (of workers that depend on this service) that call a method of it. */
  readonly taskMethods: TaskPlan[];
}

export interface TaskPlan {
  readonly fn: string;
  readonly label: string;
  readonly worker: WorkerPlan;
  /** Path segment of the enqueue endpoint. */
  readonly slug: string;
}

export interface WorkerPlan extends NodePlan {
  readonly tasks: TaskPlan[];
  readonly services: ServicePlan[];
  readonly repositories: RepositoryPlan[];
  readonly models: ModelPlan[];
  readonly workers: WorkerPlan[];
  readonly caches: NodePlan[];
}

export interface SchedulerPlan extends NodePlan {
  /** Workers whose tasks this scheduler sweeps periodically. */
  readonly workers: WorkerPlan[];
  /** When it fires: the node's `schedule` key (nightly when unset or unreadable). */
  readonly schedule: Schedule;
  /** The setting that holds the schedule, so an operator can change it: `NIGHTLY_SCHEDULE`. */
  readonly scheduleSetting: string;
}

export interface RouterPlan extends NodePlan {
  readonly services: ServicePlan[];
  readonly repositories: RepositoryPlan[];
  readonly models: ModelPlan[];
  readonly workers: WorkerPlan[];
  readonly caches: NodePlan[];
  readonly prefix: string;
  readonly variable: string;
  endpoints: EndpointPlan[];
  /** The model the router serves at its own prefix (neutral design §2), if it reaches one. */
  own?: ModelPlan;
  /** The own resource first, then the reached models no router owns, at nested paths. */
  resources: ResourcePlan[];
  /** One action per task of each worker the router points to. */
  actions: ActionPlan[];
}

export interface InfraPlan extends NodePlan {
  readonly engine: string;
  /** Service name in docker-compose.yml. */
  readonly compose: string;
}

export interface Plan {
  readonly pkg: string;
  readonly title: string;
  readonly options: Omit<GenerateOptions, 'layout'>;
  readonly layout: ConcreteLayout;
  readonly layoutReason: string;
  readonly routers: RouterPlan[];
  readonly services: ServicePlan[];
  readonly repositories: RepositoryPlan[];
  readonly models: ModelPlan[];
  readonly workers: WorkerPlan[];
  readonly schedulers: SchedulerPlan[];
  readonly externals: NodePlan[];
  readonly caches: InfraPlan[];
  readonly databases: InfraPlan[];
  readonly brokers: InfraPlan[];
  /** The database the models live in: the first drawn, or SQLite when none is drawn. */
  readonly database: { readonly engine: 'postgres' | 'mysql' | 'sqlite'; readonly node?: InfraPlan };
  readonly broker: { readonly engine: 'redis' | 'rabbitmq'; readonly node?: InfraPlan } | undefined;
  /** Every accepted edge, source depends on target; `label` is the arrow's words, when it has some. */
  readonly edges: ReadonlyArray<{ readonly source: NodePlan; readonly target: NodePlan; readonly label?: string }>;
  readonly features: string[];
  /** The diagram's notes as typed (light Markdown), for the README; never code. */
  readonly notes: readonly string[];
}

export function buildPlan(diagram: Diagram, options: GenerateOptions): Plan {
  const choice = resolveLayout(diagram, options.layout);
  const pkg = packageName(diagram.project.name);
  const modules = new Map<Kind, NameRegistry>();
  const classes = classRegistry();
  const features = moduleRegistry();
  const base = new Map<string, NodePlan>();
  for (const node of diagram.nodes) {
    if (base.has(node.id)) continue;
    const group: Kind = node.kind === 'cache' ? 'external' : node.kind === 'scheduler' ? 'worker' : node.kind;
    const infra = node.kind === 'database' || node.kind === 'broker';
    const registry = modules.get(group) ?? (infra ? new NameRegistry() : moduleRegistry());
    modules.set(group, registry);
    const snake = registry.claim(node.id, snakeName(node.name, node.kind));
    const cls = classes.claim(node.id, classNameFor(node.kind, snake));
    const feature = features.claim(`feature:${node.feature ?? ''}`, node.feature ? snakeName(node.feature, 'feature') : 'shared');
    base.set(node.id, { id: node.id, kind: node.kind, label: safeText(node.name), snake, cls, feature });
  }
  const edges = acceptedEdges(diagram, base);
  return assemble(diagram, options, choice.layout, choice.reason, pkg, base, edges, classes);
}

function classNameFor(kind: Kind, snake: string): string {
  const pascal = pascalName(snake);
  const suffix: Partial<Record<Kind, string>> = {
    service: 'Service',
    repository: 'Repository',
    external: 'Client',
    cache: 'Cache',
  };
  const wanted = suffix[kind];
  return wanted && !pascal.endsWith(wanted) ? `${pascal}${wanted}` : pascal;
}

function assemble(
  diagram: Diagram,
  options: GenerateOptions,
  layout: ConcreteLayout,
  layoutReason: string,
  pkg: string,
  base: ReadonlyMap<string, NodePlan>,
  edges: Array<{ source: NodePlan; target: NodePlan; label?: string }>,
  classes: NameRegistry,
): Plan {
  // Lookups by id, built once: scanning every edge per node made planning quadratic.
  const targetsBySource = groupBy(edges, (e) => e.source.id);
  const targets = (id: string, kind: Kind): NodePlan[] =>
    (targetsBySource.get(id) ?? []).filter((e) => e.target.kind === kind).map((e) => e.target);
  const ofKind = (kind: Kind): NodePlan[] => [...base.values()].filter((n) => n.kind === kind);
  const nodesById = new Map(diagram.nodes.map((n) => [n.id, n]));
  const nodeOf = (id: string): DiagramNode => nodesById.get(id)!;
  const compose = new NameRegistry(['api', 'migrate', 'worker', 'scheduler']);
  const infra = (n: NodePlan): InfraPlan => ({ ...n, engine: engineOf(nodeOf(n.id)) ?? '', compose: compose.claim(n.id, n.snake.replace(/_/g, '-')) });

  const models = new Map<string, ModelPlan>();
  for (const n of ofKind('model')) {
    const plural = pluralOf(n.snake);
    const names = (suffix: string): string => classes.claim(`${n.id}:${suffix}`, `${n.cls}${suffix}`);
    models.set(n.id, { ...n, table: safeTableName(n.snake.replace(/_+$/, ''), options.framework), fields: planFields(nodeOf(n.id).fields), refs: [], create: names('Create'), read: names('Read'), update: names('Update'), plural });
  }
  for (const m of models.values()) m.refs.push(...targets(m.id, 'model').map((t) => models.get(t.id)!));

  const repositories = new Map<string, RepositoryPlan>();
  for (const n of ofKind('repository')) repositories.set(n.id, { ...n, models: [], repositories: [], caches: [] });
  for (const r of repositories.values()) {
    r.models.push(...targets(r.id, 'model').map((t) => models.get(t.id)!));
    r.repositories.push(...targets(r.id, 'repository').map((t) => repositories.get(t.id)!));
    r.caches.push(...targets(r.id, 'cache'));
  }

  const workers = new Map<string, WorkerPlan>();
  const taskNames = new NameRegistry(['enqueue', 'run_once', 'celery_app', 'broker', 'get_queue']);
  for (const n of ofKind('worker')) workers.set(n.id, { ...n, tasks: [], services: [], repositories: [], models: [], workers: [], caches: [] });

  const services = new Map<string, ServicePlan>();
  for (const n of ofKind('service')) {
    services.set(n.id, { ...n, repositories: [], services: [], models: [], externals: [], caches: [], workers: [], provides: [], taskMethods: [] });
  }
  for (const s of services.values()) {
    s.repositories.push(...targets(s.id, 'repository').map((t) => repositories.get(t.id)!));
    s.services.push(...targets(s.id, 'service').map((t) => services.get(t.id)!));
    s.models.push(...targets(s.id, 'model').map((t) => models.get(t.id)!));
    s.externals.push(...targets(s.id, 'external'));
    s.caches.push(...targets(s.id, 'cache'));
    s.workers.push(...targets(s.id, 'worker').map((t) => workers.get(t.id)!));
  }
  for (const s of topological([...services.values()], (x) => x.services)) {
    const provided = new Set<string>();
    for (const r of s.repositories) for (const m of r.models) if (!provided.has(m.id)) { provided.add(m.id); s.provides.push({ model: m, provider: { via: 'repository', node: r } }); }
    for (const t of s.services) for (const p of t.provides) if (!provided.has(p.model.id)) { provided.add(p.model.id); s.provides.push({ model: p.model, provider: { via: 'service', node: t } }); }
  }

  for (const w of workers.values()) {
    w.services.push(...targets(w.id, 'service').map((t) => services.get(t.id)!));
    w.repositories.push(...targets(w.id, 'repository').map((t) => repositories.get(t.id)!));
    w.models.push(...targets(w.id, 'model').map((t) => models.get(t.id)!));
    w.workers.push(...targets(w.id, 'worker').map((t) => workers.get(t.id)!));
    w.caches.push(...targets(w.id, 'cache'));
    const drawn = nodeOf(w.id).tasks ?? [];
    const wanted = drawn.length > 0
      ? drawn.map((t, i) => ({ key: `${w.id}:task:${i}`, label: t.name, snake: snakeName(t.name, 'task') }))
      : w.services.length > 0
        ? w.services.map((s) => ({ key: `${w.id}:svc:${s.id}`, label: `process ${s.label}`, snake: `process_${s.snake.replace(/_service$/, '') || s.snake}` }))
        : [{ key: `${w.id}:run`, label: `run ${w.label}`, snake: `run_${w.snake}`.replace(/_+$/, '') }];
    for (const t of wanted) {
      const fn = taskNames.claim(t.key, t.snake);
      w.tasks.push({ fn, label: t.label, worker: w, slug: fn.replace(/_/g, '-') });
    }
    for (const s of w.services) s.taskMethods.push(...w.tasks);
  }

  const routerNames = new NameRegistry();
  const routers: RouterPlan[] = ofKind('router').map((n) => ({
    ...n,
    services: targets(n.id, 'service').map((t) => services.get(t.id)!),
    repositories: targets(n.id, 'repository').map((t) => repositories.get(t.id)!),
    models: targets(n.id, 'model').map((t) => models.get(t.id)!),
    workers: targets(n.id, 'worker').map((t) => workers.get(t.id)!),
    caches: targets(n.id, 'cache'),
    prefix: `/${n.snake.replace(/_+$/, '').replace(/_/g, '-')}`,
    variable: routerNames.claim(n.id, `${n.snake.replace(/_+$/, '')}_router`),
    endpoints: [],
    resources: [],
    actions: [],
  }));
  const resources = planResources(
    routers,
    new Map(routers.map((r) => [r.id, nodeOf(r.id).endpoints ?? []])),
    new Map(routers.map((r) => [r.id, nodeOf(r.id).resource])),
  );
  for (const r of routers) {
    r.resources = resources.get(r.id) ?? [];
    r.own = r.resources.find((x) => x.own)?.model;
    r.actions = planActions(r, r.own);
  }
  const handlerNames = new NameRegistry(['router', 'app', 'get_session']);
  for (const r of routers) r.endpoints = planEndpoints(r, handlerNames);

  const databases = ofKind('database').map(infra);
  const brokers = ofKind('broker').map(infra);
  const firstDb = databases[0];
  const firstBroker = brokers[0];
  return {
    pkg,
    title: safeText(diagram.project.name) || pkg,
    options: { framework: options.framework, tasks: options.tasks },
    layout,
    layoutReason,
    routers,
    services: topological([...services.values()], (s) => s.services),
    repositories: topological([...repositories.values()], (r) => r.repositories),
    models: topological([...models.values()], (m) => m.refs),
    workers: topological([...workers.values()], (w) => w.workers),
    schedulers: ofKind('scheduler').map((n) => ({
      ...n,
      workers: targets(n.id, 'worker').map((t) => workers.get(t.id)!),
      schedule: parseSchedule(nodeOf(n.id).schedule) ?? parseSchedule(DEFAULT_SCHEDULE)!,
      scheduleSetting: `${n.snake.replace(/_+$/, '').toUpperCase()}_SCHEDULE`,
    })),
    externals: ofKind('external'),
    caches: ofKind('cache').map(infra),
    databases,
    brokers,
    database: firstDb ? { engine: firstDb.engine as 'postgres' | 'mysql' | 'sqlite', node: firstDb } : { engine: 'sqlite' },
    broker: options.tasks === 'none' ? undefined : firstBroker ? { engine: firstBroker.engine as 'redis' | 'rabbitmq', node: firstBroker } : { engine: 'redis' },
    edges,
    features: [...new Set([...base.values()].map((n) => n.feature))].sort(),
    notes: notesOf(diagram).map((note) => note.text).filter((text) => text.trim() !== ''),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
