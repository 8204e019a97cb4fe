/**
 * What every name becomes in Python (see `../names`), and which nodes share a Python form: the
 * input of `invalid-name` and `duplicate-name`.
 */
import type { DiagramNode } from '../diagram';
import { PYTHON_KEYWORDS, nameProblem, pythonForm, type NameProblem } from '../names';

export interface NameTable {
  readonly nodes: readonly DiagramNode[];
  readonly forms: string[];
  readonly problems: (NameProblem | undefined)[];
  /** Python form → the first node with it. Empty forms are left out (see `duplicate-name`). */
  readonly firstWithForm: Map<string, number>;
  /** Python form → every node with it, in node order; only forms two or more nodes share. */
  readonly shared: Map<string, number[]>;
}

export function buildNames(nodes: readonly DiagramNode[]): NameTable {
  const table: NameTable = {
    nodes,
    forms: new Array<string>(nodes.length),
    problems: new Array<NameProblem | undefined>(nodes.length),
    firstWithForm: new Map(),
    shared: new Map(),
  };
  for (let i = 0; i < nodes.length; i++) {
    const form = formOf(nodes[i].name);
    table.forms[i] = form;
    table.problems[i] = problemOf(form);
    if (form === '') continue;
    const first = table.firstWithForm.get(form);
    if (first === undefined) table.firstWithForm.set(form, i);
    else addShared(table, form, first, i);
  }
  return table;
}

/**
 * The table for `nodes`, which differ from `table.nodes` only at the `changed` indices (same
 * ids, same length). Takes over `table`: its arrays and maps are updated in place.
 */
export function updateNames(table: NameTable, nodes: readonly DiagramNode[], changed: readonly number[]): NameTable {
  for (const i of changed) {
    if (table.nodes[i].name === nodes[i].name) continue;
    const before = table.forms[i];
    const after = formOf(nodes[i].name);
    table.forms[i] = after;
    table.problems[i] = problemOf(after);
    if (before === after) continue;
    removeForm(table, before, i);
    addForm(table, after, i);
  }
  return { ...table, nodes };
}

function addShared(table: NameTable, form: string, first: number, index: number): void {
  const members = table.shared.get(form);
  if (members === undefined) table.shared.set(form, [first, index]);
  else members.push(index);
}

function removeForm(table: NameTable, form: string, index: number): void {
  if (form === '') return;
  const members = table.shared.get(form);
  if (members === undefined) {
    if (table.firstWithForm.get(form) === index) table.firstWithForm.delete(form);
    return;
  }
  members.splice(members.indexOf(index), 1);
  table.firstWithForm.set(form, members[0]);
  if (members.length === 1) table.shared.delete(form);
}

function addForm(table: NameTable, form: string, index: number): void {
  if (form === '') return;
  const first = table.firstWithForm.get(form);
  if (first === undefined) {
    table.firstWithForm.set(form, index);
    return;
  }
  const members = table.shared.get(form) ?? [first];
  let at = members.length;
  while (at > 0 && members[at - 1] > index) at--;
  members.splice(at, 0, index);
  table.shared.set(form, members);
  table.firstWithForm.set(form, members[0]);
}

function formOf(name: string): string {
  return isOwnForm(name) ? name : pythonForm(name);
}

/** `nameProblem` of a form equals `nameProblem` of the name: forms are fixed points of `pythonForm`. */
function problemOf(form: string): NameProblem | undefined {
  return isPlain(form) ? undefined : nameProblem(form);
}

/**
 * Whether `pythonForm(name) === name`, without the regular expressions: most names are typed
 * this way.
 */
function isOwnForm(name: string): boolean {
  const last = name.length - 1;
  if (last < 0 || name.charCodeAt(0) === UNDERSCORE || name.charCodeAt(last) === UNDERSCORE) return false;
  for (let i = 0; i <= last; i++) {
    const code = name.charCodeAt(i);
    const plain = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === UNDERSCORE;
    if (!plain) return false;
  }
  return true;
}

const UNDERSCORE = 95;

/** For a Python form, whether `nameProblem` would accept it, without its regular expressions. */
function isPlain(form: string): boolean {
  const first = form.charCodeAt(0);
  return form.length > 0 && !(first >= 48 && first <= 57) && !PYTHON_KEYWORDS.has(form);
}
