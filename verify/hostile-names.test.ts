/**
 * Hostile user-typed names (keywords, soft keywords, Windows device names, module names the code
 * imports, unicode, digits first, punctuation) in every node kind and feature: the exported
 * project must still import, module by module, in real CPython, and pass ruff.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CURRENT_VERSION, type Diagram, type DiagramNode, type Kind, type Layout } from '../domain/diagram';
import { mustRun } from './support/harness.test';
import { bin, exportTo, type Exported } from './support/project.test';
import { requirePython, runStep, STEPS, userEnv } from './support/readme-run.test';

const HOSTILE = [
  'class', 'import', 'match', 'case', 'type', '_', 'con', 'NUL', 'aux', 'com1', 'typing', 'json', 'celery', 'fastapi',
  'redis', 'sqlalchemy', 'Заказы', '注文', '🚀 rockets', '123 go', 'None', 'self', 'id', 'ütf-8 näme', 'app', 'main',
  'core', 'tasks', 'Base', 'settings', 'order"; import os #', '../../etc', 'new\nline', 'select', 'logging', 'asyncio',
];

/** A deterministic pick of extra hostile names, so every run checks the same project. */
const EXTRA = fc.sample(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }), { numRuns: 12, seed: 7 });

function hostileDiagram(layout: Layout): Diagram {
  const names = [...HOSTILE, ...EXTRA];
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
  for (const feature of ['class', 'typing', 'Заказы']) {
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
  return { version: CURRENT_VERSION, project: { name: 'typing', framework: 'fastapi', tasks: 'celery', layout }, nodes, edges };
}

const BASE = mkdtempSync(join(tmpdir(), 'strata-hostile-'));
const projects = new Map<Layout, Exported>();

beforeAll(async () => {
  await requirePython();
  for (const layout of ['layered', 'flat', 'feature'] as const) projects.set(layout, exportTo(layout, hostileDiagram(layout), BASE));
  // One venv, installed as the layered project's README says, runs all three layouts' code.
  await runStep(projects.get('layered')!, STEPS.install, { activate: false, timeoutMs: 900_000 });
});

afterAll(() => rmSync(BASE, { recursive: true, force: true }));

const IMPORT_ALL = `
import importlib, pkgutil, sys
package = importlib.import_module(sys.argv[1])
names = [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
for name in names:
    importlib.import_module(name)
print(len(names) + 1, "modules imported")
`;

describe.each(['layered', 'flat', 'feature'] as const)('hostile names, %s layout', (layout) => {
  test('every generated module imports in CPython, and ruff accepts the code', async () => {
    const project = projects.get(layout)!;
    const venv = projects.get('layered')!;
    const env = userEnv(project, { PYTHONPATH: join(project.dir, 'src'), DATABASE_URL: 'sqlite+aiosqlite:///./hostile.db', TASKS_EAGER: 'true' });
    expect(project.plan.pkg).toBe('typing_app');
    const output = await mustRun(bin(venv, 'python'), ['-c', IMPORT_ALL, project.plan.pkg], { cwd: project.dir, env });
    expect(output).toMatch(/\d+ modules imported/);
    await mustRun(bin(venv, 'python'), ['-m', 'compileall', '-q', 'alembic', 'tests'], { cwd: project.dir, env });
    await mustRun(bin(venv, 'ruff'), ['check', '.'], { cwd: project.dir, env });
    await mustRun(bin(venv, 'ruff'), ['format', '--check', '.'], { cwd: project.dir, env });
  });
});
