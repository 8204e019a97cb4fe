import { describe, expect, test } from 'vitest';
import type { Diagram, DiagramNode, Kind, Layout, TaskFramework } from '../../diagram';
import { emptyDiagram } from '../../diagram';
import { generate } from '../index';

function diagram(nodes: Array<[string, Kind, string, Partial<DiagramNode>?]>, edges: Array<[string, string]>, project: Partial<Diagram['project']> = {}): Diagram {
  return {
    ...emptyDiagram({ name: 'store', framework: 'django', tasks: 'celery', layout: 'layered', ...project }),
    nodes: nodes.map(([id, kind, name, more]) => ({ id, kind, name, position: { x: 0, y: 0 }, ...more })),
    edges: edges.map(([source, target], i) => ({ id: `e${i}`, source, target })),
  };
}

function files(d: Diagram, overrides: Parameters<typeof generate>[1] = {}): ReadonlyMap<string, string> {
  const result = generate(d, overrides);
  if (!result.ok) throw new Error(result.error.message);
  return result.files;
}

const shop = (engine: 'postgres' | 'mysql' | 'sqlite' = 'postgres', broker: 'redis' | 'rabbitmq' = 'redis') =>
  diagram(
    [
      ['r1', 'router', 'orders', { feature: 'sales' }],
      ['w1', 'worker', 'notifications', { feature: 'sales', tasks: [{ name: 'send confirmation' }] }],
      ['c1', 'scheduler', 'nightly', { schedule: 'every 15 minutes' }],
      ['s1', 'service', 'order service', { feature: 'sales' }],
      ['s2', 'service', 'customer service', { feature: 'crm' }],
      ['p1', 'repository', 'order repository', { feature: 'sales' }],
      ['p2', 'repository', 'customer repository', { feature: 'crm' }],
      ['m1', 'model', 'Order', { feature: 'sales', fields: [{ name: 'total', type: 'decimal' }, { name: 'code', type: 'str', unique: true }] }],
      ['m2', 'model', 'Customer', { feature: 'crm', fields: [{ name: 'email', type: 'str' }] }],
      ['d1', 'database', 'db', { engine }],
      ['b1', 'broker', 'queue', { engine: broker }],
      ['x1', 'external', 'payments'],
      ['k1', 'cache', 'page cache', { engine: 'redis' }],
    ],
    [['r1', 's1'], ['r1', 'w1'], ['w1', 's1'], ['w1', 'b1'], ['c1', 'w1'], ['c1', 'b1'], ['s1', 'p1'], ['s1', 's2'], ['s2', 'p2'], ['p1', 'm1'], ['p2', 'm2'], ['m1', 'm2'], ['p1', 'd1'], ['s1', 'x1'], ['s1', 'k1']],
  );

