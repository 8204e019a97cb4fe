/** Model nodes: the ORM class and its pydantic schemas (Create, Update, Read). */
import type { FastapiModules } from './layout';
import { columnsOf, relationName, TYPES, type Column } from '../sqlalchemy/columns';
import type { ModelPlan } from '../plan/plan';
import { from, str, wrap, type PyImport } from '../python/py';
import type { Unit } from '../python/unit';

export function modelUnits(models: readonly ModelPlan[], modules: FastapiModules): Unit[] {
  return models.flatMap((m) => [ormUnit(m, modules), schemaUnit(m, modules)]);
}

function annotation(c: Column, nullable = c.nullable): string {
  return nullable ? `${c.py} | None` : c.py;
}

function ormUnit(model: ModelPlan, modules: FastapiModules): Unit {
  const columns = columnsOf(model);
  const sa = new Set<string>();
  const imports: PyImport[] = [from('sqlalchemy.orm', 'Mapped', 'mapped_column'), from(modules.core('db'), 'Base')];
  const lines = [`    __tablename__ = ${str(model.table)}`, '', '    id: Mapped[int] = mapped_column(primary_key=True)'];
  for (const c of columns) {
    const field = model.fields.find((f) => f.name === c.name);
    const aware = field?.type === 'datetime';
    if (aware) imports.push(from(modules.core('db'), 'UTCDateTime'));
    else c.saImports.forEach((n) => sa.add(n));
    const info = field ? TYPES[field.type].pyImport : undefined;
    if (info) imports.push(from(info[0], info[1]));
    const args: string[] = c.ref ? [`ForeignKey(${str(`${c.ref.table}.id`)})`] : [aware ? 'UTCDateTime()' : c.sa];
    if (c.unique) args.push('unique=True');
    if (c.serverNow) {
      // The app's UTC clock, not the database's (MariaDB's NOW() is in the session's zone).
      args.push('default=utc_now', 'server_default=func.now()');
      imports.push(from(modules.core('db'), 'utc_now'));
      sa.add('func');
    }
    lines.push(wrap(`${c.name}: Mapped[${annotation(c)}] = mapped_column(`, args, ')', '    '));
    if (c.ref) {
      imports.push(from('sqlalchemy.orm', 'relationship'), from(modules.of('models', c.ref), c.ref.cls));
      // lazy="raise": under AsyncSession a lazy load cannot run; a query that needs the related
      // row says so with selectinload() instead of an N+1 or a MissingGreenlet at run time.
      lines.push('    # Never loaded implicitly: a query that needs it asks with selectinload().');
      lines.push(wrap(`${relationName(model, c)}: Mapped[${c.ref.cls} | None] = relationship(`, ['lazy="raise"'], ')', '    '));
    }
  }
  if (sa.size > 0) imports.push(from('sqlalchemy', ...sa));
  return {
    module: modules.of('models', model),
    imports,
    doc: `The ${model.label} model.`,
    blocks: [`class ${model.cls}(Base):\n${lines.join('\n')}`],
  };
}

/**
 * A field left out of a PATCH keeps its value, but `null` for a column that cannot be null is
 * refused as invalid input (422) instead of reaching the database as a conflict.
 */
function refuseNull(columns: readonly string[]): string {
  const decorator = wrap('@field_validator(', columns.map(str), ')', '    ');
  return `${decorator}
    @classmethod
    def refuse_null(cls, value: object) -> object:
        if value is None:
            raise ValueError("may be left out, but not null")
        return value`;
}

function schemaUnit(model: ModelPlan, modules: FastapiModules): Unit {
  const columns = columnsOf(model);
  const imports: PyImport[] = [from('pydantic', 'BaseModel', 'ConfigDict')];
  for (const f of model.fields) {
    const info = TYPES[f.type].pyImport;
    if (info) imports.push(from(info[0], info[1]));
  }
  const field = (c: Column, optional: boolean): string => {
    const type = annotation(c, optional || c.nullable);
    const defaulted = optional || c.nullable;
    if (c.maxLength !== undefined) {
      imports.push(from('pydantic', 'Field'));
      return `    ${c.name}: ${type} = Field(${defaulted ? 'default=None, ' : ''}max_length=${c.maxLength})`;
    }
    return `    ${c.name}: ${type}${defaulted ? ' = None' : ''}`;
  };
  const writable = columns.filter((c) => !c.serverNow);
  const body = (lines: string[]): string => (lines.length > 0 ? lines.join('\n') : '    pass');
  const create = `class ${model.create}(BaseModel):\n${body(writable.map((c) => field(c, false)))}`;
  const required = writable.filter((c) => !c.nullable).map((c) => c.name);
  if (required.length > 0) imports.push(from('pydantic', 'field_validator'));
  const update = `class ${model.update}(BaseModel):\n${body(writable.map((c) => field(c, true)))}${required.length > 0 ? `\n\n${refuseNull(required)}` : ''}`;
  const readLines = ['    model_config = ConfigDict(from_attributes=True)', '', '    id: int', ...columns.map((c) => `    ${c.name}: ${annotation(c)}`)];
  const read = `class ${model.read}(BaseModel):\n${readLines.join('\n')}`;
  return {
    module: modules.of('schemas', model),
    imports,
    doc: `Request and response schemas of the ${model.label} model.`,
    blocks: [create, update, read],
  };
}
