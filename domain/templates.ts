/**
 * Starting points for a new diagram: the guide's layouts, small enough to read at a glance and
 * clean under the rules, so a meeting can begin from a shape instead of an empty canvas.
 */
import type { DiagramEdge, DiagramNode, Kind, Project } from './diagram';

export interface Template {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly project: Partial<Project>;
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

type Row = [id: string, kind: Kind, name: string, column: number, more?: Partial<DiagramNode>];

/** Rows by layer, as Auto-layout places them: interface on top, infrastructure at the bottom. */
const ROW: Readonly<Record<Kind, number>> = { router: 0, worker: 0, scheduler: 0, service: 1, repository: 2, external: 2, model: 3, database: 3, broker: 3, cache: 3 };

function template(id: string, label: string, description: string, project: Partial<Project>, rows: readonly Row[], arrows: readonly string[]): Template {
  const nodes = rows.map(([nodeId, kind, name, column, more]): DiagramNode => ({ id: nodeId, kind, name, position: { x: column * 240, y: ROW[kind] * 160 }, ...more }));
  const edges = arrows.map((arrow, i): DiagramEdge => {
    const [source, target] = arrow.split('>') as [string, string];
    return { id: `e${i + 1}`, source, target };
  });
  return { id, label, description, project, nodes, edges };
}

const ITEM_FIELDS = { fields: [{ name: 'title', type: 'str' as const }] };

export const TEMPLATES: readonly Template[] = [
  template(
    'flat',
    'Flat API',
    'One router, service, repository and model in single modules: a small API.',
    { name: 'todo', framework: 'fastapi', tasks: 'none', layout: 'flat' },
    [['r1', 'router', 'items', 0], ['s1', 'service', 'item service', 0], ['p1', 'repository', 'item repository', 0], ['m1', 'model', 'item', 0, ITEM_FIELDS], ['d1', 'database', 'db', 1, { engine: 'sqlite' }]],
    ['r1>s1', 's1>p1', 'p1>m1', 'p1>d1'],
  ),
  template(
    'feature',
    'Feature packages',
    'Two features, each with its own router, service, repository and model.',
    { name: 'shop', framework: 'fastapi', tasks: 'none', layout: 'feature' },
    [
      ['r1', 'router', 'orders', 0, { feature: 'orders' }],
      ['s1', 'service', 'order service', 0, { feature: 'orders' }],
      ['p1', 'repository', 'order repository', 0, { feature: 'orders' }],
      ['m1', 'model', 'order', 0, { feature: 'orders', fields: [{ name: 'total', type: 'decimal' }] }],
      ['r2', 'router', 'customers', 2, { feature: 'customers' }],
      ['s2', 'service', 'customer service', 2, { feature: 'customers' }],
      ['p2', 'repository', 'customer repository', 2, { feature: 'customers' }],
      ['m2', 'model', 'customer', 2, { feature: 'customers', fields: [{ name: 'email', type: 'str', unique: true }] }],
      ['d1', 'database', 'db', 1, { engine: 'postgres' }],
    ],
    ['r1>s1', 's1>p1', 'p1>m1', 'r2>s2', 's2>p2', 'p2>m2', 's1>s2', 'p1>d1', 'p2>d1'],
  ),
  template(
    'layered',
    'Layered service',
    'Routers, a worker, services and repositories in their own layers, with a queue and a cache.',
    { name: 'service', framework: 'fastapi', tasks: 'celery', layout: 'layered' },
    [
      ['r1', 'router', 'orders', 0],
      ['w1', 'worker', 'notifications', 1, { tasks: [{ name: 'send receipt' }] }],
      ['s1', 'service', 'order service', 0],
      ['p1', 'repository', 'order repository', 0],
      ['m1', 'model', 'order', 0, { fields: [{ name: 'total', type: 'decimal' }] }],
      ['d1', 'database', 'db', 1, { engine: 'postgres' }],
      ['b1', 'broker', 'queue', 2, { engine: 'redis' }],
      ['c1', 'cache', 'cache', 3, { engine: 'redis' }],
    ],
    ['r1>s1', 'r1>w1', 'w1>s1', 'w1>b1', 's1>p1', 's1>c1', 'p1>m1', 'p1>d1'],
  ),
  template(
    'django-celery',
    'Django + Celery',
    'The guide’s Django shape: an app with a service layer, a Celery worker and a nightly schedule.',
    { name: 'newsroom', framework: 'django', tasks: 'celery', layout: 'layered' },
    [
      ['r1', 'router', 'articles', 0],
      ['w1', 'worker', 'publishing', 1, { tasks: [{ name: 'publish article' }] }],
      ['c1', 'scheduler', 'nightly', 2, { schedule: '0 3 * * *' }],
      ['s1', 'service', 'article service', 0],
      ['p1', 'repository', 'article repository', 0],
      ['m1', 'model', 'article', 0, { fields: [{ name: 'headline', type: 'str' }, { name: 'slug', type: 'str', unique: true }] }],
      ['d1', 'database', 'db', 1, { engine: 'postgres' }],
      ['b1', 'broker', 'broker', 2, { engine: 'redis' }],
    ],
    ['r1>s1', 'r1>w1', 'w1>s1', 'w1>b1', 'c1>w1', 'c1>b1', 's1>p1', 'p1>m1', 'p1>d1'],
  ),
];
