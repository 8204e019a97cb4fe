/**
 * `invalid-name` and `duplicate-name`: what the names become in Python (see `../names`).
 */
import type { DiagramNode } from '../diagram';
import { PYTHON_KEYWORDS, describeNameProblem, nameProblem, pythonForm, type NameProblem } from '../names';
import type { Finding } from './catalog';
import { describe, listing, noun } from './describe';

/** Python form, problem and duplicate-group key per node. */
export interface NameTable {
  readonly nodes: readonly DiagramNode[];
  readonly forms: readonly string[];
  readonly problems: readonly (NameProblem | undefined)[];
  /** Nodes with equal keys would be written to the same Python module; '' when the form is empty. */
  readonly keys: readonly string[];
}

/**
 * Computes the Python form of every name, reusing the previous table's work for nodes at the
 * same index with the same name, kind and feature (a move or an engine change keeps them).
 */
export function buildNames(nodes: readonly DiagramNode[], previous?: NameTable): NameTable {
  const forms: string[] = new Array<string>(nodes.length);
  const problems: (NameProblem | undefined)[] = new Array<NameProblem | undefined>(nodes.length);
  const keys: string[] = new Array<string>(nodes.length);
  const old = previous?.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    const before = old?.[i];
    if (before !== undefined && before.name === node.name) {
      forms[i] = previous!.forms[i];
      problems[i] = previous!.problems[i];
      const sameGroup = before.kind === node.kind && before.feature === node.feature;
      keys[i] = sameGroup ? previous!.keys[i] : groupKey(node, forms[i]);
    } else {
      forms[i] = pythonForm(node.name);
      problems[i] = forms[i] === node.name && isPlain(node.name) ? undefined : nameProblem(node.name);
      keys[i] = groupKey(node, forms[i]);
    }
  }
  return { nodes, forms, problems, keys };
}

/**
 * Empty forms get no key: such names are already an `invalid-name`, and calling two of them
 * duplicates of nothing would only repeat that.
 */
function groupKey(node: DiagramNode, form: string): string {
  return form === '' ? '' : `${node.kind}\u0000${node.feature ?? ''}\u0000${form}`;
}

/**
 * For a name that is its own Python form, whether `nameProblem` would accept it; checked here
 * because most names are like this and `nameProblem` would run the regular expressions again.
 */
function isPlain(form: string): boolean {
  const first = form.charCodeAt(0);
  return form.length > 0 && !(first >= 48 && first <= 57) && !PYTHON_KEYWORDS.has(form);
}

/** Appends one `invalid-name` finding per node with an unusable name, in node order. */
export function collectInvalidNames(table: NameTable, findings: Finding[]): void {
  for (let i = 0; i < table.nodes.length; i++) {
    const problem = table.problems[i];
    if (problem !== undefined) findings.push(invalidName(table.nodes[i], problem));
  }
}

function invalidName(node: DiagramNode, problem: NameProblem): Finding {
  return {
    rule: 'invalid-name',
    severity: 'error',
    nodes: [node.id],
    edges: [],
    message: `${noun(node.kind)} ${describeNameProblem(node.name, problem)}`,
    fix: renameFix(node, problem),
  };
}

function renameFix(node: DiagramNode, problem: NameProblem): string {
  const form = pythonForm(node.name);
  const kind = node.kind === 'external' ? 'api' : node.kind;
  if (problem === 'keyword') return `rename it, for example to "${form}_${kind}"`;
  if (problem === 'starts-with-digit') return `rename it to start with a letter, for example "${kind}_${form}"`;
  return `give it a name with letters, for example "my_${kind}"`;
}

/** Appends one `duplicate-name` finding per group of clashing nodes, ordered by their first node. */
export function collectDuplicateNames(table: NameTable, findings: Finding[]): void {
  const firstWithKey = new Map<string, number>();
  const groups = new Map<number, number[]>();
  for (let i = 0; i < table.nodes.length; i++) {
    const key = table.keys[i];
    if (key === '') continue;
    const first = firstWithKey.get(key);
    if (first === undefined) {
      firstWithKey.set(key, i);
      continue;
    }
    const group = groups.get(first);
    if (group === undefined) groups.set(first, [first, i]);
    else group.push(i);
  }
  const firsts = [...groups.keys()].sort((a, b) => a - b);
  for (const first of firsts) findings.push(duplicateName(table, groups.get(first)!));
}

function duplicateName(table: NameTable, members: readonly number[]): Finding {
  const nodes = members.map((i) => table.nodes[i]);
  const head = nodes[0];
  const place = head.feature === undefined ? '' : ` in feature "${head.feature}"`;
  const verb = nodes.length === 2 ? 'would both become' : 'would all become';
  return {
    rule: 'duplicate-name',
    severity: 'error',
    nodes: nodes.map((node) => node.id),
    edges: [],
    message: `${listing(nodes.map(describe))}${place} ${verb} "${table.forms[members[0]]}"`,
    fix: 'rename all but one of them, or move them to different features',
  };
}
