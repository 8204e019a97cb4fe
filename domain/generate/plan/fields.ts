/** The columns of a model node: its drawn fields, or the defaults when none are drawn. */
import type { FieldType, ModelField } from '../../diagram';
import { fieldName, NameRegistry, snakeName } from './naming';

export interface FieldPlan {
  /** The Python attribute, with the renames SQLAlchemy and pydantic need. */
  readonly name: string;
  /** The user's name in snake_case before any framework's renames: the column name where a room keeps it. */
  readonly snake: string;
  readonly type: FieldType;
  readonly optional: boolean;
  readonly unique: boolean;
  /** Filled by the database (`created_at`, `updated_at` of type datetime): not in the create schema. */
  readonly serverNow: boolean;
}

const DEFAULT_FIELDS: readonly ModelField[] = [
  { name: 'name', type: 'str' },
  { name: 'created_at', type: 'datetime' },
];

const SERVER_TIMESTAMPS = new Set(['created_at', 'updated_at']);

export function planFields(drawn: readonly ModelField[] | undefined): FieldPlan[] {
  const source = drawn && drawn.length > 0 ? drawn : DEFAULT_FIELDS;
  const names = new NameRegistry(['id']);
  const snakes = new NameRegistry(['id']);
  const fields: FieldPlan[] = [];
  source.forEach((field, i) => {
    const wanted = fieldName(field.name);
    if (wanted === 'id_') return;
    const name = names.claim(`field:${i}`, wanted);
    const snake = snakes.claim(`field:${i}`, snakeName(field.name, 'field').replace(/_+$/, '') || 'field');
    const serverNow = field.type === 'datetime' && SERVER_TIMESTAMPS.has(name);
    fields.push({ name, snake, type: field.type, optional: Boolean(field.optional) && !serverNow, unique: Boolean(field.unique), serverNow });
  });
  return fields;
}
