/**
 * What the canvas shows while a new connection is dragged over a candidate target: the matrix
 * verdict for the pair, plus whether the edge would close a cycle. Strict mode refuses errors.
 */
import type { Diagram, DiagramNode } from '../diagram';
import type { RuleId, Severity } from './catalog';
import { describe } from './describe';
import { pairText } from './edge-rules';
import { pathExists } from './analysis';
import { buildGraph, type Graph } from './graph';
import { pairVerdict } from './matrix';

export interface EdgeVerdict {
  /** False when the edge would be an error (strict mode refuses it). */
  readonly allowed: boolean;
  readonly severity?: Severity;
  readonly rule?: RuleId;
  readonly message: string;
}

/** Dragging asks about many targets of one diagram: its graph is built once. */
const graphs = new WeakMap<Diagram, Graph>();

/** The verdict for a new edge `sourceId -> targetId` in `diagram`. */
export function edgeVerdict(diagram: Diagram, sourceId: string, targetId: string): EdgeVerdict {
  let graph = graphs.get(diagram);
  if (graph === undefined) graphs.set(diagram, (graph = buildGraph(diagram)));
  const sourceIndex = graph.indexOf.get(sourceId);
  const targetIndex = graph.indexOf.get(targetId);
  if (sourceIndex === undefined || targetIndex === undefined) {
    const missing = sourceIndex === undefined ? sourceId : targetId;
    return { allowed: false, severity: 'error', rule: 'dangling-edge', message: `"${missing}" is not in the diagram` };
  }
  const source = diagram.nodes[sourceIndex];
  const target = diagram.nodes[targetIndex];
  const pair = pairVerdict(source.kind, target.kind);
  if (pair.rule !== undefined && pair.severity === 'error') {
    return { allowed: false, severity: 'error', rule: pair.rule, message: pairText(pair.rule, source, target).message };
  }
  if (pathExists(graph, targetIndex, sourceIndex)) {
    return { allowed: false, severity: 'error', rule: 'cycle', message: cycleMessage(source, target) };
  }
  if (pair.rule !== undefined) {
    return { allowed: true, severity: 'warning', rule: pair.rule, message: pairText(pair.rule, source, target).message };
  }
  if (hasEdge(graph, sourceIndex, targetIndex)) {
    return { allowed: true, severity: 'warning', rule: 'duplicate-edge', message: `${describe(source)} already depends on ${describe(target)}` };
  }
  return { allowed: true, message: `${describe(source)} may depend on ${describe(target)}` };
}

function cycleMessage(source: DiagramNode, target: DiagramNode): string {
  if (source === target) return `would create a cycle: ${describe(source)} would depend on itself`;
  return `would create a cycle: ${describe(target)} already depends on ${describe(source)}`;
}

function hasEdge(graph: Graph, source: number, target: number): boolean {
  const { start, edges } = graph.outgoing;
  for (let k = start[source]; k < start[source + 1]; k++) if (graph.targets[edges[k]] === target) return true;
  return false;
}
