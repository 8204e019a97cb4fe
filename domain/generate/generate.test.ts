import { describe, expect, test } from 'vitest';
import { emptyDiagram, type Diagram, type DiagramNode, type Kind } from '../diagram';
import { SAMPLE_DIAGRAM } from '../sample';
import { generate, resolveLayout, type Files } from './index';
import { modulesFor } from './fastapi/layout';
import { pathOf } from './modules';
import { buildPlan, type NodePlan, type Plan } from './plan/plan';

function files(diagram: Diagram, options = {}): Files {
  const result = generate(diagram, options);
  if (!result.ok) throw new Error(result.error.message);
  return result.files;
}

const node = (id: string, kind: Kind, name: string, extra: Partial<DiagramNode> = {}): DiagramNode => ({ id, kind, name, position: { x: 0, y: 0 }, ...extra });

/** Every kind, every code edge of rules.md's allowed table. */
const FULL: Diagram = {
  ...emptyDiagram({ name: 'full', tasks: 'celery', layout: 'layered' }),
  nodes: [
    node('r1', 'router', 'orders'),
    node('w1', 'worker', 'mailer', { tasks: [{ name: 'send mail' }] }),
    node('w2', 'worker', 'audit'),
    node('s1', 'service', 'order service'),
    node('s2', 'service', 'customer service'),
    node('p1', 'repository', 'order repository'),
    node('p2', 'repository', 'customer repository'),
    node('m1', 'model', 'order', { fields: [{ name: 'total', type: 'decimal' }, { name: 'note', type: 'text', optional: true }] }),
    node('m2', 'model', 'customer'),
    node('d1', 'database', 'db', { engine: 'postgres' }),
    node('b1', 'broker', 'queue', { engine: 'redis' }),
    node('c1', 'cache', 'hot cache'),
    node('x1', 'external', 'payments'),
    node('k1', 'scheduler', 'nightly'),
  ],
  edges: [
    ['r1', 's1'], ['r1', 'w1'], ['r1', 'c1'], ['r1', 'p2'], ['r1', 'm2'],
    ['s1', 'p1'], ['s1', 's2'], ['s1', 'x1'], ['s1', 'c1'], ['s1', 'w2'], ['s1', 'm1'],
    ['s2', 'p2'], ['p1', 'm1'], ['p1', 'p2'], ['p1', 'c1'], ['p2', 'm2'], ['p1', 'd1'], ['p2', 'd1'], ['m1', 'm2'],
    ['w1', 's1'], ['w1', 'b1'], ['w1', 'w2'], ['w1', 'c1'], ['w1', 'p2'], ['w1', 'm1'], ['w2', 'b1'], ['k1', 'w1'], ['k1', 'b1'],
  ].map(([source, target], i) => ({ id: `e${i}`, source: source!, target: target! })),
};

describe('generate', () => {
  test('is deterministic: the same diagram gives the same bytes', () => {
    const a = files(FULL);
    const b = files(structuredClone(FULL));
    expect([...a.entries()]).toEqual([...b.entries()]);
  });

  test('paths are sorted, relative and under one root folder named after the project', () => {
    const paths = [...files(SAMPLE_DIAGRAM).keys()];
    expect(paths).toEqual([...paths].sort());
    for (const path of paths) expect(path).toMatch(/^shop\/[^/]/);
  });

  test('the file tree of the sample diagram', () => {
    const tree = files(SAMPLE_DIAGRAM);
    expect([...tree.keys()]).toMatchSnapshot();
    expect(tree.get('shop/src/shop/api/routes/orders.py')).toMatchSnapshot();
    expect(tree.get('shop/src/shop/tasks/notifications.py')).toMatchSnapshot();
    expect(tree.get('shop/pyproject.toml')).toMatchSnapshot();
  });

  test('refuses what it cannot generate, with a reason', () => {
    const rabbit = { ...SAMPLE_DIAGRAM, nodes: SAMPLE_DIAGRAM.nodes.map((n) => (n.kind === 'broker' ? { ...n, engine: 'rabbitmq' as const } : n)) };
    const rq = generate(rabbit, { tasks: 'rq' });
    expect(!rq.ok && rq.error.code).toBe('unsupported-broker');
    const none = generate(SAMPLE_DIAGRAM, { tasks: 'none' });
    expect(!none.ok && none.error.code).toBe('workers-without-task-framework');
  });

  test('every framework the chooser offers exports the sample diagram', () => {
    for (const framework of ['fastapi', 'flask', 'django'] as const) expect(generate(SAMPLE_DIAGRAM, { framework }).ok, framework).toBe(true);
  });

  test('options override the project settings', () => {
    expect(generate(SAMPLE_DIAGRAM, { layout: 'flat' }).ok && [...files(SAMPLE_DIAGRAM, { layout: 'flat' }).keys()]).toContain('shop/src/shop/routes.py');
    const rq = files(SAMPLE_DIAGRAM, { tasks: 'rq' });
    expect(rq.get('shop/pyproject.toml')).toContain('"rq==2.12.0"');
  });

  test('a model without fields gets id, name and created_at', () => {
    const text = files(FULL).get('full/src/full/models/customer.py')!;
    expect(text).toContain('id: Mapped[int] = mapped_column(primary_key=True)');
    expect(text).toContain('name: Mapped[str] = mapped_column(String(255))');
    expect(text).toMatch(/created_at: Mapped\[datetime\]/);
  });

  test('a worker without tasks gets one task per service it calls', () => {
    const text = files(SAMPLE_DIAGRAM).get('shop/src/shop/tasks/notifications.py')!;
    expect(text).toContain('def process_order(');
  });
});

