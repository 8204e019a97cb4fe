/**
 * The initial migration of every app, byte for byte what Django 5.2's `makemigrations` writes
 * for the drawn models (MigrationWriter's layout, keyword arguments sorted, the autodetector's
 * operation order and the optimizer's merges), so `makemigrations --check` finds no change.
 * The header leaves out the timestamp so that the same diagram always gives the same bytes.
 */
import type { DjangoField, DjangoModel } from './fields';
import type { DjangoApp } from './layout';
import { MODEL_FIELDS } from './models';

export const DJANGO_VERSION = '5.2.19';

/** Python's repr() of a string, as the migration writer uses it. */
export function pyRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const body = text
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(quote === "'" ? /'/g : /"/g, `\\${quote}`);
  return `${quote}${body}${quote}`;
}

type Kwargs = Record<string, string>;

function call(name: string, kwargs: Kwargs): string {
  const items = Object.keys(kwargs)
    .sort()
    .map((k) => `${k}=${kwargs[k]}`);
  return `${name}(${items.join(', ')})`;
}

function fieldKwargs(f: DjangoField): Kwargs {
  const kwargs: Kwargs = {};
  for (const arg of MODEL_FIELDS[f.type].args) {
    const [key, value] = arg.split('=');
    kwargs[key!] = value!;
  }
  if (f.unique) kwargs.unique = 'True';
  if (f.optional) Object.assign(kwargs, { null: 'True', blank: 'True' });
  if (f.auto) kwargs[f.auto] = 'True';
  if (f.column) kwargs.db_column = pyRepr(f.column);
  return kwargs;
}

interface Create {
  readonly kind: 'create';
  readonly model: DjangoModel;
  readonly fields: string[];
  /** Models its fields point to (after merged foreign keys). */
  readonly refs: Set<string>;
}

interface Add {
  readonly kind: 'add';
  readonly model: DjangoModel;
  readonly name: string;
  readonly field: string;
  /** The referenced model, `label.name` lower case. */
  readonly target: string;
}

type Operation = Create | Add;

const key = (m: DjangoModel): string => `${m.app.label}.${m.cls.toLowerCase()}`;

/** `create.reduce(other)`: a merged list, true (other can be optimized through), or false. */
function reduce(op: Operation, other: Operation): Operation[] | boolean {
  if (op.kind === 'add') return !(other.kind === 'add' && other.model === op.model && other.name === op.name);
  const name = key(op.model);
  if (other.kind === 'add' && other.model === op.model) {
    const refs = new Set(op.refs).add(other.target);
    return [{ kind: 'create', model: op.model, fields: [...op.fields, `('${other.name}', ${other.field})`], refs }];
  }
  const references = other.kind === 'create' ? key(other.model) === name || other.refs.has(name) : key(other.model) === name || other.target === name;
  return !references;
}

/** One pass of Django's MigrationOptimizer.optimize_inner. */
function optimizeOnce(operations: readonly Operation[]): Operation[] {
  const out: Operation[] = [];
  for (let i = 0; i < operations.length; i++) {
    const operation = operations[i]!;
    let right = true;
    let kept = false;
    for (let j = i + 1; j < operations.length && !kept; j++) {
      const result = reduce(operation, operations[j]!);
      if (Array.isArray(result)) {
        const between = operations.slice(i + 1, j);
        if (right) out.push(...between, ...result);
        else if (between.every((op) => reduce(op, operations[j]!) === true)) out.push(...result, ...between);
        else {
          kept = true;
          continue;
        }
        out.push(...operations.slice(j + 1));
        return out;
      }
      if (!result) right = false;
    }
    out.push(operation);
  }
  return out;
}

function optimize(operations: Operation[]): Operation[] {
  for (;;) {
    const next = optimizeOnce(operations);
    if (next.length === operations.length && next.every((op, i) => op === operations[i])) return next;
    operations = next;
  }
}

function foreignKeyField(_model: DjangoModel, fk: DjangoModel['foreignKeys'][number], target: DjangoModel): string {
  const kwargs: Kwargs = { blank: 'True', null: 'True', on_delete: 'django.db.models.deletion.PROTECT', to: pyRepr(key(target)) };
  if (fk.relatedName) kwargs.related_name = pyRepr(fk.relatedName);
  return call('models.ForeignKey', kwargs);
}

/** The operations the autodetector writes for an app's models, before and after optimizing. */
function operationsOf(app: DjangoApp, models: readonly DjangoModel[], all: ReadonlyMap<string, DjangoModel>): Operation[] {
  const sorted = [...models].sort((a, b) => (a.cls.toLowerCase() < b.cls.toLowerCase() ? -1 : a.cls.toLowerCase() > b.cls.toLowerCase() ? 1 : 0));
  const creates: Operation[] = [];
  const adds: Operation[] = [];
  for (const m of sorted) {
    const fields = [
      "('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID'))",
      ...m.fields.map((f) => `(${pyRepr(f.attr)}, ${call(`models.${MODEL_FIELDS[f.type].cls}`, fieldKwargs(f))})`),
    ];
    creates.push({ kind: 'create', model: m, fields, refs: new Set() });
    const fks = [...m.foreignKeys].sort((a, b) => (a.attr < b.attr ? -1 : 1));
    for (const fk of fks) {
      const target = all.get(fk.ref.id)!;
      adds.push({ kind: 'add', model: m, name: fk.attr, field: foreignKeyField(m, fk, target), target: key(target) });
    }
  }
  void app;
  // The autodetector's stable topological sort puts every creation before every field it adds.
  return optimize([...creates, ...adds]);
}

function renderOperation(op: Operation): string {
  if (op.kind === 'add') {
    return [
      '        migrations.AddField(',
      `            model_name=${pyRepr(op.model.cls.toLowerCase())},`,
      `            name=${pyRepr(op.name)},`,
      `            field=${op.field},`,
      '        ),',
    ].join('\n');
  }
  const lines = ['        migrations.CreateModel(', `            name=${pyRepr(op.model.cls)},`, '            fields=['];
  for (const field of op.fields) lines.push(`                ${field},`);
  lines.push('            ],');
  if (op.model.dbTable) lines.push('            options={', `                'db_table': ${pyRepr(op.model.dbTable)},`, '            },');
  lines.push('        ),');
  return lines.join('\n');
}

/** `0001_initial.py` of one app, or undefined when the app has no model. */
export function initialMigration(app: DjangoApp, models: readonly DjangoModel[], all: ReadonlyMap<string, DjangoModel>): string | undefined {
  if (models.length === 0) return undefined;
  const operations = operationsOf(app, models, all);
  const others = new Set<string>();
  for (const m of models) for (const fk of m.foreignKeys) {
    const target = all.get(fk.ref.id)!;
    if (target.app.label !== app.label) others.add(target.app.label);
  }
  const hasForeignKey = models.some((m) => m.foreignKeys.length > 0);
  const dependencies = [...others].sort().map((label) => `        ('${label}', '0001_initial'),`);
  return `# Generated by Django ${DJANGO_VERSION}

${hasForeignKey ? 'import django.db.models.deletion\n' : ''}from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
${dependencies.map((d) => `${d}\n`).join('')}    ]

    operations = [
${operations.map(renderOperation).join('\n')}
    ]
`;
}
