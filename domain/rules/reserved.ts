/**
 * `reserved-name`: a model whose table would be one the framework, the database or the export
 * itself keeps. The export renames such a table predictably (`safeTableName`, which the
 * generators call too, so the note and the exported code cannot disagree), and validate says so
 * as a warning: the table in the database is not the one the model's name suggests.
 */
import type { Diagram, DiagramNode, Framework } from '../diagram';
import { pythonForm } from '../names';
import type { Note } from './catalog';
import { describe } from './describe';
import { buildNames } from './name-table';
import { collectReservedFields } from './reserved-fields';

/** Tables the export or the framework keeps for itself, and why, by framework. */
const SQLALCHEMY_TABLES: Readonly<Record<string, string>> = {
  alembic_version: 'Alembic keeps the migration state there',
};

const DJANGO_TABLES: Readonly<Record<string, string>> = {
  // SQLAlchemy projects rename a model that would take `task_runs` (its module name is reserved
  // too); Django composes a table from the app label and the class, so there it can clash.
  task_runs: "the export's task ledger lives there",
  django_migrations: 'Django keeps the migration state there',
  django_content_type: 'Django keeps its content types there',
  django_session: 'Django keeps its sessions there',
  django_admin_log: "Django's admin keeps its log there",
};

const TAKEN_PREFIXES: ReadonlyArray<readonly [prefix: string, why: string]> = [
  ['sqlite_', 'SQLite refuses table names starting with "sqlite_" (the local run and the tests use SQLite)'],
  ['pg_', 'PostgreSQL finds its own catalog tables first for names starting with "pg_"'],
];

/** The prefix a table taken by its prefix gets (`sqlite_stat` → `t_sqlite_stat`). */
const PREFIX_RENAME = 't_';

/**
 * The table the export writes for `table`: itself, or for a name the framework or the database
 * keeps, `<table>_2` for an exact clash (as modules are renamed) and `t_<table>` for a clash by
 * prefix (`sqlite_`, `pg_`). The one place that decides it, for validate and every generator.
 */
export function safeTableName(table: string, framework: Framework): string {
  if (exactly(table, framework) !== undefined) return `${table}_2`;
  return TAKEN_PREFIXES.some(([prefix]) => table.startsWith(prefix)) ? `${PREFIX_RENAME}${table}` : table;
}

/** A model whose table name is taken, with the table, why, the table the export uses, and what to rename. */
export interface ReservedTable {
  readonly node: DiagramNode;
  readonly table: string;
  /** The table the export writes instead (`safeTableName`). */
  readonly renamed: string;
  readonly why: string;
  /** What the user renames: the model, or (Django) the feature or project whose label makes the prefix. */
  readonly rename: 'model' | 'feature' | 'project';
}

/** The form the generator builds names from: the Python form with runs of `_` collapsed. */
function snakeForm(name: string): string {
  return pythonForm(name).replace(/_+/g, '_');
}

function exactly(table: string, framework: Framework): string | undefined {
  return (framework === 'django' ? DJANGO_TABLES : SQLALCHEMY_TABLES)[table];
}

function whyTaken(table: string, framework: Framework): string | undefined {
  return exactly(table, framework) ?? TAKEN_PREFIXES.find(([prefix]) => table.startsWith(prefix))?.[1];
}

/**
 * The table a model becomes: its snake form for SQLAlchemy (FastAPI, Flask); for Django the app
 * label, `_` and the class name in lower case, the label being the feature in the feature layout
 * (the `auto` layout picks it whenever a feature is drawn) and the project otherwise.
 */
function labelOf(node: DiagramNode, diagram: Diagram, featured: boolean): string {
  return featured ? snakeForm(node.feature ?? '') || 'shared' : snakeForm(diagram.project.name);
}

/** Every model of `diagram` whose table the chosen framework (the diagram's own by default) cannot have. */
export function reservedTables(diagram: Diagram, framework: Framework = diagram.project.framework, forms?: readonly string[]): ReservedTable[] {
  const layout = diagram.project.layout;
  const featured = framework === 'django' && (layout === 'feature' || (layout === 'auto' && diagram.nodes.some((n) => n.feature)));
  const out: ReservedTable[] = [];
  for (let i = 0; i < diagram.nodes.length; i++) {
    const node = diagram.nodes[i];
    if (node.kind !== 'model') continue;
    const form = (forms?.[i] ?? pythonForm(node.name)).replace(/_+/g, '_');
    if (form === '') continue;
    const label = framework === 'django' ? labelOf(node, diagram, featured) : undefined;
    const table = label === undefined ? form : `${label}_${form.replace(/_/g, '')}`;
    const why = whyTaken(table, framework);
    if (why === undefined) continue;
    const byLabel = label !== undefined && whyTaken(`${label}_`, framework) !== undefined;
    out.push({ node, table, renamed: safeTableName(table, framework), why, rename: !byLabel ? 'model' : featured ? 'feature' : 'project' });
  }
  return out;
}

/** The `reserved-name` notes in node order: a model's table first, then its fields (reserved-fields.ts). */
export function reservedNotes(diagram: Diagram): Note[] {
  const names = buildNames(diagram.nodes);
  const tables = new Map(reservedTables(diagram, diagram.project.framework, names.forms).map((r) => [r.node, r]));
  const notes: Note[] = [];
  for (const node of diagram.nodes) {
    if (node.kind !== 'model') continue;
    const table = tables.get(node);
    if (table) notes.push(reservedName(table, diagram));
    collectReservedFields(node, diagram, notes);
  }
  return notes;
}

function reservedName({ node, table, renamed, why, rename }: ReservedTable, diagram: Diagram): Note {
  const place = node.feature ? ` in feature "${node.feature}"` : '';
  return {
    rule: 'reserved-name',
    severity: 'note',
    nodes: [node.id],
    edges: [],
    message: `${describe(node)}${place} would take the table "${table}": ${why}; the export names its table "${renamed}"`,
    fix: renameFix(node, table, rename, diagram),
  };
}

/** A suggestion that keeps the table the name suggests: a word in front clears a prefix, a word behind an exact name. */
function renameFix(node: DiagramNode, table: string, rename: ReservedTable['rename'], diagram: Diagram): string {
  const exact = exactly(table, diagram.project.framework) !== undefined;
  if (rename === 'feature') return `rename the feature "${node.feature ?? ''}", for example to "my ${node.feature ?? ''}"`;
  if (rename === 'project') return `rename the project "${diagram.project.name}", for example to "my ${diagram.project.name}"`;
  return `rename it, for example to "${exact ? `${node.name} record` : `my ${node.name}`}"`;
}