describe('every node maps', () => {
  test.each(['flat', 'feature', 'layered'] as const)('%s: each node has its code', (layout) => {
    const tree = files(FULL, { layout });
    const plan = buildPlan(FULL, { ...FULL.project, layout });
    const modules = modulesFor(plan);
    const text = (area: Parameters<typeof modules.of>[0], n: NodePlan): string => tree.get(`full/${pathOf(modules.of(area, n))}`) ?? '';
    for (const r of plan.routers) expect(text('routes', r)).toContain(`${r.variable} = APIRouter(`);
    for (const s of plan.services) expect(text('services', s)).toContain(`class ${s.cls}:`);
    for (const p of plan.repositories) expect(text('repositories', p)).toContain(`class ${p.cls}:`);
    for (const m of plan.models) {
      expect(text('models', m)).toContain(`class ${m.cls}(Base):`);
      expect(text('schemas', m)).toContain(`class ${m.read}(BaseModel):`);
    }
    for (const x of [...plan.externals, ...plan.caches]) expect(text('clients', x)).toContain(`class ${x.cls}:`);
    for (const w of plan.workers) for (const t of w.tasks) expect(text('tasks', w)).toContain(`def ${t.fn}(`);
    // Celery beat: each scheduler's entries in the task app's beat_schedule, one scheduler service in compose.
    const taskApp = tree.get(`full/${pathOf(modulesFor(plan).taskApp)}`)!;
    for (const s of plan.schedulers) for (const w of s.workers) expect(taskApp).toContain(`"${s.snake}: ${w.snake}.`);
    if (plan.schedulers.length > 0) expect(tree.get('full/docker-compose.yml')).toContain('  scheduler:\n');
    const compose = tree.get('full/docker-compose.yml')!;
    for (const infra of [...plan.databases, ...plan.brokers, ...plan.caches]) expect(compose).toContain(`  ${infra.compose}:`);
    const migration = [...tree.entries()].find(([p]) => p.includes('alembic/versions/'))![1];
    for (const m of plan.models) expect(migration).toContain(`op.create_table(\n        "${m.table}",`);
  });
});

/** `from a.b import c, d` and `import a.b`, with parenthesised multi-line imports joined. */
function importedModules(text: string): string[] {
  const joined = text.replace(/\(\n([^)]*)\)/g, (_, names: string) => names.replace(/\s+/g, ' '));
  const out: string[] = [];
  for (const line of joined.split('\n')) {
    const from = /^from (\S+) import (.+)$/.exec(line);
    if (from) {
      out.push(from[1]!);
      for (const name of from[2]!.split(',')) out.push(`${from[1]}.${name.trim().split(' as ')[0]}`);
    }
    const plain = /^import (\S+)/.exec(line);
    if (plain) out.push(plain[1]!);
  }
  return out;
}

function nodeModules(plan: Plan): Map<string, NodePlan> {
  const m = modulesFor(plan);
  const map = new Map<string, NodePlan>();
  for (const r of plan.routers) map.set(m.of('routes', r), r);
  for (const s of plan.services) map.set(m.of('services', s), s);
  for (const p of plan.repositories) map.set(m.of('repositories', p), p);
  for (const x of plan.models) map.set(m.of('models', x), x);
  for (const x of [...plan.externals, ...plan.caches]) map.set(m.of('clients', x), x);
  for (const w of plan.workers) map.set(m.of('tasks', w), w);
  for (const s of plan.schedulers) map.set(m.of('tasks', s), s);
  return map;
}

