/** One description of every column, shared by the ORM models, the schemas and the migration. */
import type { FieldType } from '../../diagram';
import type { ModelPlan } from '../plan/plan';
import { NameRegistry } from '../plan/naming';

export interface Column {
  readonly name: string;
  /** Python annotation without `| None`. */
  readonly py: string;
  /** SQLAlchemy type as written in the model module (`String(255)`). */
  readonly sa: string;
  /** The names `sa` needs from `sqlalchemy`. */
  readonly saImports: readonly string[];
  readonly nullable: boolean;
  readonly unique: boolean;
  readonly serverNow: boolean;
  readonly maxLength?: number;
  /** For a reference column: the referenced model. */
  readonly ref?: ModelPlan;
  readonly sample: string;
}

interface TypeInfo {
  readonly py: string;
  readonly sa: string;
  readonly saImports: readonly string[];
  readonly pyImport?: readonly [string, string];
  readonly maxLength?: number;
  readonly sample: string;
}

export const TYPES: Readonly<Record<FieldType, TypeInfo>> = {
  str: { py: 'str', sa: 'String(255)', saImports: ['String'], maxLength: 255, sample: '"sample"' },
  text: { py: 'str', sa: 'Text', saImports: ['Text'], sample: '"Some longer text."' },
  int: { py: 'int', sa: 'Integer', saImports: ['Integer'], sample: '7' },
  float: { py: 'float', sa: 'Float', saImports: ['Float'], sample: '1.5' },
  decimal: { py: 'Decimal', sa: 'Numeric(12, 2)', saImports: ['Numeric'], pyImport: ['decimal', 'Decimal'], sample: '"9.99"' },
  bool: { py: 'bool', sa: 'Boolean', saImports: ['Boolean'], sample: 'True' },
  date: { py: 'date', sa: 'Date', saImports: ['Date'], pyImport: ['datetime', 'date'], sample: '"2024-01-02"' },
  datetime: { py: 'datetime', sa: 'DateTime(timezone=True)', saImports: ['DateTime'], pyImport: ['datetime', 'datetime'], sample: '"2024-01-02T03:04:05+00:00"' },
  uuid: { py: 'UUID', sa: 'Uuid', saImports: ['Uuid'], pyImport: ['uuid', 'UUID'], sample: '"12345678-1234-5678-1234-567812345678"' },
  json: { py: 'dict[str, Any]', sa: 'JSON', saImports: ['JSON'], pyImport: ['typing', 'Any'], sample: '{"key": "value"}' },
};

export function columnsOf(model: ModelPlan): Column[] {
  const columns: Column[] = model.fields.map((f) => {
    const t = TYPES[f.type];
    return {
      name: f.name,
      py: t.py,
      sa: t.sa,
      saImports: t.saImports,
      nullable: f.optional,
      unique: f.unique,
      serverNow: f.serverNow,
      ...(t.maxLength !== undefined && { maxLength: t.maxLength }),
      sample: t.sample,
    };
  });
  const names = new NameRegistry(['id', ...columns.map((c) => c.name)]);
  for (const ref of model.refs) {
    const name = names.claim(`fk:${ref.id}`, `${ref.snake.replace(/_+$/, '')}_id`);
    columns.push({ name, py: 'int', sa: 'ForeignKey', saImports: ['ForeignKey'], nullable: true, unique: false, serverNow: false, ref, sample: 'None' });
  }
  return columns;
}

/** The `from X import Y` pairs a set of columns needs for its Python annotations. */
export function pyImportsOf(columns: readonly Column[], fieldTypes: readonly FieldType[]): Array<readonly [string, string]> {
  void columns;
  return fieldTypes.map((t) => TYPES[t].pyImport).filter((p): p is readonly [string, string] => p !== undefined);
}

/** Name of the relationship attribute for a reference column: `customer_id` → `customer`. */
export function relationName(model: ModelPlan, column: Column): string {
  const base = column.name.replace(/_id$/, '');
  const taken = new Set(['id', ...columnsOf(model).map((c) => c.name)]);
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  return name;
}
