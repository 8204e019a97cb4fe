/**
 * fast-check generators of diagrams that export without errors: names that are Python names
 * (some with spaces and capitals), edges only where rules.md allows them, no cycles, workers
 * and schedulers with a broker the task framework supports, schedulers running a worker's
 * tasks where there is a worker, one database.
 */
import fc from 'fast-check';
import { CURRENT_VERSION, type Diagram, type DiagramEdge, type DiagramNode, type Kind, type Layout, type TaskFramework } from '../diagram';
import { allowedTargets } from '../rules';

const WORDS = ['orders', 'billing', 'users', 'stock', 'audit', 'mailer', 'payments', 'catalog', 'reports', 'search', 'invoices', 'shipping'];
const FEATURES = ['sales', 'accounts', 'warehouse'];
const SUFFIX: Partial<Record<Kind, string>> = { service: ' service', repository: ' repository' };
const COMPONENT_KINDS: readonly Kind[] = ['router', 'worker', 'scheduler', 'service', 'repository', 'model', 'cache', 'external'];

export interface ExportableOptions {
  /** Layouts to draw from. */
  readonly layouts: readonly Layout[];
  readonly tasks: readonly TaskFramework[];
  readonly frameworks: readonly Diagram['project']['framework'][];
}

/** A name as a person types it: `Orders`, `order service`, `stock_repository`. */
function nameFor(kind: Kind, word: string, style: number): string {
  const singular = kind === 'model' ? word.replace(/s$/, '') : word;
  const base = style === 2 ? singular[0]!.toUpperCase() + singular.slice(1) : singular;
  const suffix = SUFFIX[kind] && style === 1 ? SUFFIX[kind]! : '';
  return `${base}${suffix}`;
}

export function exportableDiagram(options: ExportableOptions): fc.Arbitrary<Diagram> {
  const component = fc.record({
    kind: fc.constantFrom(...COMPONENT_KINDS),
    word: fc.constantFrom(...WORDS),
    style: fc.integer({ min: 0, max: 2 }),
    feature: fc.option(fc.constantFrom(...FEATURES), { nil: undefined, freq: 3 }),
  });
  return fc
    .record({
      name: fc.constantFrom('shop', 'Order Desk', 'ledger'),
      framework: fc.constantFrom(...options.frameworks),
      layout: fc.constantFrom(...options.layouts),
      tasks: fc.constantFrom(...options.tasks),
      components: fc.array(component, { minLength: 1, maxLength: 9 }),
      database: fc.constantFrom('postgres', 'mysql', 'sqlite'),
      databaseName: fc.constantFrom('db', 'main db', 'postgres'),
      broker: fc.constantFrom('redis', 'rabbitmq'),
      brokerName: fc.constantFrom('queue', 'redis', 'broker'),
      edgeSeeds: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 14 }),
    })
    .map((draft) => build(draft));
}

type Draft = {
  name: string;
  framework: Diagram['project']['framework'];
  layout: Layout;
  tasks: TaskFramework;
  components: Array<{ kind: Kind; word: string; style: number; feature: string | undefined }>;
  database: 'postgres' | 'mysql' | 'sqlite';
  databaseName: string;
  broker: 'redis' | 'rabbitmq';
  brokerName: string;
  edgeSeeds: Array<[number, number]>;
};

function build(draft: Draft): Diagram {
  const nodes: DiagramNode[] = [];
  const seen = new Set<string>();
  const usesFeatures = draft.layout === 'feature' || draft.layout === 'auto';
  for (const c of draft.components) {
    const name = nameFor(c.kind, c.word, c.style);
    const feature = usesFeatures ? c.feature : undefined;
    // One component per word: the exporter's class names are unique project-wide, routers and
    // workers claim one too (a model named like a router becomes `Catalog_2`), and workers share
    // module names with schedulers, external APIs with caches; it renames every such clash.
    const key = c.word;
    if (seen.has(key)) continue;
    seen.add(key);
    const engine = c.kind === 'cache' ? { engine: 'redis' as const } : {};
    nodes.push({ id: `n${nodes.length}`, kind: c.kind, name, ...(feature ? { feature } : {}), position: { x: nodes.length * 10, y: 0 }, ...engine });
  }
  const hasTasks = nodes.some((n) => n.kind === 'worker' || n.kind === 'scheduler');
  const tasks = hasTasks && draft.tasks === 'none' ? 'celery' : draft.tasks;
  const database: DiagramNode = { id: 'db', kind: 'database', name: draft.databaseName, engine: draft.database, position: { x: 0, y: 500 } };
  nodes.push(database);
  const brokerEngine = tasks === 'rq' ? 'redis' : draft.broker;
  if (tasks !== 'none') nodes.push({ id: 'broker', kind: 'broker', name: draft.brokerName, engine: brokerEngine, position: { x: 200, y: 500 } });
  const edges: DiagramEdge[] = [];
  const has = new Set<string>();
  const add = (source: DiagramNode, target: DiagramNode) => {
    const key = `${source.id}>${target.id}`;
    if (has.has(key) || source === target) return;
    has.add(key);
    edges.push({ id: `e${edges.length}`, source: source.id, target: target.id });
  };
  const components = nodes.filter((n) => n.kind !== 'database' && n.kind !== 'broker');
  for (const [a, b] of draft.edgeSeeds) {
    const source = components[a % Math.max(components.length, 1)];
    const target = nodes[b % nodes.length];
    if (!source || !target || !allowedTargets(source.kind).includes(target.kind)) continue;
    // Same-kind edges only from a later node to an earlier one: never a cycle.
    if (source.kind === target.kind && Number(source.id.slice(1)) <= Number(target.id.slice(1))) continue;
    if (target.kind === 'broker' || target.kind === 'database') continue;
    add(source, target);
  }
  // A scheduler is drawn to run some worker's tasks (one that runs none writes no job to read back):
  // each gets the worker its first seed points at, when the diagram has one.
  const workers = components.filter((n) => n.kind === 'worker');
  components.forEach((node, i) => {
    if (node.kind === 'scheduler' && workers.length > 0) add(node, workers[((draft.edgeSeeds[0]?.[1] ?? 0) + i) % workers.length]!);
  });
  const broker = nodes.find((n) => n.kind === 'broker');
  for (const node of components) {
    if ((node.kind === 'worker' || node.kind === 'scheduler') && broker) add(node, broker);
    if (node.kind === 'repository') add(node, database);
  }
  return { version: CURRENT_VERSION, project: { name: draft.name, framework: draft.framework, tasks, layout: draft.layout }, nodes, edges };
}
