/** Model nodes: the Flask-SQLAlchemy model (SQLAlchemy 2 typed) and its pydantic schemas (Create, Update, Read). */
import type { FlaskModules } from './layout';
import { columnsOf, relationName, TYPES, type Column } from '../sqlalchemy/columns';
import type { ModelPlan } from '../plan/plan';
import { from, str, wrap, type PyImport } from '../python/py';
import type { Unit } from '../python/unit';

export function modelUnits(models: readonly ModelPlan[], modules: FlaskModules): Unit[] {
  return models.flatMap((m) => [ormUnit(m, modules), schemaUnit(m, modules)]);
}

function annotation(c: Column, nullable = c.nullable): string {
  return nullable ? `${c.py} | None` : c.py;
}

function ormUnit(model: ModelPlan, modules: FlaskModules): Unit {
  const columns = columnsOf(model);
  const sa = new Set<string>();
  const imports: PyImport[] = [from('sqlalchemy.orm', 'Mapped', 'mapped_column'), from(modules.core('db'), 'db')];
  const lines = [`    __tablename__ = ${str(model.table)}`, '', '    id: Mapped[int] = mapped_column(primary_key=True)'];
  for (const c of columns) {
    c.saImports.forEach((n) => sa.add(n));
    const typeImport = model.fields.find((f) => f.name === c.name);
    const info = typeImport ? TYPES[typeImport.type].pyImport : undefined;
    if (info) imports.push(from(info[0], info[1]));
    const args: string[] = c.ref ? [`ForeignKey(${str(`${c.ref.table}.id`)})`] : [c.sa];
    if (c.unique) args.push('unique=True');
    if (c.serverNow) {
      args.push('server_default=func.now()');
      sa.add('func');
    }
    lines.push(wrap(`${c.name}: Mapped[${annotation(c)}] = mapped_column(`, args, ')', '    '));
    if (c.ref) {
      imports.push(from('sqlalchemy.orm', 'relationship'), from(modules.of('models', c.ref), c.ref.cls));
      lines.push(`    ${relationName(model, c)}: Mapped[${c.ref.cls} | None] = relationship()`);
    }
  }
  if (sa.size > 0) imports.push(from('sqlalchemy', ...sa));
  return {
    module: modules.of('models', model),
    imports,
    doc: `The ${model.label} model.`,
    blocks: [`class ${model.cls}(db.Model):\n${lines.join('\n')}`],
  };
}

function schemaUnit(model: ModelPlan, modules: FlaskModules): Unit {
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
  const update = `class ${model.update}(BaseModel):\n${body(writable.map((c) => field(c, true)))}${notNull(writable, imports)}`;
  const readLines = ['    model_config = ConfigDict(from_attributes=True)', '', '    id: int', ...columns.map((c) => `    ${c.name}: ${annotation(c)}`)];
  const read = `class ${model.read}(BaseModel):\n${readLines.join('\n')}`;
  return {
    module: modules.of('schemas', model),
    imports,
    doc: `Request and response schemas of the ${model.label} model.`,
    blocks: [create, update, read],
  };
}

/** PATCH may leave a field out, but a column that is not nullable refuses an explicit null (422). */
function notNull(writable: readonly Column[], imports: PyImport[]): string {
  const required = writable.filter((c) => !c.nullable).map((c) => str(c.name));
  if (required.length === 0) return '';
  imports.push(from('pydantic', 'field_validator'));
  const decorator = wrap('@field_validator(', required, ')', '    ');
  return `

${decorator}
    @classmethod
    def not_null(cls, value: object) -> object:
        if value is None:
            raise ValueError("may be left out, but not null")
        return value`;
}
