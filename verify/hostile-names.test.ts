/**
 * Hostile user-typed names (keywords, soft keywords, Windows device names, module names the code
 * imports, unicode, digits first, punctuation; for Django also its own apps' names: admin, auth,
 * contenttypes, sessions; for Flask the modules it imports or generates: flask, werkzeug, wiring,
 * web, health) in every node kind and feature: the exported FastAPI, Flask and Django projects
 * must still import, module by module, in real CPython, and pass ruff (Django also its system
 * checks and `makemigrations --check`; Flask and Django their own tests in the feature layout).
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CURRENT_VERSION, type Diagram, type DiagramNode, type Framework, type Kind, type Layout } from '../domain/diagram';
import { mustRun } from './support/harness.test';
import { bin, exportTo, type Exported } from './support/project.test';
import { requirePython, runStep, STEPS, userEnv } from './support/readme-run.test';

const HOSTILE = [
  'class', 'import', 'match', 'case', 'type', '_', 'con', 'NUL', 'aux', 'com1', 'typing', 'json', 'celery', 'fastapi',
  'redis', 'sqlalchemy', 'Заказы', '注文', '🚀 rockets', '123 go', 'None', 'self', 'id', 'ütf-8 näme', 'app', 'main',
  'core', 'tasks', 'Base', 'settings', 'order"; import os #', '../../etc', 'new\nline', 'select', 'logging', 'asyncio',
];

/** Names a Django project already uses: its own apps' labels and modules, DRF, the app files. */
const DJANGO_HOSTILE = [
  'admin', 'auth', 'contenttypes', 'sessions', 'messages', 'staticfiles', 'django', 'rest_framework', 'apps', 'models',
  'urls', 'migrations', 'serializers', 'views', 'selectors', 'Admin', 'a-u-t-h', 'a u t h', 'wsgi', 'manage',
];

/** Names a Flask project already uses: Flask's own modules and what the export generates beside the drawn components. */
const FLASK_HOSTILE = ['flask', 'blueprints', 'Blueprint', 'wiring', 'web', 'health', 'migrations', 'db', 'create_app', 'werkzeug', 'request'];

/** A deterministic pick of extra hostile names, so every run checks the same project. */
const EXTRA = fc.sample(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }), { numRuns: 12, seed: 7 });

function hostileDiagram(layout: Layout, framework: Framework): Diagram {
  const own = framework === 'django' ? DJANGO_HOSTILE : framework === 'flask' ? FLASK_HOSTILE : [];
  const names = [...own, ...HOSTILE, ...EXTRA];
  const features = framework === 'django' ? ['admin', 'auth', 'contenttypes', 'sessions', 'Заказы'] : framework === 'flask' ? ['flask', 'wiring', 'Заказы'] : ['class', 'typing', 'Заказы'];
  let n = 0;
  const nodes: DiagramNode[] = [];
  const edges: Diagram['edges'][number][] = [];
  const add = (kind: Kind, feature: string, extra: Partial<DiagramNode> = {}): string => {
    const id = `n${nodes.length}`;
    nodes.push({ id, kind, name: names[n++ % names.length]!, feature, position: { x: nodes.length * 10, y: 0 }, ...extra });
    return id;
  };
  const link = (source: string, target: string): void => void edges.push({ id: `e${edges.length}`, source, target });
  const db = add('database', '', { engine: 'postgres' });
  const broker = add('broker', '', { engine: 'redis' });
  for (const feature of features) {
    const fields = [{ name: 'match', type: 'str' as const }, { name: 'type', type: 'int' as const }, { name: 'metadata', type: 'json' as const, optional: true }, { name: 'model_id', type: 'uuid' as const, unique: true }];
    const router = add('router', feature, { endpoints: [{ method: 'GET', path: '/' }, { method: 'POST', path: '/' }, { method: 'GET', path: '/{class}' }] });
    const service = add('service', feature);
    const repository = add('repository', feature);
    const model = add('model', feature, { fields });
    const worker = add('worker', feature, { tasks: [{ name: 'import' }, { name: 'match' }] });
    const external = add('external', feature);
    const cache = add('cache', feature);
    for (const [s, t] of [[router, service], [service, repository], [repository, model], [repository, db], [worker, service], [worker, broker], [service, external], [service, cache], [router, worker]] as const) link(s, t);
  }
  return { version: CURRENT_VERSION, project: { name: 'typing', framework, tasks: 'celery', layout }, nodes, edges };
}

