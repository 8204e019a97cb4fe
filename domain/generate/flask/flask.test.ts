import { describe, expect, test } from 'vitest';
import type { Diagram, DiagramNode, Kind, Layout, TaskFramework } from '../../diagram';
import { emptyDiagram } from '../../diagram';
import { generate } from '../index';

function diagram(nodes: Array<[string, Kind, string, Partial<DiagramNode>?]>, edges: Array<[string, string]>): Diagram {
  return {
    ...emptyDiagram({ name: 'store', framework: 'flask', tasks: 'celery', layout: 'layered' }),
    nodes: nodes.map(([id, kind, name, more]) => ({ id, kind, name, position: { x: 0, y: 0 }, ...more })),
    edges: edges.map(([source, target], i) => ({ id: `e${i}`, source, target })),
  };
}

function files(d: Diagram, overrides: Parameters<typeof generate>[1] = {}): ReadonlyMap<string, string> {
  const result = generate(d, overrides);
  if (!result.ok) throw new Error(result.error.message);
  return result.files;
}

const store = (engine: 'postgres' | 'mysql' | 'sqlite' = 'postgres', broker: 'redis' | 'rabbitmq' = 'redis') =>
  diagram(
    [
      ['r1', 'router', 'orders', { feature: 'sales' }],
      ['w1', 'worker', 'notifications', { feature: 'sales', tasks: [{ name: 'send confirmation' }] }],
      ['c1', 'scheduler', 'nightly', { schedule: 'every 15 minutes' }],
      ['s1', 'service', 'order service', { feature: 'sales' }],
      ['p1', 'repository', 'order repository', { feature: 'sales' }],
      ['m1', 'model', 'Order', { feature: 'sales', fields: [{ name: 'total', type: 'decimal' }, { name: 'code', type: 'str', unique: true }] }],
      ['d1', 'database', 'db', { engine }],
      ['b1', 'broker', 'queue', { engine: broker }],
      ['k1', 'cache', 'page cache', { engine: 'redis' }],
    ],
    [['r1', 's1'], ['r1', 'w1'], ['w1', 's1'], ['w1', 'b1'], ['c1', 'w1'], ['c1', 'b1'], ['s1', 'p1'], ['p1', 'm1'], ['p1', 'd1'], ['s1', 'k1']],
  );

