/** The `cycle` finding: one per strongly connected group, naming one cycle through it. */
import type { Finding } from './catalog';
import type { Analysis } from './analysis';
import type { Cycle } from './cycles';
import { describe } from './describe';
import type { Graph } from './graph';
import type { Memo } from './memo';
import { pairVerdictByCode } from './matrix';

/** Longer cycles are named up to this many components, then counted. */
const NAMED_IN_MESSAGE = 8;

/** Appends the cycle findings, ordered by each group's first node in diagram order. */
export function collectCycles(analysis: Analysis, findings: Finding[], memo?: Memo): void {
  const { graph } = analysis;
  for (const cycle of analysis.cycles) {
    if (memo === undefined) {
      findings.push(cycleFinding(graph, cycle));
      continue;
    }
    const key = `cycle:${cycle.nodes[0]}:${cycle.groupSize}`;
    const nodes = cycle.nodes.map((node) => graph.nodes[node]);
    const edges = cycle.edges.map((edge) => graph.edges[edge]);
    let finding = memo.group(key, nodes, edges);
    if (finding === undefined) {
      finding = cycleFinding(graph, cycle);
      memo.rememberGroup(key, nodes, edges, finding);
    }
    findings.push(finding);
  }
}

export function cycleFinding(graph: Graph, cycle: Cycle): Finding {
  return {
    rule: 'cycle',
    severity: 'error',
    nodes: cycle.nodes.map((node) => graph.nodes[node].id),
    edges: cycle.edges.map((edge) => graph.edges[edge].id),
    message: cycleMessage(graph, cycle),
    fix: cycleFix(graph, cycle),
  };
}

function cycleMessage(graph: Graph, cycle: Cycle): string {
  const first = describe(graph.nodes[cycle.nodes[0]]);
  if (cycle.nodes.length === 1) return `${first} depends on itself`;
  const named = cycle.nodes.slice(0, NAMED_IN_MESSAGE).map((node) => describe(graph.nodes[node]));
  const rest = cycle.nodes.length - named.length;
  const path = `${named.join(' → ')}${rest > 0 ? ` → … (${rest} more)` : ''} → ${first}`;
  const group = cycle.groupSize > cycle.nodes.length ? `; ${cycle.groupSize} components are tangled in this group` : '';
  return `${path} form a dependency cycle${group}`;
}

/** Points at an edge of the cycle that already breaks the matrix when there is one: the likely culprit. */
function cycleFix(graph: Graph, cycle: Cycle): string {
  if (cycle.nodes.length === 1) return 'remove the edge from this component to itself';
  const culprit = cycle.edges.find((edge) => breaksMatrix(graph, edge));
  if (culprit !== undefined) {
    return `remove or reverse the edge from ${ends(graph, culprit)}, which already breaks the layering`;
  }
  const closing = cycle.edges[cycle.edges.length - 1];
  return `move the code both sides share into a lower layer, or remove the edge from ${ends(graph, closing)}`;
}

function breaksMatrix(graph: Graph, edge: number): boolean {
  const verdict = pairVerdictByCode(graph.kinds[graph.sources[edge]], graph.kinds[graph.targets[edge]]);
  return verdict.severity === 'error';
}

function ends(graph: Graph, edge: number): string {
  return `${describe(graph.nodes[graph.sources[edge]])} to ${describe(graph.nodes[graph.targets[edge]])}`;
}