describe('the Django room', () => {
  const layouts: Layout[] = ['flat', 'feature', 'layered', 'auto'];
  const tasks: TaskFramework[] = ['celery', 'rq', 'dramatiq'];
  test.each(layouts.flatMap((layout) => tasks.map((t) => [layout, t] as const)))('exports %s with %s: every Django file is there', (layout, t) => {
    const out = files(shop('postgres', t === 'rq' ? 'redis' : 'rabbitmq'), { layout, tasks: t });
    const paths = [...out.keys()];
    for (const wanted of ['store/manage.py', 'store/src/store/settings/base.py', 'store/src/store/settings/test.py', 'store/src/store/urls.py', 'store/src/store/wsgi.py', 'store/src/store/core/migrations/0001_initial.py']) expect(paths).toContain(wanted);
    // The shop draws features, so auto splits the code by them as feature does.
    expect(paths.filter((p) => p.endsWith('/migrations/0001_initial.py')).length).toBe(layout === 'feature' || layout === 'auto' ? 3 : 2);
    expect(paths.some((p) => p.endsWith('/admin.py'))).toBe(true);
    expect(out.get('store/pyproject.toml')).toContain('DJANGO_SETTINGS_MODULE = "store.settings.test"');
  });

  test.each([
    ['celery', 'celery -A store beat --loglevel INFO'],
    ['rq', 'python manage.py rqcron store.schedules.nightly'],
    ['dramatiq', 'python -m store.schedules.nightly'],
  ] as const)('the README starts the drawn scheduler as %s runs it, after the worker', (t, command) => {
    const readme = files(shop('postgres', 'redis'), { layout: 'layered', tasks: t }).get('store/README.md')!;
    const step = readme.slice(readme.indexOf('### 6. Start the scheduler'));
    expect(readme.indexOf('### 5. Start a worker')).toBeGreaterThan(0);
    expect(step).toContain('`NIGHTLY_SCHEDULE` in `.env`');
    expect(step.split('```')[1]).toBe(`sh\n${command}\n`);
  });

  test('a diagram without tasks exports without a task framework, ledger or broker check', () => {
    const d = diagram([['r1', 'router', 'notes'], ['s1', 'service', 'note service'], ['p1', 'repository', 'note repository'], ['m1', 'model', 'note'], ['d1', 'database', 'file', { engine: 'sqlite' }]], [['r1', 's1'], ['s1', 'p1'], ['p1', 'm1'], ['p1', 'd1']], { tasks: 'none', layout: 'auto' });
    const out = files(d);
    expect([...out.keys()].some((p) => p.includes('core/migrations'))).toBe(false);
    expect(out.get('store/src/store/urls.py')).not.toContain('broker');
    expect(out.get('store/pyproject.toml')).not.toMatch(/celery|django-rq|dramatiq/);
  });

  test('the migration puts a referenced model first and its foreign key at the end, as the optimizer does', () => {
    const d = diagram([['m1', 'model', 'Alpha', { fields: [{ name: 'name', type: 'str' }] }], ['m2', 'model', 'Beta'], ['p1', 'repository', 'repo']], [['m1', 'm2'], ['p1', 'm1'], ['p1', 'm2']]);
    const migration = files(d).get('store/src/store/migrations/0001_initial.py')!;
    expect(migration.indexOf("name='Beta'")).toBeLessThan(migration.indexOf("name='Alpha'"));
    expect(migration).toContain("('beta', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, to='store.beta')),");
    expect(migration).not.toContain('AddField');
  });

  test('a foreign key into another feature app is a lazy reference and a migration dependency', () => {
    const out = files(shop(), { layout: 'feature' });
    expect(out.get('store/src/store/sales/models.py')).toContain('"crm.Customer"');
    expect(out.get('store/src/store/sales/migrations/0001_initial.py')).toContain("('crm', '0001_initial'),");
  });

  test("names Django keeps for itself are renamed: app labels, model attributes, model classes", () => {
    const d = diagram(
      [['m1', 'model', 'Response', { feature: 'admin', fields: [{ name: 'save', type: 'str' }, { name: 'objects', type: 'int' }] }], ['m2', 'model', 'Group', { feature: 'auth' }], ['p1', 'repository', 'repo', { feature: 'admin' }]],
      [['p1', 'm1']],
      { layout: 'feature' },
    );
    const out = files(d);
    const models = out.get('store/src/store/admin_app/models.py')!;
    expect(models).toContain('class ResponseRecord(models.Model):');
    expect(models).toContain('save_field = models.CharField(max_length=255, db_column="save")');
    expect(models).toContain('objects_field = models.IntegerField(db_column="objects")');
    expect(models).toContain('db_table = "admin_app_response"');
    expect(out.get('store/src/store/auth_app/apps.py')).toContain('label = "auth_app"');
    expect(out.get('store/src/store/settings/base.py')).toContain('"store.auth_app",');
  });

  test('contracts let a component be imported only along drawn edges', () => {
    const toml = files(shop()).get('store/pyproject.toml')!;
    const contract = (name: string): string => toml.slice(toml.indexOf(`name = "${name}`), toml.indexOf('[[tool', toml.indexOf(`name = "${name}`)));
    expect(contract('order repository (repository)')).toContain('allowed_importers = ["store.services.order_service"]');
    expect(contract('Customer (model)')).not.toContain('store.apis');
    expect(contract('orders (router)')).toContain('"store.urls"');
  });

  test('the test setup imports Iterator only where a fixture yields (ruff F401 otherwise)', () => {
    const plain = diagram([['r1', 'router', 'orders'], ['s1', 'service', 'orders'], ['p1', 'repository', 'orders'], ['m1', 'model', 'order']], [['r1', 's1'], ['s1', 'p1'], ['p1', 'm1']]);
    expect(files(plain).get('store/tests/conftest.py')).not.toContain('Iterator');
    const withApi = diagram([['s1', 'service', 'orders'], ['x1', 'external', 'payments']], [['s1', 'x1']]);
    expect(files(withApi).get('store/tests/conftest.py')).toContain('from collections.abc import Iterator');
  });

  test('a keyword name keeps its guarding underscore wherever it becomes an identifier', () => {
    const d = diagram(
      [['s1', 'service', 'shipping'], ['p1', 'repository', 'import'], ['x1', 'external', 'class'], ['m1', 'model', 'lambda'], ['m2', 'model', 'parcel']],
      [['s1', 'p1'], ['s1', 'x1'], ['p1', 'm2'], ['m2', 'm1']],
    );
    const out = files(d);
    expect(out.get('store/src/store/services/shipping.py')).toContain('import_: ImportRepository | None = None,');
    expect(out.get('store/src/store/models/parcel.py')).toContain('lambda_ = models.ForeignKey(');
    expect(out.get('store/tests/conftest.py')).toContain('def fake_class(monkeypatch: pytest.MonkeyPatch)');
  });

  test("a router's drawn cache holds its detail answers, dropped by its own PATCH and DELETE", () => {
    const d = diagram(
      [['r1', 'router', 'tickets'], ['s1', 'service', 'ticket service'], ['p1', 'repository', 'ticket repository'], ['m1', 'model', 'ticket'], ['k1', 'cache', 'page cache', { engine: 'redis' }]],
      [['r1', 's1'], ['s1', 'p1'], ['p1', 'm1'], ['r1', 'k1']],
      { tasks: 'none' },
    );
    const apis = files(d).get('store/src/store/apis/tickets.py')!;
    expect(apis).toContain('from store.clients.page_cache import PageCache');
    expect(apis).toContain('body = PageCache().get(f"api:tickets:{ticket_id}")');
    expect(apis).toContain('PageCache().set(f"api:tickets:{ticket_id}", body)');
    expect(apis.match(/PageCache\(\)\.delete\(f"api:tickets:\{ticket_id\}"\)/g)).toHaveLength(2);
  });

  test('the task ledger is the task_runs table, and tests use SQLite in memory when TEST_DATABASE_URL is empty', () => {
    const out = files(shop());
    expect(out.get('store/src/store/core/models.py')).toContain('db_table = "task_runs"');
    expect(out.get('store/src/store/core/migrations/0001_initial.py')).toContain("'db_table': 'task_runs',");
    expect(out.get('store/src/store/settings/test.py')).toContain('TEST_DATABASE_URL = env.str("TEST_DATABASE_URL", default="") or "sqlite://:memory:"');
  });

  test('RQ projects test on fakeredis, and only they depend on it', () => {
    expect(files(shop(), { tasks: 'rq' }).get('store/pyproject.toml')).toContain('"fakeredis==');
    expect(files(shop()).get('store/pyproject.toml')).not.toContain('fakeredis');
  });

  test('every setting the code reads is in .env.example, and compose passes one shared environment', () => {
    const out = files(shop('mysql', 'rabbitmq'), { tasks: 'dramatiq' });
    const example = out.get('store/.env.example')!;
    const base = out.get('store/src/store/settings/base.py')!;
    for (const [, name] of base.matchAll(/env\.\w+\("([A-Z0-9_]+)"/g)) expect(example).toContain(`\n${name}=`);
    const compose = out.get('store/docker-compose.yml')!;
    expect(compose).toContain('x-app-environment: &app-environment');
    expect(compose).toContain('DB_PASSWORD: "${MARIADB_PASSWORD:?set MARIADB_PASSWORD in .env}"');
    expect(compose).toContain('["python", "manage.py", "rundramatiq"');
    expect(compose).toContain('NIGHTLY_SCHEDULE: "${NIGHTLY_SCHEDULE:-900}"');
  });
});
