/**
 * Small edits applied to an existing `Graph` and `Analysis` instead of rebuilding them: the
 * incremental validator's fast paths. Each function states what it assumes about the edit; the
 * caller checks that before calling.
 */
import type { Diagram } from '../diagram';
import { pathExists, spreadBackwards, type Analysis } from './analysis';
import { CycleSearch, findCycles, stronglyConnected, type Cycle } from './cycles';
import type { Adjacency, Graph } from './graph';

/** Same node ids and kinds, same edges: only the objects the messages are rendered from changed. */
export function withDiagram(analysis: Analysis, diagram: Diagram): Analysis {
  const graph: Graph = { ...analysis.graph, diagram, nodes: diagram.nodes, edges: diagram.edges };
  return { ...analysis, graph };
}

/**
 * Same node ids and kinds; `diagram.edges` is the old edge list with edges appended. Updates
 * the adjacency lists, groups, cycles and database reachability edge by edge.
 */
export function withAppendedEdges(analysis: Analysis, diagram: Diagram): Analysis {
  const old = analysis.graph;
  const count = diagram.edges.length;
  const sources = grow(old.sources, count);
  const targets = grow(old.targets, count);
  const firstOf = grow(old.firstOf, count);
  let graph: Graph = { ...old, diagram, nodes: diagram.nodes, edges: diagram.edges, sources, targets, firstOf };
  let result: Analysis = { ...analysis, graph };
  for (let edge = old.edges.length; edge < count; edge++) {
    const { source, target } = diagram.edges[edge];
    sources[edge] = graph.indexOf.get(source) ?? -1;
    targets[edge] = graph.indexOf.get(target) ?? -1;
    firstOf[edge] = firstFor(graph, edge);
    if (firstOf[edge] !== edge) continue;
    graph = {
      ...graph,
      outgoing: insert(graph.outgoing, sources[edge], edge),
      incoming: insert(graph.incoming, targets[edge], edge),
    };
    result = withCountingEdge({ ...result, graph }, edge);
  }
  return result;
}

function grow(array: Int32Array, length: number): Int32Array {
  const grown = new Int32Array(length);
  grown.set(array);
  return grown;
}

/** The first edge with the same ends as `edge` (itself when there is none), -1 when dangling. */
function firstFor(graph: Graph, edge: number): number {
  const source = graph.sources[edge];
  const target = graph.targets[edge];
  if (source < 0 || target < 0) return -1;
  const { start, edges } = graph.outgoing;
  for (let k = start[source]; k < start[source + 1]; k++) if (graph.targets[edges[k]] === target) return edges[k];
  return edge;
}

/** Adds `edge` at the end of `node`'s group: it is the newest edge, so edge order is kept. */
function insert(adjacency: Adjacency, node: number, edge: number): Adjacency {
  const at = adjacency.start[node + 1];
  const edges = new Int32Array(adjacency.edges.length + 1);
  edges.set(adjacency.edges.subarray(0, at));
  edges[at] = edge;
  edges.set(adjacency.edges.subarray(at), at + 1);
  const start = adjacency.start.slice();
  for (let i = node + 1; i < start.length; i++) start[i]++;
  return { start, edges };
}

/** The analysis after counting edge `edge`, already in `analysis.graph`, was added. */
function withCountingEdge(analysis: Analysis, edge: number): Analysis {
  const { graph } = analysis;
  const source = graph.sources[edge];
  const target = graph.targets[edge];
  const reachesDatabase = withReach(analysis, source, target);
  const { componentOf } = analysis.components;
  if (componentOf[source] === componentOf[target]) {
    return { ...analysis, reachesDatabase, cycles: withGroupCycle(analysis, source) };
  }
  if (!pathExists(graph, target, source)) return { ...analysis, reachesDatabase };
  const components = stronglyConnected(graph);
  return { ...analysis, reachesDatabase, components, cycles: findCycles(graph, components) };
}

/** An edge inside one group keeps the groups, but may give its group a shorter cycle or its first one. */
function withGroupCycle(analysis: Analysis, member: number): readonly Cycle[] {
  const { graph, components, cycles } = analysis;
  const group = components.componentOf[member];
  const at = cycles.findIndex((cycle) => components.componentOf[cycle.nodes[0]] === group);
  const origin = at >= 0 ? cycles[at].nodes[0] : member;
  const cycle = new CycleSearch(graph, components.componentOf).shortestFrom(origin, components.sizes[group]);
  if (at >= 0) return cycles.map((other, i) => (i === at ? cycle : other));
  const after = cycles.findIndex((other) => other.nodes[0] > origin);
  const result = [...cycles];
  result.splice(after < 0 ? result.length : after, 0, cycle);
  return result;
}

function withReach(analysis: Analysis, source: number, target: number): Uint8Array | undefined {
  const before = analysis.reachesDatabase;
  if (before === undefined || before[target] === 0 || before[source] === 1) return before;
  const after = before.slice();
  const queue = new Int32Array(after.length);
  after[source] = 1;
  queue[0] = source;
  spreadBackwards(analysis.graph, after, queue, 1);
  return after;
}
