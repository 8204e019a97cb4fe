/**
 * The diagram as numbers: node indices, kind codes and compressed adjacency lists over typed
 * arrays, so every rule runs in linear time without string look-ups or per-node allocations.
 */
import type { Diagram, DiagramEdge, DiagramNode } from '../diagram';
import { kindCode } from './matrix';

/** Compressed sparse rows: the edges of node `i` are `edges[start[i]] … edges[start[i + 1] - 1]`. */
export interface Adjacency {
  readonly start: Int32Array;
  /** Edge indices, grouped by node, in edge order inside each group. */
  readonly edges: Int32Array;
}

export interface Graph {
  readonly diagram: Diagram;
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
  /** Node id → index; with repeated ids (never from the parser) the first node wins. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** Kind code per node (see `kindCode`). */
  readonly kinds: Uint8Array;
  /** Source node index per edge, -1 when the source is not a node. */
  readonly sources: Int32Array;
  /** Target node index per edge, -1 when the target is not a node. */
  readonly targets: Int32Array;
  /** Per edge: the index of the first edge with the same ends (itself when it is first), -1 when dangling. */
  readonly firstOf: Int32Array;
  /** Outgoing edges that count: not dangling and first of their pair. */
  readonly outgoing: Adjacency;
  /** Incoming edges that count. */
  readonly incoming: Adjacency;
}

/**
 * Builds the numeric graph. When `previous` is given, its id index and resolved edge ends are
 * reused wherever nodes and edges kept their ids and identity, which skips nearly all string
 * hashing after a small edit.
 */
export function buildGraph(diagram: Diagram, previous?: Graph): Graph {
  const { nodes, edges } = diagram;
  const sameIds = previous !== undefined && haveSameIds(previous.nodes, nodes);
  const indexOf = sameIds ? previous.indexOf : indexNodes(nodes);
  const kinds = kindCodes(nodes, sameIds ? previous : undefined);
  const sources = new Int32Array(edges.length);
  const targets = new Int32Array(edges.length);
  resolveEdges(edges, indexOf, sources, targets, sameIds ? previous : undefined);
  const all = resolvedBySource(nodes.length, sources, targets);
  const firstOf = firstEdges(nodes.length, all, targets);
  const outgoing = keepCounting(nodes.length, all, firstOf);
  const incoming = countingByTarget(nodes.length, targets, firstOf);
  return { diagram, nodes, edges, indexOf, kinds, sources, targets, firstOf, outgoing, incoming };
}

/** True when edge `edge` takes part in the rules beyond `dangling-edge` and `duplicate-edge`. */
export function counts(graph: Graph, edge: number): boolean {
  return graph.firstOf[edge] === edge;
}

function haveSameIds(before: readonly DiagramNode[], after: readonly DiagramNode[]): boolean {
  if (before.length !== after.length) return false;
  for (let i = 0; i < after.length; i++) {
    const node = after[i];
    const old = before[i];
    if (node !== old && node.id !== old.id) return false;
  }
  return true;
}

/** Backwards, so that with repeated ids the first node is the one left in the map. */
function indexNodes(nodes: readonly DiagramNode[]): Map<string, number> {
  const indexOf = new Map<string, number>();
  for (let i = nodes.length - 1; i >= 0; i--) indexOf.set(nodes[i].id, i);
  return indexOf;
}

function kindCodes(nodes: readonly DiagramNode[], previous: Graph | undefined): Uint8Array {
  const kinds = new Uint8Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    const reusable = previous !== undefined && previous.nodes[i] === node;
    kinds[i] = reusable ? previous.kinds[i] : kindCode(node.kind);
  }
  return kinds;
}

function resolveEdges(
  edges: readonly DiagramEdge[],
  indexOf: ReadonlyMap<string, number>,
  sources: Int32Array,
  targets: Int32Array,
  previous: Graph | undefined,
): void {
  const oldEdges = previous?.edges;
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e];
    if (previous !== undefined && oldEdges![e] === edge) {
      sources[e] = previous.sources[e];
      targets[e] = previous.targets[e];
    } else {
      sources[e] = indexOf.get(edge.source) ?? -1;
      targets[e] = indexOf.get(edge.target) ?? -1;
    }
  }
}

/** Every edge whose ends both exist, grouped by source. */
function resolvedBySource(nodeCount: number, sources: Int32Array, targets: Int32Array): Adjacency {
  const start = new Int32Array(nodeCount + 1);
  for (let e = 0; e < sources.length; e++) if (sources[e] >= 0 && targets[e] >= 0) start[sources[e] + 1]++;
  for (let i = 0; i < nodeCount; i++) start[i + 1] += start[i];
  const edges = new Int32Array(start[nodeCount]);
  const fill = start.slice(0, nodeCount);
  for (let e = 0; e < sources.length; e++) if (sources[e] >= 0 && targets[e] >= 0) edges[fill[sources[e]]++] = e;
  return { start, edges };
}

/** Marks each edge with the first edge of the same pair; all such edges share a source group. */
function firstEdges(nodeCount: number, all: Adjacency, targets: Int32Array): Int32Array {
  const firstOf = new Int32Array(targets.length).fill(-1);
  const stamp = new Int32Array(nodeCount).fill(-1);
  const firstTo = new Int32Array(nodeCount);
  for (let node = 0; node < nodeCount; node++) {
    for (let k = all.start[node]; k < all.start[node + 1]; k++) {
      const e = all.edges[k];
      const target = targets[e];
      if (stamp[target] !== node) {
        stamp[target] = node;
        firstTo[target] = e;
      }
      firstOf[e] = firstTo[target];
    }
  }
  return firstOf;
}

/** The counting edges of `all`, keeping its grouping and order. */
function keepCounting(nodeCount: number, all: Adjacency, firstOf: Int32Array): Adjacency {
  const start = new Int32Array(nodeCount + 1);
  const edges = new Int32Array(all.edges.length);
  let size = 0;
  for (let node = 0; node < nodeCount; node++) {
    for (let k = all.start[node]; k < all.start[node + 1]; k++) {
      const e = all.edges[k];
      if (firstOf[e] === e) edges[size++] = e;
    }
    start[node + 1] = size;
  }
  return { start, edges: edges.subarray(0, size) };
}

/** The counting edges grouped by target, in edge order inside each group. */
function countingByTarget(nodeCount: number, targets: Int32Array, firstOf: Int32Array): Adjacency {
  const start = new Int32Array(nodeCount + 1);
  for (let e = 0; e < targets.length; e++) if (firstOf[e] === e) start[targets[e] + 1]++;
  for (let i = 0; i < nodeCount; i++) start[i + 1] += start[i];
  const edges = new Int32Array(start[nodeCount]);
  const fill = start.slice(0, nodeCount);
  for (let e = 0; e < targets.length; e++) if (firstOf[e] === e) edges[fill[targets[e]]++] = e;
  return { start, edges };
}
