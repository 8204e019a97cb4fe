/**
 * Alembic for projects whose ORM is SQLAlchemy: alembic.ini, the migration template and the
 * initial migration of the drawn models (and the task ledger). The `env.py` that runs them is
 * the framework's own.
 */
import { columnsOf, type Column } from './columns';
import { shortHash } from '../plan/naming';
import type { ModelPlan, Plan } from '../plan/plan';
import { from, indent, plain, pyModule, str, wrap } from '../python/py';

const MIGRATION_TYPES: Readonly<Record<string, string>> = {
  'String(255)': 'sa.String(length=255)',
  Text: 'sa.Text()',
  Integer: 'sa.Integer()',
  Float: 'sa.Float()',
  'Numeric(12, 2)': 'sa.Numeric(precision=12, scale=2)',
  Boolean: 'sa.Boolean()',
  Date: 'sa.Date()',
  'DateTime(timezone=True)': 'sa.DateTime(timezone=True)',
  Uuid: 'sa.Uuid()',
  JSON: 'sa.JSON()',
  ForeignKey: 'sa.Integer()',
};

function columnItem(c: Column): string {
  const args = [str(c.name), MIGRATION_TYPES[c.sa] ?? 'sa.Integer()'];
  if (c.serverNow) args.push('server_default=sa.func.now()');
  args.push(`nullable=${c.nullable ? 'True' : 'False'}`);
  return wrap('sa.Column(', args, '),', '        ');
}

function createTable(table: string, columns: readonly Column[], extra: readonly string[]): string {
  const items = [
    `        sa.Column("id", sa.Integer(), nullable=False),`,
    ...columns.map(columnItem),
    ...extra.map((e) => wrap(e.slice(0, e.indexOf('(') + 1), splitArgs(e.slice(e.indexOf('(') + 1, -1)), '),', '        ')),
    `        sa.PrimaryKeyConstraint("id", name=op.f(${str(`pk_${table}`)})),`,
  ];
  return `op.create_table(\n    ${str(table)},\n${items.map((i) => i.replace(/^ {4}/gm, '')).join('\n')}\n)`;
}

/** Splits top-level comma-separated arguments (no nested commas in what we pass). */
function splitArgs(args: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of args) {
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth--;
    if (ch === ',' && depth === 0) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/**
 * Constraint names are the models' NAMING_CONVENTION spelled out, in full, through `op.f()`.
 * A long one (over PostgreSQL's 63 or MariaDB's 64 characters) is not cut by the database:
 * SQLAlchemy shortens every convention name, `op.f()` ones included, to the dialect's limit as
 * `name[:limit - 8]_<4 hex of its md5>`, for the models and this migration alike, so
 * `alembic check` agrees on every database. A shorter name of our own here would differ from
 * the models' and make `alembic check` fail; pyModule wraps the long lines as ruff does.
 */
function modelTable(m: ModelPlan): string {
  const columns = columnsOf(m);
  const extra: string[] = [];
  for (const c of columns) {
    if (c.ref) extra.push(`sa.ForeignKeyConstraint([${str(c.name)}], [${str(`${c.ref.table}.id`)}], name=op.f(${str(`fk_${m.table}_${c.name}_${c.ref.table}`)}))`);
  }
  for (const c of columns) if (c.unique) extra.push(`sa.UniqueConstraint(${str(c.name)}, name=op.f(${str(`uq_${m.table}_${c.name}`)}))`);
  return createTable(m.table, columns, extra);
}

const TASK_RUNS = `op.create_table(
    "task_runs",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("task", sa.String(length=200), nullable=False),
    sa.Column("item_id", sa.Integer(), nullable=False),
    sa.Column(
        "finished_at",
        sa.DateTime(timezone=True),
        server_default=sa.func.now(),
        nullable=False,
    ),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_task_runs")),
    sa.UniqueConstraint("task", "item_id", name=op.f("uq_task_runs_task")),
)`;

export function initialMigration(plan: Plan): { revision: string; text: string } {
  const upgrade = [TASK_RUNS, ...plan.models.map(modelTable)];
  const downgrade = [...plan.models].reverse().map((m) => `op.drop_table(${str(m.table)})`).concat('op.drop_table("task_runs")');
  const body = `def upgrade() -> None:\n${indent(upgrade.join('\n'))}\n\n\ndef downgrade() -> None:\n${indent(downgrade.join('\n'))}`;
  const revision = `${shortHash(`${body}:a`, 6)}${shortHash(`${body}:b`, 6)}`;
  const text = pyModule({
    doc: `Initial tables: ${['task_runs', ...plan.models.map((m) => m.table)].join(', ')}.`,
    imports: [from('collections.abc', 'Sequence'), plain('sqlalchemy as sa'), from('alembic', 'op')],
    firstParty: [plan.pkg],
    blocks: [
      `revision: str = ${str(revision)}
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None`,
      body,
    ],
  });
  return { revision, text };
}

export const ALEMBIC_INI = `# Alembic reads the database URL from the app settings (DATABASE_URL), see alembic/env.py.
[alembic]
script_location = %(here)s/alembic
file_template = %%(rev)s_%%(slug)s
path_separator = os

[loggers]
keys = root,sqlalchemy,alembic

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARNING
handlers = console
qualname =

[logger_sqlalchemy]
level = WARNING
handlers =
qualname = sqlalchemy.engine

[logger_alembic]
level = INFO
handlers =
qualname = alembic

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
datefmt = %H:%M:%S
`;

export const ALEMBIC_MAKO = `"""\${message}

Revision ID: \${up_revision}
Revises: \${down_revision | comma,n}
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
\${imports if imports else ""}
revision: str = \${repr(up_revision)}
down_revision: str | None = \${repr(down_revision)}
branch_labels: str | Sequence[str] | None = \${repr(branch_labels)}
depends_on: str | Sequence[str] | None = \${repr(depends_on)}


def upgrade() -> None:
    \${upgrades if upgrades else "pass"}


def downgrade() -> None:
    \${downgrades if downgrades else "pass"}
`;

