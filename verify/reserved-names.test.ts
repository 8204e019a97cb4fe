/**
 * Tables the framework or the database keeps (issue #11, item 8): a model named "alembic version"
 * or "pg class" exports under the renamed table validate notes, and the project's own migrations
 * run on SQLite — Alembic's state table stays Alembic's, and a second upgrade finds nothing to do.
 * In Django, a model "runs" in feature "task" would compose the export's task ledger, task_runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CURRENT_VERSION, type Diagram, type DiagramNode } from '../domain/diagram';
import { mustRun } from './support/harness.test';
import { bin, exportTo, type Exported } from './support/project.test';
import { requirePython, runStep, STEPS, userEnv } from './support/readme-run.test';

const BASE = mkdtempSync(join(tmpdir(), 'strata-reserved-'));
let project: Exported;
let django: Exported;

function djangoDiagram(): Diagram {
  const nodes: DiagramNode[] = [
    { id: 'r', kind: 'router', name: 'runs', feature: 'task', position: { x: 0, y: 0 } },
    { id: 'p', kind: 'repository', name: 'runs', feature: 'task', position: { x: 0, y: 0 } },
    { id: 'm', kind: 'model', name: 'runs', feature: 'task', position: { x: 0, y: 0 } },
    { id: 'w', kind: 'worker', name: 'sweeper', feature: 'task', tasks: [{ name: 'sweep' }], position: { x: 0, y: 0 } },
    { id: 'd', kind: 'database', name: 'db', engine: 'postgres', position: { x: 0, y: 0 } },
    { id: 'b', kind: 'broker', name: 'queue', engine: 'redis', position: { x: 0, y: 0 } },
  ];
  const pairs = [['r', 'p'], ['p', 'm'], ['p', 'd'], ['w', 'p'], ['w', 'b'], ['r', 'w']];
  return { version: CURRENT_VERSION, project: { name: 'rs ledger', framework: 'django', tasks: 'celery', layout: 'feature' }, nodes, edges: pairs.map(([source, target], i) => ({ id: `e${i}`, source: source!, target: target! })) };
}

function reservedDiagram(): Diagram {
  const nodes: DiagramNode[] = [
    { id: 'r', kind: 'router', name: 'ledger', position: { x: 0, y: 0 } },
    { id: 'p', kind: 'repository', name: 'ledger', position: { x: 0, y: 0 } },
    { id: 'm1', kind: 'model', name: 'alembic version', position: { x: 0, y: 0 } },
    { id: 'm2', kind: 'model', name: 'pg class', position: { x: 0, y: 0 } },
    { id: 'd', kind: 'database', name: 'db', engine: 'postgres', position: { x: 0, y: 0 } },
  ];
  const pairs = [['r', 'p'], ['p', 'm1'], ['p', 'm2'], ['p', 'd'], ['m2', 'm1']];
  return { version: CURRENT_VERSION, project: { name: 'rs ledger', framework: 'fastapi', tasks: 'none', layout: 'flat' }, nodes, edges: pairs.map(([source, target], i) => ({ id: `e${i}`, source: source!, target: target! })) };
}

/** The tables of the SQLite file and the revision Alembic recorded. */
const TABLES = `
import sqlite3
db = sqlite3.connect("rs_reserved.db")
print(sorted(r[0] for r in db.execute("select name from sqlite_master where type = 'table'")))
print(db.execute("select version_num from alembic_version").fetchall())
`;

beforeAll(async () => {
  await requirePython();
  project = exportTo('reserved', reservedDiagram(), BASE);
  await runStep(project, STEPS.install, { activate: false, timeoutMs: 900_000 });
  django = exportTo('reserved-django', djangoDiagram(), BASE);
  await runStep(django, STEPS.install, { activate: false, timeoutMs: 900_000 });
});

afterAll(() => rmSync(BASE, { recursive: true, force: true }));

test('a FastAPI model named "alembic version" gets the table alembic_version_2, and alembic upgrade head runs (twice)', async () => {
  const env = userEnv(project, { DATABASE_URL: 'sqlite+aiosqlite:///./rs_reserved.db' });
  for (let i = 0; i < 2; i++) await mustRun(bin(project, 'alembic'), ['upgrade', 'head'], { cwd: project.dir, env });
  const [tables, revision] = (await mustRun(bin(project, 'python'), ['-c', TABLES], { cwd: project.dir, env })).trim().split('\n');
  expect(tables).toContain("'alembic_version'");
  expect(tables).toContain("'alembic_version_2'");
  expect(tables).toContain("'t_pg_class'");
  expect(revision).toMatch(/^\[\('\w+',\)\]$/);
});

/** The tables Django sees in its database. */
const DJANGO_TABLES = 'from django.db import connection; print(sorted(connection.introspection.table_names()))';

test('a Django model "runs" in feature "task" gets the table task_runs_2 beside the task ledger, and manage.py migrate runs', async () => {
  // The project's own settings (manage.py's default), on a SQLite file as the README's local run uses.
  const env = userEnv(django, { DJANGO_SECRET_KEY: 'reserved-names-only', DATABASE_URL: 'sqlite:///rs_reserved.sqlite3' });
  await mustRun(bin(django, 'python'), ['manage.py', 'migrate'], { cwd: django.dir, env });
  await mustRun(bin(django, 'python'), ['manage.py', 'makemigrations', '--check', '--dry-run'], { cwd: django.dir, env });
  const tables = await mustRun(bin(django, 'python'), ['manage.py', 'shell', '-c', DJANGO_TABLES], { cwd: django.dir, env });
  expect(tables).toContain("'task_runs'");
  expect(tables).toContain("'task_runs_2'");
});
