/**
 * The Django view of the drawn models: class names, app labels, attributes and foreign keys,
 * shared by models.py, the migrations, the admin, the serializers, the services and the tests.
 */
import type { FieldType } from '../../diagram';
import type { FieldPlan, ModelPlan, Plan } from '../plan/plan';
import { isSafeIdentifier, NameRegistry } from '../plan/naming';
import type { DjangoApp, DjangoModules } from './layout';
import { safeTableName } from '../../rules/reserved';
import { fieldAttribute, isModelAttribute, TAKEN_CLASSES } from './naming';

export interface DjangoField {
  readonly plan: FieldPlan;
  /** The model attribute (and API field). */
  readonly attr: string;
  /** The database column when it differs from the attribute (the user's name, kept). */
  readonly column?: string;
  readonly type: FieldType;
  readonly optional: boolean;
  readonly unique: boolean;
  /** `created_at` is set on insert, `updated_at` on every save. */
  readonly auto?: 'auto_now_add' | 'auto_now';
}

export interface DjangoForeignKey {
  readonly ref: ModelPlan;
  /** The relation attribute (`customer`); its column and API field are `<attr>_id`. */
  readonly attr: string;
  /** Set when another model of the same name elsewhere would clash on the reverse accessor. */
  readonly relatedName?: string;
}

export interface DjangoModel {
  readonly plan: ModelPlan;
  readonly cls: string;
  readonly app: DjangoApp;
  readonly fields: readonly DjangoField[];
  readonly foreignKeys: readonly DjangoForeignKey[];
  /** An explicit table when the class had to be renamed (the table keeps the user's name), or the table Django would compose is reserved. */
  readonly dbTable?: string;
  /** snake_case of the model, for variables and method names (`stock_level`). */
  readonly snake: string;
  readonly plural: string;
}

/** Every drawn model as Django sees it, in the plan's dependency order. */
export function djangoModels(plan: Plan, modules: DjangoModules): Map<string, DjangoModel> {
  const out = new Map<string, DjangoModel>();
  const classNames = new Map<string, number>();
  for (const m of plan.models) classNames.set(m.cls.toLowerCase(), (classNames.get(m.cls.toLowerCase()) ?? 0) + 1);
  for (const m of plan.models) {
    const app = modules.appOf(m);
    const renamed = TAKEN_CLASSES.includes(m.cls);
    const cls = renamed ? `${m.cls}Record` : m.cls;
    const fkNames = new NameRegistry(['id', 'pk']);
    const foreignKeys = m.refs.map((ref) => {
      const bare = ref.snake.replace(/_+$/, '');
      const wanted = isSafeIdentifier(bare) ? bare : ref.snake;
      const attr = fkNames.claim(ref.id, isModelAttribute(wanted) ? `${wanted}_ref` : wanted);
      const shared = (classNames.get(m.cls.toLowerCase()) ?? 0) > 1;
      return { ref, attr, ...(shared && { relatedName: `${app.label}_${m.snake.replace(/_+$/, '')}_set` }) };
    });
    const taken = new Set(foreignKeys.flatMap((fk) => [fk.attr, `${fk.attr}_id`]));
    const attrs = new NameRegistry([...taken, 'id', 'pk']);
    const fields = m.fields.map((f): DjangoField => {
      const attr = attrs.claim(f.snake, fieldAttribute(f.snake, taken));
      const auto = f.serverNow ? (f.snake === 'updated_at' ? 'auto_now' : 'auto_now_add') : undefined;
      return { plan: f, attr, ...(attr !== f.snake && { column: f.snake }), type: f.type, optional: f.optional, unique: f.unique, ...(auto && { auto }) };
    });
    const snake = m.snake;
    out.set(m.id, {
      plan: m,
      cls,
      app,
      fields,
      foreignKeys,
      ...dbTableOf(`${app.label}_${m.cls.toLowerCase()}`, renamed),
      snake,
      plural: m.plural,
    });
  }
  return out;
}

/** `db_table` when Django's own default would differ: a renamed class, or a table name that is taken (see reserved-name). */
function dbTableOf(table: string, renamed: boolean): { dbTable?: string } {
  const safe = safeTableName(table, 'django');
  return renamed || safe !== table ? { dbTable: safe } : {};
}

/** Writable attributes of a model as the API takes them: fields, then `<fk>_id`. */
export function inputNames(model: DjangoModel): string[] {
  return [...model.fields.filter((f) => !f.auto).map((f) => f.attr), ...model.foreignKeys.map((fk) => `${fk.attr}_id`)];
}
