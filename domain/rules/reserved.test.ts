/** `reserved-name`: a model whose table the framework, the database or the export keeps for itself. */
import { describe, expect, it } from 'vitest';
import { emptyDiagram, type Diagram, type Framework, type Project } from '../diagram';
import { djangoModels } from '../generate/django/fields';
import { modulesFor } from '../generate/django/layout';
import { buildPlan, exportChoices, generate } from '../generate';
import { reservedNotes, validate } from './index';
import { reservedTables, safeTableName } from './reserved';

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
  return reservedNotes(d)
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
  it("is a note beside validate's findings, never one of them: a diagram's errors and warnings read the same with it", () => {
    const d = modelsDiagram([['Alembic-Version']]);
    expect(reservedNotes(d).map((n) => [n.rule, n.severity])).toEqual([['reserved-name', 'note']]);
    expect(validate(d).filter((f) => (f.rule as string) === 'reserved-name')).toEqual([]);
  });

  it("notes a SQLAlchemy model that would take Alembic's table, with the table the export uses instead and a rename that keeps the name", () => {
    for (const framework of ['fastapi', 'flask'] as const) {
      const [finding, ...rest] = reservedNotes(modelsDiagram([['Alembic-Version']], { framework })).filter((f) => f.rule === 'reserved-name');
      expect(rest).toEqual([]);
      expect(finding).toEqual({
        rule: 'reserved-name',
        severity: 'note',
        nodes: ['m0'],
        edges: [],
        message: 'model "Alembic-Version" would take the table "alembic_version": Alembic keeps the migration state there; the export names its table "alembic_version_2"',
        fix: 'rename it, for example to "Alembic-Version record"',
      });
      expect(reserved(modelsDiagram([['Alembic-Version record']], { framework }))).toEqual([]);
    }
  });

  it('notes tables SQLite refuses and tables PostgreSQL shadows with its catalog, in every framework', () => {
    expect(reserved(modelsDiagram([['sqlite stat'], ['PG Class'], ['my sqlite stat'], ['pgdata']]))).toEqual([
      ['m0', 'note'],
      ['m1', 'note'],
    ]);
    expect(reservedNotes(modelsDiagram([['PG Class']])).find((f) => f.rule === 'reserved-name')?.message).toContain('the export names its table "t_pg_class"');
    const [finding] = reservedNotes(modelsDiagram([['sqlite stat']], { framework: 'flask' })).filter((f) => f.rule === 'reserved-name');
    expect(finding!.fix).toBe('rename it, for example to "my sqlite stat"');
  });

  it('leaves the names the SQLAlchemy rooms rename themselves: the task ledger and Django-only tables', () => {
    const d = modelsDiagram([['task runs'], ['django migrations'], ['auth user']]);
    expect(reserved(d)).toEqual([]);
    expect(generatedTables(d).get('m0')).toBe('task_runs_2');
  });

  it('reports a Django model whose app label and class make the task ledger, and a feature or project label SQLite or PostgreSQL reserves', () => {
    const ledger = modelsDiagram([['runs', 'task']], { framework: 'django', layout: 'auto' });
    expect(reservedNotes(ledger).find((f) => f.rule === 'reserved-name')?.message).toBe(
      'model "runs" in feature "task" would take the table "task_runs": the export\'s task ledger lives there; the export names its table "task_runs_2"',
    );
    const byFeature = reservedNotes(modelsDiagram([['order', 'pg']], { framework: 'django', layout: 'feature' })).find((f) => f.rule === 'reserved-name');
    expect(byFeature?.fix).toBe('rename the feature "pg", for example to "my pg"');
    const byProject = reservedNotes(modelsDiagram([['order']], { framework: 'django', name: 'SQLite' })).find((f) => f.rule === 'reserved-name');
    expect(byProject?.message).toContain('the table "sqlite_order"');
    expect(byProject?.message).toContain('names its table "t_sqlite_order"');
    expect(byProject?.fix).toBe('rename the project "SQLite", for example to "my SQLite"');
    expect(reserved(modelsDiagram([['order', 'pg']], { framework: 'django', layout: 'layered' }))).toEqual([]);
    expect(reserved(modelsDiagram([['runs', 'task']], { framework: 'fastapi', layout: 'feature' }))).toEqual([]);
  });

  it('notes exactly the models whose table is taken, and the generator writes the table the note names, in every framework and layout', () => {
    // Each reserved SQLAlchemy name once: the generator numbers a second model of that name.
    const features = [undefined, 'task', 'django', 'sqlite', 'pg', 'auth', 'shop'];
    const names = ['alembic version', 'alembic', 'task runs', 'run log', 'sqlite stat', 'sqlite', 'pg class', 'pg', 'migrations', 'metadata', 'version'];
    const models = [...names.map((name, i) => [name, features[i % features.length]] as const), ['runs', 'task'], ['order', 'sqlite'], ['order', 'pg']] as const;
    const taken = (table: string, framework: Framework): boolean =>
      /^(sqlite_|pg_)/.test(table) ||
      (framework === 'django' ? ['task_runs', 'django_migrations', 'django_content_type', 'django_session', 'django_admin_log'] : ['alembic_version']).includes(table);
    for (const framework of FRAMEWORKS) {
      let seen = 0;
      let exact = 0;
      for (const layout of ['flat', 'feature', 'auto'] as const) {
        for (const project of ['store', 'sqlite', 'pg', 'task']) {
          const d = modelsDiagram(models, { framework, layout, name: project });
          const tables = generatedTables(d);
          const noted = new Map(reservedTables(d).map((r) => [r.node.id, r]));
          expect(new Set(reserved(d).map(([id]) => id))).toEqual(new Set(noted.keys()));
          for (const [id, table] of tables) {
            const where = `${framework} ${layout} ${project}: ${id} → ${table}`;
            expect(taken(table, framework), where).toBe(false);
            const note = noted.get(id);
            if (note === undefined) continue;
            expect(taken(note.table, framework), where).toBe(true);
            // The note names the table from the model's own name; where the generator had to number
            // the class or module (`alembic` beside the package `alembic`), the same rule renamed its table.
            const byRule = (table.startsWith('t_') && taken(table.slice(2), framework)) || (table.endsWith('_2') && taken(table.slice(0, -2), framework));
            expect(table === note.renamed || byRule, `${where}, noted as ${note.renamed}`).toBe(true);
            exact += table === note.renamed ? 1 : 0;
          }
          seen += noted.size;
        }
      }
      expect(seen, framework).toBeGreaterThan(0);
      expect(exact, framework).toBeGreaterThan(seen / 2);
    }
  });

  it('renames predictably: an exact clash gets "_2", a clash by prefix "t_"', () => {
    expect(safeTableName('alembic_version', 'fastapi')).toBe('alembic_version_2');
    expect(safeTableName('alembic_version', 'django')).toBe('alembic_version');
    expect(safeTableName('django_session', 'django')).toBe('django_session_2');
    expect(safeTableName('sqlite_stat1', 'flask')).toBe('t_sqlite_stat1');
    expect(safeTableName('pg_class', 'django')).toBe('t_pg_class');
    expect(safeTableName('orders', 'fastapi')).toBe('orders');
  });

  it('never refuses the export for it: each framework exports the model under the renamed table', () => {
    const d = modelsDiagram([['alembic version']], { framework: 'django' });
    for (const framework of FRAMEWORKS) expect(generate(d, { framework }).ok, framework).toBe(true);
    expect(exportChoices(d).frameworks.map((c) => [c.value, c.unavailable])).toEqual([
      ['fastapi', undefined],
      ['flask', undefined],
      ['django', undefined],
    ]);
    for (const framework of ['fastapi', 'flask'] as const) {
      const result = generate(modelsDiagram([['alembic version'], ['pg class']]), { framework });
      expect(result.ok, framework).toBe(true);
      if (!result.ok) continue;
      const text = [...result.files.values()].join('\n');
      expect(text, framework).toContain('__tablename__ = "alembic_version_2"');
      expect(text, framework).toContain('__tablename__ = "t_pg_class"');
      expect(text, framework).toContain('op.create_table(\n        "alembic_version_2"');
    }
    const django = generate(modelsDiagram([['class']], { name: 'pg' }), { framework: 'django' });
    expect(django.ok).toBe(true);
    if (!django.ok) return;
    const text = [...django.files.values()].join('\n');
    expect(text).toContain('db_table = "t_pg_class"');
    expect(text).toContain("'db_table': 't_pg_class'");
  });

  it('notes fields SQLAlchemy or Python keep, naming the attribute each framework writes', () => {
    const withFields = (framework: Framework): Diagram => {
      const d = modelsDiagram([['order']], { framework });
      const fields = ['metadata', 'type', 'list', 'class', 'id', 'status'].map((name) => ({ name, type: 'str' as const }));
      return { ...d, nodes: d.nodes.map((n) => (n.kind === 'model' ? { ...n, fields } : n)) };
    };
    const messages = (framework: Framework): string[] => reservedNotes(withFields(framework)).filter((f) => f.rule === 'reserved-name').map((f) => f.message);
    expect(messages('fastapi')).toEqual([
      'field "metadata" of model "order" is a name SQLAlchemy\'s declarative classes keep; the export names the attribute and its column "metadata_value"',
      'field "type" of model "order" is a name Python keeps (a keyword or builtin); the export names the attribute and its column "type_"',
      'field "list" of model "order" is a name Python keeps (a keyword or builtin); the export names the attribute and its column "list_"',
      'field "class" of model "order" is a name Python keeps (a keyword or builtin); the export names the attribute and its column "class_"',
    ]);
    expect(messages('django')).toEqual([
      'field "type" of model "order" is a name Python keeps (a keyword or builtin); the export names the attribute (its column stays "type") "type_field"',
      'field "class" of model "order" is a name Python keeps (a keyword or builtin); the export names the attribute (its column stays "class") "class_field"',
    ]);
    const result = generate(withFields('django'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const models = [...result.files.values()].join('\n');
    expect(models).toContain('type_field = models.CharField(max_length=255, db_column="type")');
    expect(models).toContain('class_field = models.CharField(max_length=255, db_column="class")');
  });
});
