/** `invalid-name` and `duplicate-name` findings from a `NameTable`. */
import type { Diagram, DiagramNode } from '../diagram';
import { describeNameProblem, safeText, UNSAFE_CHARACTERS, type NameProblem } from '../names';
import type { Finding } from './catalog';
import { describe, listing, noun } from './describe';
import type { Memo } from './memo';
import type { NameTable } from './name-table';

/** Appends one `invalid-name` finding per node with an unusable name, in node order. */
export function collectInvalidNames(table: NameTable, findings: Finding[], memo?: Memo): void {
  for (let i = 0; i < table.nodes.length; i++) {
    const problem = table.problems[i];
    if (problem === undefined) continue;
    const node = table.nodes[i];
    let finding = memo?.node('invalid-name', i, node, problem);
    if (finding === undefined) {
      finding = invalidName(node, problem, table.forms[i]);
      memo?.rememberNode('invalid-name', i, node, problem, finding);
    }
    findings.push(finding);
  }
}

function invalidName(node: DiagramNode, problem: NameProblem, form: string): Finding {
  return {
    rule: 'invalid-name',
    severity: 'error',
    nodes: [node.id],
    edges: [],
    message: `${noun(node.kind)} ${describeNameProblem(node.name, problem)}`,
    fix: renameFix(node, problem, form),
  };
}

function renameFix(node: DiagramNode, problem: NameProblem, form: string): string {
  const kind = node.kind === 'external' ? 'api' : node.kind;
  if (problem === 'keyword') return `rename it, for example to "${form}_${kind}"`;
  if (problem === 'starts-with-digit') return `rename it to start with a letter, for example "${kind}_${form}"`;
  return `give it a name with letters, for example "my_${kind}"`;
}

/**
 * Appends one `unsafe-name` finding for the project name, then per node whose name or feature
 * holds characters the export cannot carry (see `UNSAFE_CHARACTERS`), in node order.
 */
export function collectUnsafeNames(diagram: Diagram, findings: Finding[]): void {
  if (UNSAFE_CHARACTERS.test(diagram.project.name)) {
    findings.push(unsafeName([], `the project name ${JSON.stringify(diagram.project.name)}`, diagram.project.name));
  }
  for (const node of diagram.nodes) {
    const text = UNSAFE_CHARACTERS.test(node.name) ? node.name : node.feature !== undefined && UNSAFE_CHARACTERS.test(node.feature) ? node.feature : undefined;
    if (text === undefined) continue;
    const what = text === node.name ? noun(node.kind) : `the feature of ${describe(node)}`;
    findings.push(unsafeName([node.id], `${what} ${JSON.stringify(text)}`, text));
  }
}

function unsafeName(nodes: string[], subject: string, text: string): Finding {
  const cleaned = safeText(text);
  return {
    rule: 'unsafe-name',
    severity: 'error',
    nodes,
    edges: [],
    message: `${subject} holds control characters, line breaks or unpaired surrogates, which the export cannot carry`,
    fix: cleaned ? `rename it to "${cleaned}"` : 'give it a name with letters and digits',
  };
}

/**
 * Appends one `duplicate-name` finding per group of nodes with the same kind, feature and
 * Python form, ordered by each group's first node. Empty forms never group: such names are
 * already an `invalid-name`, and calling them duplicates of nothing would only repeat that.
 */
export function collectDuplicateNames(table: NameTable, findings: Finding[], memo?: Memo): void {
  const groups: number[][] = [];
  for (const members of table.shared.values()) splitByKindAndFeature(table.nodes, members, groups);
  groups.sort((a, b) => a[0] - b[0]);
  for (const group of groups) {
    const nodes = group.map((i) => table.nodes[i]);
    const key = `duplicate-name:${group[0]}`;
    let finding = memo?.group(key, nodes, []);
    if (finding === undefined) {
      finding = duplicateName(nodes, table.forms[group[0]]);
      memo?.rememberGroup(key, nodes, [], finding);
    }
    findings.push(finding);
  }
}

/** Shared forms are rare and their member lists short, so the quadratic split is fine. */
function splitByKindAndFeature(nodes: readonly DiagramNode[], members: readonly number[], groups: number[][]): void {
  const taken = new Set<number>();
  for (const first of members) {
    if (taken.has(first)) continue;
    const group = members.filter(
      (other) => !taken.has(other) && nodes[other].kind === nodes[first].kind && nodes[other].feature === nodes[first].feature,
    );
    for (const member of group) taken.add(member);
    if (group.length >= 2) groups.push(group);
  }
}

function duplicateName(nodes: readonly DiagramNode[], form: string): Finding {
  const head = nodes[0];
  const place = head.feature === undefined ? '' : ` in feature "${head.feature}"`;
  const verb = nodes.length === 2 ? 'would both become' : 'would all become';
  return {
    rule: 'duplicate-name',
    severity: 'error',
    nodes: nodes.map((node) => node.id),
    edges: [],
    message: `${listing(nodes.map(describe))}${place} ${verb} "${form}"`,
    fix: 'rename all but one of them, or move them to different features',
  };
}
