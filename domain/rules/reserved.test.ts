/** `reserved-name`: a model whose table the framework, the database or the export keeps for itself. */
import { describe, expect, it } from 'vitest';
import { emptyDiagram, type Diagram, type Framework, type Project } from '../diagram';
import { djangoModels } from '../generate/django/fields';
import { modulesFor } from '../generate/django/layout';
import { buildPlan, exportChoices, generate } from '../generate';
import { validate } from './index';

const FRAMEWORKS: readonly Framework[] = ['fastapi', 'flask', 'django'];

/** A repository over one model per `[name, feature?]`, with a router in front of it. */
function modelsDiagram(models: ReadonlyArray<readonly [name: string, feature?: string]>, project: Partial<Project> = {}): Diagram {
  return {
    ...emptyDiagram({ name: 'store', tasks: 'none', layout: 'flat', ...project }),
    nodes: [
      { id: 'r', kind: 'router', name: 'api', position: { x: 0, y: 0 } },
      { id: 'p', kind: 'repository', name: 'store', position: { x: 0, y: 0 } },
      ...models.map(([name, feature], i) => ({ id: `m${i}`, kind: 'model' as const, name, position: { x: 0, y: 0 }, ...(feature && { feature }) })),
    ],
    edges: [{ id: 'e', source: 'r', target: 'p' }, ...models.map((_, i) => ({ id: `e${i}`, source: 'p', target: `m${i}` }))],
  };
}

function reserved(d: Diagram): Array<[string, string]> {
  return validate(d)
    .filter((f) => f.rule === 'reserved-name')
    .map((f) => [f.nodes[0]!, f.severity]);
}

/** The table each model gets from the generator itself (the export check bypassed), by node id. */
function generatedTables(d: Diagram): Map<string, string> {
  const plan = buildPlan(d, { framework: d.project.framework, tasks: d.project.tasks, layout: d.project.layout });
  if (d.project.framework !== 'django') return new Map(plan.models.map((m) => [m.id, m.table]));
  const models = djangoModels(plan, modulesFor(plan));
  return new Map([...models].map(([id, m]) => [id, m.dbTable ?? `${m.app.label}_${m.cls.toLowerCase()}`]));
}

describe('reserved-name', () => {
  it("reports a SQLAlchemy model that would take Alembic's table, with the table and a rename that clears it", () => {
    for (const framework of ['fastapi', 'flask'] as const) {
      const [finding, ...rest] = validate(modelsDiagram([['Alembic-Version']], { framework })).filter((f) => f.rule === 'reserved-name');
      expect(rest).toEqual([]);
      expect(finding).toEqual({
        rule: 'reserved-name',
        severity: 'error',
        nodes: ['m0'],
        edges: [],
        message: 'model "Alembic-Version" would become the table "alembic_version": Alembic keeps the migration state there',
        fix: 'rename it, for example to "Alembic-Version record"',
      });
      expect(reserved(modelsDiagram([['Alembic-Version record']], { framework }))).toEqual([]);
    }
  });

  it('reports tables SQLite refuses and tables PostgreSQL shadows with its catalog, in every framework', () => {
    expect(reserved(modelsDiagram([['sqlite stat'], ['PG Class'], ['my sqlite stat'], ['pgdata']]))).toEqual([
      ['m0', 'error'],
      ['m1', 'error'],
    ]);
    const [finding] = validate(modelsDiagram([['sqlite stat']], { framework: 'flask' })).filter((f) => f.rule === 'reserved-name');
    expect(finding!.fix).toBe('rename it, for example to "my sqlite stat"');
  });

  it('leaves the names the SQLAlchemy rooms rename themselves: the task ledger and Django-only tables', () => {
    const d = modelsDiagram([['task runs'], ['django migrations'], ['auth user']]);
    expect(reserved(d)).toEqual([]);
    expect(generatedTables(d).get('m0')).toBe('task_runs_2');
  });

  it('reports a Django model whose app label and class make the task ledger, and a feature or project label SQLite or PostgreSQL reserves', () => {
    const ledger = modelsDiagram([['runs', 'task']], { framework: 'django', layout: 'auto' });
    expect(validate(ledger).find((f) => f.rule === 'reserved-name')?.message).toBe(
      'model "runs" in feature "task" would become the table "task_runs": the export\'s task ledger lives there',
    );
    const byFeature = validate(modelsDiagram([['order', 'pg']], { framework: 'django', layout: 'feature' })).find((f) => f.rule === 'reserved-name');
    expect(byFeature?.fix).toBe('rename the feature "pg", for example to "my pg"');
    const byProject = validate(modelsDiagram([['order']], { framework: 'django', name: 'SQLite' })).find((f) => f.rule === 'reserved-name');
    expect(byProject?.message).toContain('the table "sqlite_order"');
    expect(byProject?.fix).toBe('rename the project "SQLite", for example to "my SQLite"');
    expect(reserved(modelsDiagram([['order', 'pg']], { framework: 'django', layout: 'layered' }))).toEqual([]);
    expect(reserved(modelsDiagram([['runs', 'task']], { framework: 'fastapi', layout: 'feature' }))).toEqual([]);
  });

  it('reports exactly the models whose generated table is taken, in every framework and layout', () => {
    // Each reserved SQLAlchemy name once: the generator numbers a second model of that name.
    const features = [undefined, 'task', 'django', 'sqlite', 'pg', 'auth', 'shop'];
    const names = ['alembic version', 'alembic', 'task runs', 'run log', 'sqlite stat', 'sqlite', 'pg class', 'pg', 'migrations', 'metadata', 'version'];
    const models = [...names.map((name, i) => [name, features[i % features.length]] as const), ['runs', 'task'], ['order', 'sqlite'], ['order', 'pg']] as const;
    const taken = (table: string, framework: Framework): boolean =>
      /^(sqlite_|pg_)/.test(table) ||
      (framework === 'django' ? ['task_runs', 'django_migrations', 'django_content_type', 'django_session', 'django_admin_log'] : ['alembic_version']).includes(table);
    for (const framework of FRAMEWORKS) {
      let seen = 0;
      for (const layout of ['flat', 'feature', 'auto'] as const) {
        for (const project of ['store', 'sqlite', 'pg', 'task']) {
          const d = modelsDiagram(models, { framework, layout, name: project });
          const tables = generatedTables(d);
          const flagged = new Set(reserved(d).map(([id]) => id));
          for (const [id, table] of tables) expect(flagged.has(id), `${framework} ${layout} ${project}: ${id} → ${table}`).toBe(taken(table, framework));
          seen += flagged.size;
        }
      }
      expect(seen, framework).toBeGreaterThan(0);
    }
  });

  it('makes the export refuse the diagram in the framework whose table it takes, and the chooser say so', () => {
    const d = modelsDiagram([['alembic version']], { framework: 'django' });
    expect(generate(d).ok).toBe(true);
    const refused = generate(d, { framework: 'fastapi' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error).toEqual({
      code: 'reserved-name',
      message: 'The model "alembic version" would become the table "alembic_version", which a FastAPI project cannot have: Alembic keeps the migration state there.',
    });
    expect(exportChoices(d).frameworks.map((c) => [c.value, c.unavailable?.short])).toEqual([
      ['fastapi', 'a table name is taken'],
      ['flask', 'a table name is taken'],
      ['django', undefined],
    ]);
    for (const framework of ['fastapi', 'flask'] as const) expect(generate(modelsDiagram([['pg class']]), { framework }).ok).toBe(false);
    expect(generate(modelsDiagram([['class']], { name: 'pg' }), { framework: 'django' }).ok).toBe(false);
  });
});