/** Realistic long names (issue #11: "Customer Address History Entry"), every kind, every edge kind. */
function longNamesDiagram(framework: Framework): Diagram {
  const long = 'Customer Address History Entry';
  const nodes: DiagramNode[] = [
    ['r1', 'router', `${long} API`], ['s1', 'service', `${long} Service`], ['s2', 'service', `${long} Audit Service`],
    ['p1', 'repository', `${long} Repository`], ['m1', 'model', long], ['m2', 'model', `${long} Revision`],
    ['w1', 'worker', `${long} Worker`], ['x1', 'external', `${long} Gateway`], ['c1', 'cache', `${long} Cache`],
    ['d1', 'database', 'db'], ['b1', 'broker', 'queue'],
  ].map(([id, kind, name], i) => ({ id: id!, kind: kind as Kind, name: name!, position: { x: i * 10, y: 0 } }));
  const fields = [{ name: `${long} Code`, type: 'str' as const, unique: true }, { name: `${long} Recorded At`, type: 'datetime' as const, optional: true }];
  const withFields = nodes.map((n) => (n.kind === 'model' ? { ...n, fields } : n.kind === 'worker' ? { ...n, tasks: [{ name: `reindex ${long}` }] } : n));
  const pairs = [['r1', 's1'], ['r1', 'w1'], ['r1', 'c1'], ['s1', 'p1'], ['s1', 's2'], ['s1', 'x1'], ['s1', 'c1'], ['p1', 'm1'], ['p1', 'm2'], ['m2', 'm1'], ['p1', 'd1'], ['w1', 's1'], ['w1', 'b1']];
  return { version: CURRENT_VERSION, project: { name: 'typing', framework, tasks: 'celery', layout: 'layered' }, nodes: withFields, edges: pairs.map(([source, target], i) => ({ id: `e${i}`, source: source!, target: target! })) };
}

const BASE = mkdtempSync(join(tmpdir(), 'strata-hostile-'));
const LAYOUTS = ['layered', 'flat', 'feature'] as const;
const FRAMEWORKS = ['fastapi', 'flask', 'django'] as const;
const projects = new Map<string, Exported>();
const key = (framework: Framework, layout: Layout): string => `${framework}-${layout}`;

beforeAll(async () => {
  await requirePython();
  projects.set('django-long', exportTo('django-long', longNamesDiagram('django'), BASE));
  projects.set('flask-long', exportTo('flask-long', longNamesDiagram('flask'), BASE));
  for (const framework of FRAMEWORKS) {
    for (const layout of LAYOUTS) projects.set(key(framework, layout), exportTo(key(framework, layout), hostileDiagram(layout, framework), BASE));
    // One venv per framework, installed as its layered project's README says, runs all three layouts' code.
    await runStep(projects.get(key(framework, 'layered'))!, STEPS.install, { activate: false, timeoutMs: 900_000 });
  }
});

afterAll(() => rmSync(BASE, { recursive: true, force: true }));

/** Imports every module of the package; a Django project's app registry is set up first, as manage.py does. */
const IMPORT_ALL = `
import importlib, os, pkgutil, sys
if os.environ.get("DJANGO_SETTINGS_MODULE"):
    import django
    django.setup()
package = importlib.import_module(sys.argv[1])
names = [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
for name in names:
    importlib.import_module(name)
print(len(names) + 1, "modules imported")
`;

/** What each framework's project needs in the environment to import, and its own checks beyond ruff. */
const SETUP: Readonly<Record<(typeof FRAMEWORKS)[number], { env: Record<string, string>; compile: string[]; checks: string[][] }>> = {
  fastapi: { env: { DATABASE_URL: 'sqlite+aiosqlite:///./hostile.db', TASKS_EAGER: 'true' }, compile: ['alembic', 'tests'], checks: [] },
  flask: { env: { DATABASE_URL: 'sqlite:///./hostile.db', TASKS_EAGER: 'true' }, compile: ['migrations', 'tests'], checks: [] },
  django: {
    env: { DJANGO_SETTINGS_MODULE: 'typing_app.settings.test', DJANGO_SECRET_KEY: 'hostile-names-only', DATABASE_URL: 'sqlite:///hostile.db' },
    compile: ['tests'],
    // The system checks catch app labels, admin registrations and related names that clash.
    checks: [['manage.py', 'check'], ['manage.py', 'makemigrations', '--check', '--dry-run']],
  },
};

