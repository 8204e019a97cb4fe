/**
 * `reserved-name` for fields: a field named after something SQLAlchemy's declarative classes keep
 * (`metadata`, `registry`) or a Python keyword or builtin (`type`, `class`, `list`). The export
 * renames the model attribute (the generators' own naming functions decide how, so this note
 * names exactly what they write); validate says so as a note.
 */
import type { Diagram, DiagramNode, ModelField } from '../diagram';
import { fieldAttribute } from '../generate/django/naming';
import { BUILTINS, fieldName } from '../generate/plan/naming';
import { PYTHON_KEYWORDS, PYTHON_SOFT_KEYWORDS, pythonForm } from '../names';
import type { Note } from './catalog';
import { describe } from './describe';

const DECLARATIVE = new Set(['metadata', 'registry']);

/** Whether a field's own Python form is one the issue names: SQLAlchemy's, a keyword or a builtin (`id` is the generator's own key). */
function clashes(form: string): boolean {
  return form !== 'id' && (DECLARATIVE.has(form) || PYTHON_KEYWORDS.has(form) || PYTHON_SOFT_KEYWORDS.has(form) || BUILTINS.includes(form));
}

/** The attribute the framework's generator writes for the field, and whether the column keeps the user's name. */
function attributeOf(form: string, field: ModelField, django: boolean): { attr: string; keepsColumn: boolean } {
  return django ? { attr: fieldAttribute(form, new Set()), keepsColumn: true } : { attr: fieldName(field.name), keepsColumn: false };
}

/** Appends one `reserved-name` note per drawn field whose attribute the export renames, in node and field order. */
export function collectReservedFields(node: DiagramNode, diagram: Diagram, notes: Note[]): void {
  const django = diagram.project.framework === 'django';
  for (const field of node.fields ?? []) {
    const form = pythonForm(field.name).replace(/_+/g, '_');
    if (!clashes(form)) continue;
    const { attr, keepsColumn } = attributeOf(form, field, django);
    if (attr === form) continue;
    const column = keepsColumn ? ` (its column stays "${form}")` : ' and its column';
    notes.push({
      rule: 'reserved-name',
      severity: 'note',
      nodes: [node.id],
      edges: [],
      message: `field "${field.name}" of ${describe(node)} is a name ${DECLARATIVE.has(form) ? "SQLAlchemy's declarative classes keep" : 'Python keeps (a keyword or builtin)'}; the export names the attribute${column} "${attr}"`,
      fix: `rename the field, for example to "${field.name} value"`,
    });
  }
}
