/**
 * Findings about single edges: `dangling-edge`, `duplicate-edge` and the allowed-edge matrix
 * (`layer-direction`, `infra-access`, `infra-has-dependency`, `skip-layer`). An edge gives at
 * most one finding: a dangling edge is only dangling, an extra edge only a duplicate.
 */
import { KIND_INFO, type DiagramEdge, type DiagramNode } from '../diagram';
import type { Finding, RuleId } from './catalog';
import { article, describe, listing, noun } from './describe';
import type { Graph } from './graph';
import type { Memo } from './memo';
import { allowedTargets, pairVerdict, pairVerdictByCode } from './matrix';

/** The finding for edge number `edge`, if any. */
export function edgeFinding(graph: Graph, edge: number): Finding | undefined {
  const first = graph.firstOf[edge];
  const item = graph.edges[edge];
  if (first === -1) return danglingFinding(graph, edge);
  const source = graph.nodes[graph.sources[edge]];
  const target = graph.nodes[graph.targets[edge]];
  if (first !== edge) return duplicateFinding(item, graph.edges[first], source, target);
  const verdict = pairVerdictByCode(graph.kinds[graph.sources[edge]], graph.kinds[graph.targets[edge]]);
  return verdict.rule === undefined ? undefined : pairFinding(item, source, target);
}

/** Appends the edge findings in edge order, reusing remembered ones when a memo is given. */
export function collectEdgeFindings(graph: Graph, findings: Finding[], memo?: Memo): void {
  for (let edge = 0; edge < graph.edges.length; edge++) {
    const finding = memo === undefined ? edgeFinding(graph, edge) : rememberedEdgeFinding(graph, edge, memo);
    if (finding !== undefined) findings.push(finding);
  }
}

function rememberedEdgeFinding(graph: Graph, index: number, memo: Memo): Finding | undefined {
  const edge = graph.edges[index];
  const source = graph.nodes[graph.sources[index]];
  const target = graph.nodes[graph.targets[index]];
  const first = graph.edges[graph.firstOf[index]];
  const remembered = memo.edge(index, edge, source, target, first);
  if (remembered !== null) return remembered;
  const finding = edgeFinding(graph, index);
  memo.rememberEdge(index, { edge, source, target, first, finding });
  return finding;
}

function danglingFinding(graph: Graph, index: number): Finding {
  const edge = graph.edges[index];
  const source = graph.nodes[graph.sources[index]];
  const target = graph.nodes[graph.targets[index]];
  return {
    rule: 'dangling-edge',
    severity: 'error',
    nodes: [source, target].flatMap((node) => (node ? [node.id] : [])),
    edges: [edge.id],
    message: danglingMessage(edge, source, target),
    fix: 'delete this edge or reconnect it to an existing component',
  };
}

function danglingMessage(edge: DiagramEdge, source: DiagramNode | undefined, target: DiagramNode | undefined): string {
  if (source) return `edge "${edge.id}" from ${describe(source)} points to "${edge.target}", which is not in the diagram`;
  if (target) return `edge "${edge.id}" to ${describe(target)} starts at "${edge.source}", which is not in the diagram`;
  return `edge "${edge.id}" connects "${edge.source}" to "${edge.target}", neither of which is in the diagram`;
}

function duplicateFinding(edge: DiagramEdge, first: DiagramEdge, source: DiagramNode, target: DiagramNode): Finding {
  return {
    rule: 'duplicate-edge',
    severity: 'warning',
    nodes: [source.id, target.id],
    edges: [edge.id],
    message: `${describe(source)} depends on ${describe(target)} a second time (edge "${edge.id}" repeats "${first.id}")`,
    fix: 'delete this extra edge',
  };
}

/** The matrix finding for an edge between existing nodes; also used by `edgeVerdict`. */
export function pairFinding(edge: DiagramEdge, source: DiagramNode, target: DiagramNode): Finding | undefined {
  const verdict = pairVerdict(source.kind, target.kind);
  if (verdict.rule === undefined || verdict.severity === undefined) return undefined;
  const text = pairText(verdict.rule, source, target);
  return {
    rule: verdict.rule,
    severity: verdict.severity,
    nodes: source === target ? [source.id] : [source.id, target.id],
    edges: [edge.id],
    message: text.message,
    fix: text.fix,
  };
}

interface Text {
  readonly message: string;
  readonly fix: string;
}

/** Message and fix for a matrix rule; `edgeVerdict` shows the message alone while dragging. */
export function pairText(rule: RuleId, source: DiagramNode, target: DiagramNode): Text {
  switch (rule) {
    case 'skip-layer':
      return {
        message: `${describe(source)} depends on ${describe(target)} directly, skipping the service layer`,
        fix: 'route the call through a service',
      };
    case 'infra-has-dependency':
      return {
        message: `${describe(source)} depends on ${describe(target)}, but infrastructure is a leaf`,
        fix: reverseOr(source, target, 'remove this edge'),
      };
    case 'infra-access':
      return infraAccessText(source, target);
    default:
      return layerText(source, target);
  }
}

function infraAccessText(source: DiagramNode, target: DiagramNode): Text {
  const uses = `${describe(source)} uses ${describe(target)} directly`;
  if (target.kind === 'database') {
    return { message: `${uses}; only repositories talk to the database`, fix: 'move the query into a repository and depend on that' };
  }
  if (target.kind === 'broker') {
    return {
      message: `${uses}; code enqueues through a worker's tasks, not the broker`,
      fix: 'depend on a worker and enqueue its task instead',
    };
  }
  return {
    message: `${uses}; only services call external APIs`,
    fix: 'call it from a service through an HTTP client adapter',
  };
}

function layerText(source: DiagramNode, target: DiagramNode): Text {
  const depends = `${describe(source)} depends on ${describe(target)}`;
  const sourceRank = KIND_INFO[source.kind].rank;
  const targetRank = KIND_INFO[target.kind].rank;
  if (source.kind === 'scheduler') {
    return {
      message: `${depends}; a scheduler only triggers worker tasks through a broker`,
      fix: `have the schedule trigger a worker task, and let the worker call ${describe(target)}`,
    };
  }
  if (targetRank > sourceRank) {
    return { message: `${depends}, a higher layer`, fix: reverseOr(source, target, 'remove this edge') };
  }
  if (targetRank === sourceRank) {
    return {
      message: `${depends} in its own ${KIND_INFO[source.kind].layer} layer`,
      fix: 'move the shared code into a lower layer both can depend on, such as a service',
    };
  }
  const allowed = listing(allowedTargets(source.kind).map((kind) => `${noun(kind)}s`));
  return {
    message: `${depends}; ${article(source.kind)} may only depend on ${allowed}`,
    fix: `remove this edge and reach ${describe(target)} from a service or repository`,
  };
}

function reverseOr(source: DiagramNode, target: DiagramNode, otherwise: string): string {
  const reversed = pairVerdict(target.kind, source.kind);
  if (reversed.rule !== undefined) return otherwise;
  return `reverse the edge so ${describe(target)} depends on ${describe(source)}, or ${otherwise}`;
}