describe('the Flask room', () => {
  test('every layout × task framework × database exports, with the application factory and Flask-Migrate', () => {
    const layouts: Layout[] = ['flat', 'feature', 'layered', 'auto'];
    const tasks: TaskFramework[] = ['celery', 'rq', 'dramatiq'];
    for (const layout of layouts) {
      for (const task of tasks) {
        for (const engine of ['postgres', 'mysql', 'sqlite'] as const) {
          const broker = task === 'rq' ? 'redis' : 'rabbitmq';
          const tree = files(store(engine, broker), { layout, tasks: task });
          expect(tree.get('store/src/store/__init__.py'), `${layout} ${task} ${engine}`).toContain('def create_app(config: Mapping[str, Any] | None = None) -> Flask:');
          expect(tree.get('store/README.md')).toContain('flask --app store db upgrade');
          expect([...tree.keys()].some((path) => path.startsWith('store/migrations/versions/'))).toBe(true);
        }
      }
    }
  });

  test('each router is one Blueprint under /api, registered by create_app()', () => {
    const tree = files(store());
    expect(tree.get('store/src/store/routes/orders.py')).toContain('orders_router = Blueprint("orders", __name__, url_prefix="/api/orders")');
    expect(tree.get('store/src/store/__init__.py')).toContain('app.register_blueprint(orders_router)');
  });

  test('drivers are synchronous: psycopg, PyMySQL, sqlite3', () => {
    expect(files(store('postgres')).get('store/.env.example')).toContain('DATABASE_URL=postgresql+psycopg://');
    expect(files(store('mysql')).get('store/.env.example')).toContain('DATABASE_URL=mysql+pymysql://');
    expect(files(store('sqlite')).get('store/.env.example')).toContain('DATABASE_URL=sqlite:///./store.db');
  });

  test('compose passes database and RabbitMQ URLs as parts, built escaped, so any password works', () => {
    for (const engine of ['postgres', 'mysql'] as const) {
      const tree = files(store(engine, 'rabbitmq'));
      const compose = tree.get('store/docker-compose.yml')!;
      expect(compose, engine).not.toMatch(/DATABASE_URL: .*\$\{(POSTGRES|MARIADB)_PASSWORD/);
      expect(compose, engine).toMatch(/DB_PASSWORD: "\$\{(POSTGRES|MARIADB)_PASSWORD:\?/);
      expect(compose, engine).toContain('BROKER_PASSWORD: "${RABBITMQ_PASSWORD:?');
      const config = tree.get('store/src/store/core/config.py')!;
      expect(config).toContain('self.database_url = URL.create(');
      expect(config).toContain('password = quote(self.broker_password.get_secret_value(), safe="")');
      expect(tree.get('store/tests/unit/test_settings.py')).toContain('PASSWORD = "p@ss:w#rd/?%"');
    }
    expect(files(store('sqlite')).has('store/tests/unit/test_settings.py')).toBe(false);
  });

  test('schedulers use the task framework’s own scheduler, at the schedule setting', () => {
    const celery = files(store());
    expect(celery.get('store/src/store/tasks/app.py')).toContain('"schedule": schedule_of(settings.nightly_schedule)');
    expect(celery.get('store/docker-compose.yml')).toMatch(/beat:\n\s+build: \.\n\s+command: \["celery", "-A", "store.tasks.app", "beat"/);
    expect(celery.get('store/.env.example')).toMatch(/^NIGHTLY_SCHEDULE='?900'?$/m);
    expect(celery.get('store/docker-compose.yml')).toContain('NIGHTLY_SCHEDULE: "${NIGHTLY_SCHEDULE:-900}"');
    for (const task of ['rq', 'dramatiq'] as const) {
      const flat = files(store(), { tasks: task, layout: 'flat' });
      expect(flat.get('store/src/store/schedulers/nightly.py'), task).toContain('BlockingScheduler(timezone="UTC")');
      expect(flat.get('store/src/store/tasks.py'), task).toContain('def sweep_send_confirmation() -> int:');
      expect(flat.get('store/docker-compose.yml'), task).toContain('command: ["python", "-m", "store.schedulers.nightly"]');
    }
  });

  test('the README starts every scheduler locally as its task framework runs it: beat, or one APScheduler process each', () => {
    const step = (readme: string): string => readme.split('### 6. Start the scheduler')[1]?.split('## ')[0] ?? '';
    expect(step(files(store()).get('store/README.md')!)).toContain('celery -A store.tasks.app beat --loglevel INFO');
    for (const task of ['rq', 'dramatiq'] as const) {
      const readme = files(store(), { tasks: task, layout: 'flat' }).get('store/README.md')!;
      expect(step(readme), task).toContain('python -m store.schedulers.nightly');
      expect(step(readme), task).toContain('NIGHTLY_SCHEDULE');
    }
  });

  test('a broker that refuses a task is a 503, and readiness asks the database, the broker and the caches', () => {
    const tree = files(store());
    expect(tree.get('store/src/store/tasks/notifications.py')).toContain('raise TaskQueueUnavailableError(message) from error');
    expect(tree.get('store/src/store/web.py')).toContain('app.register_error_handler(TaskQueueUnavailableError, queue_unavailable)');
    const health = tree.get('store/src/store/health.py')!;
    expect(health).toContain('"database": ping');
    expect(health).toContain('checks["broker"] = ping_broker');
    expect(health).toContain('checks["page_cache"] = cache.ping');
  });

  test('names that clash with Flask and the generated modules still give separate modules', () => {
    const clash = diagram(
      [
        ['r1', 'router', 'flask'],
        ['r2', 'router', 'wiring'],
        ['s1', 'service', 'web'],
        ['m1', 'model', 'db'],
        ['p1', 'repository', 'health'],
      ],
      [['r1', 's1'], ['r2', 's1'], ['s1', 'p1'], ['p1', 'm1']],
    );
    const paths = [...files(clash, { tasks: 'none', layout: 'feature' }).keys()];
    expect(paths).toContain('store/src/store/wiring.py');
    expect(paths).toContain('store/src/store/web.py');
    expect(paths).toContain('store/src/store/health.py');
    const asFeatures = [...files({ ...clash, nodes: clash.nodes.map((n) => ({ ...n, feature: n.name })) }, { tasks: 'none', layout: 'feature' }).keys()];
    expect(asFeatures).toContain('store/src/store/wiring_2/routes.py');
    expect(asFeatures).toContain('store/src/store/web_2/services.py');
  });
});