describe.each(FRAMEWORKS.flatMap((framework) => LAYOUTS.map((layout) => [framework, layout] as const)))('hostile names, %s, %s layout', (framework, layout) => {
  test('every generated module imports in CPython, and ruff accepts the code', async () => {
    const project = projects.get(key(framework, layout))!;
    const venv = projects.get(key(framework, 'layered'))!;
    const setup = SETUP[framework];
    const env = userEnv(project, { PYTHONPATH: join(project.dir, 'src'), ...setup.env });
    expect(project.plan.pkg).toBe('typing_app');
    const output = await mustRun(bin(venv, 'python'), ['-c', IMPORT_ALL, project.plan.pkg], { cwd: project.dir, env });
    expect(output).toMatch(/\d+ modules imported/);
    await mustRun(bin(venv, 'python'), ['-m', 'compileall', '-q', ...setup.compile], { cwd: project.dir, env });
    for (const check of setup.checks) await mustRun(bin(venv, 'python'), check, { cwd: project.dir, env });
    await mustRun(bin(venv, 'ruff'), ['check', '.'], { cwd: project.dir, env });
    await mustRun(bin(venv, 'ruff'), ['format', '--check', '.'], { cwd: project.dir, env });
  });
});

test("a Django project whose features are named after Django's own apps passes its own tests", async () => {
  const project = projects.get(key('django', 'feature'))!;
  const venv = projects.get(key('django', 'layered'))!;
  const env = userEnv(project, { PYTHONPATH: join(project.dir, 'src'), ...SETUP.django.env });
  expect(await mustRun(bin(venv, 'pytest'), ['-q', '-p', 'no:cacheprovider'], { cwd: project.dir, env, timeoutMs: 600_000 })).toMatch(/\d+ passed/);
});

test('a Django project of long, realistic names is formatted and import-sorted exactly as ruff does it', async () => {
  const project = projects.get('django-long')!;
  const venv = projects.get(key('django', 'layered'))!;
  const env = userEnv(project, { PYTHONPATH: join(project.dir, 'src'), ...SETUP.django.env });
  await mustRun(bin(venv, 'ruff'), ['check', '.'], { cwd: project.dir, env });
  await mustRun(bin(venv, 'ruff'), ['format', '--check', '.'], { cwd: project.dir, env });
  await mustRun(bin(venv, 'python'), ['manage.py', 'check'], { cwd: project.dir, env });
});

test('a Flask project of long, realistic names imports, is formatted and import-sorted exactly as ruff does it, and passes its own tests', async () => {
  const project = projects.get('flask-long')!;
  const venv = projects.get(key('flask', 'layered'))!;
  const env = userEnv(project, { PYTHONPATH: join(project.dir, 'src'), ...SETUP.flask.env });
  expect(await mustRun(bin(venv, 'python'), ['-c', IMPORT_ALL, project.plan.pkg], { cwd: project.dir, env })).toMatch(/\d+ modules imported/);
  await mustRun(bin(venv, 'ruff'), ['check', '.'], { cwd: project.dir, env });
  await mustRun(bin(venv, 'ruff'), ['format', '--check', '.'], { cwd: project.dir, env });
  const own = userEnv(project, { PYTHONPATH: join(project.dir, 'src') });
  expect(await mustRun(bin(venv, 'pytest'), ['-q', '-p', 'no:cacheprovider'], { cwd: project.dir, env: own, timeoutMs: 600_000 })).toMatch(/\d+ passed/);
});

test('a Flask project whose features and components are named after Flask and its generated modules passes its own tests', async () => {
  const project = projects.get(key('flask', 'feature'))!;
  const venv = projects.get(key('flask', 'layered'))!;
  const env = userEnv(project, { PYTHONPATH: join(project.dir, 'src') });
  expect(await mustRun(bin(venv, 'pytest'), ['-q', '-p', 'no:cacheprovider'], { cwd: project.dir, env, timeoutMs: 600_000 })).toMatch(/\d+ passed/);
});