describe('edges become imports in the drawn direction', () => {
  for (const [label, diagram] of [['sample', SAMPLE_DIAGRAM], ['every edge kind', FULL]] as const) {
    test(label, () => {
      const plan = buildPlan(diagram, { ...diagram.project, layout: 'layered' });
      const tree = files(diagram, { layout: 'layered' });
      const byModule = nodeModules(plan);
      const drawn = new Set<string>();
      for (const e of plan.edges) {
        if (e.target.kind === 'database' || e.target.kind === 'broker') continue;
        drawn.add(`${e.source.id}->${e.target.id}`);
      }
      const found = new Set<string>();
      for (const [module, source] of byModule) {
        // A scheduler has no module of its own with Celery (beat reads the task app).
        const text = tree.get(`${plan.pkg}/${pathOf(module)}`) ?? '';
        for (const imported of importedModules(text)) {
          const target = byModule.get(imported);
          if (target && target !== source) found.add(`${source.id}->${target.id}`);
        }
        // router -> model: the route speaks the model's schemas (a model node is the ORM class and its schemas).
        for (const e of plan.edges.filter((x) => x.source.id === source.id && source.kind === 'router' && x.target.kind === 'model')) {
          if (importedModules(text).includes(modulesFor(plan).of('schemas', e.target))) found.add(`${source.id}->${e.target.id}`);
        }
        // scheduler -> worker: Celery beat sends the worker's sweeps by name (the task app's beat_schedule).
        if (source.kind === 'scheduler') {
          const taskApp = tree.get(`${plan.pkg}/${pathOf(modulesFor(plan).taskApp)}`)!;
          for (const w of plan.schedulers.find((x) => x.id === source.id)!.workers) if (taskApp.includes(`"task": "${plan.pkg}.${w.snake}.sweep_`)) found.add(`${source.id}->${w.id}`);
        }
        // service -> worker is a constructor parameter: the enqueue function, injected.
        for (const e of plan.edges.filter((x) => x.source.id === source.id && x.target.kind === 'worker' && source.kind === 'service')) {
          const worker = plan.workers.find((w) => w.id === e.target.id)!;
          if (worker.tasks.every((t) => text.includes(`enqueue_${t.fn}: Callable[[int], object]`))) found.add(`${source.id}->${worker.id}`);
        }
      }
      expect([...found].sort()).toEqual([...drawn].sort());
    });
  }
});

describe('layout', () => {
  test('auto follows the size table', () => {
    const small = { ...emptyDiagram({ layout: 'auto' }), nodes: [node('r', 'router', 'a'), node('s', 'service', 'b')] };
    expect(resolveLayout(small).layout).toBe('flat');
    const features = {
      ...emptyDiagram({ layout: 'auto' }),
      nodes: ['a', 'b'].flatMap((f) => [node(`r${f}`, 'router', f, { feature: f }), node(`s${f}`, 'service', `${f} svc`, { feature: f }), node(`p${f}`, 'repository', `${f} repo`, { feature: f }), node(`m${f}`, 'model', f, { feature: f }), node(`t${f}`, 'service', `${f} extra`, { feature: f })]),
    };
    expect(resolveLayout(features).layout).toBe('feature');
    // One feature drawn on a small diagram is enough: the user said how to split the code.
    const one = { ...small, nodes: [...small.nodes, node('p', 'repository', 'c', { feature: 'orders' })] };
    expect(resolveLayout(one)).toMatchObject({ layout: 'feature', reason: expect.stringMatching(/groups components into the feature orders/) });
    const big = { ...emptyDiagram({ layout: 'auto' }), nodes: Array.from({ length: 14 }, (_, i) => node(`s${i}`, 'service', `s${i}`)) };
    const choice = resolveLayout(big);
    expect(choice.layout).toBe('layered');
    expect(choice.reason).toMatch(/14 components/);
  });

  test('an explicit layout wins and says so', () => {
    expect(resolveLayout(SAMPLE_DIAGRAM)).toEqual({ layout: 'layered', reason: 'The project asks for the layered layout.' });
  });
});
