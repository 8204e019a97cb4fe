/**
 * The whole-graph facts the rules read: strongly connected groups, their cycles and which nodes
 * reach a database. Kept apart from the rules so the incremental validator can update them.
 */
import type { Components, Cycle } from './cycles';
import { findCycles, stronglyConnected } from './cycles';
import type { Graph } from './graph';
import { kindCode } from './matrix';

export const DATABASE = kindCode('database');

export interface Analysis {
  readonly graph: Graph;
  readonly components: Components;
  /** One per group with a cycle, ordered by the group's first node. */
  readonly cycles: readonly Cycle[];
  readonly databases: number;
  /** 1 per node with a path to a database; only computed with two or more databases. */
  readonly reachesDatabase: Uint8Array | undefined;
}

export function analyze(graph: Graph): Analysis {
  const components = stronglyConnected(graph);
  const cycles = findCycles(graph, components);
  const databases = countKind(graph, DATABASE);
  const reachesDatabase = databases >= 2 ? reachingKind(graph, DATABASE) : undefined;
  return { graph, components, cycles, databases, reachesDatabase };
}

export function countKind(graph: Graph, kind: number): number {
  let count = 0;
  for (let i = 0; i < graph.kinds.length; i++) if (graph.kinds[i] === kind) count++;
  return count;
}

/** 1 for every node with a path (of counting edges, possibly empty) to a node of `kind`. */
export function reachingKind(graph: Graph, kind: number): Uint8Array {
  const count = graph.nodes.length;
  const reaches = new Uint8Array(count);
  const queue = new Int32Array(count);
  let tail = 0;
  for (let i = 0; i < count; i++) {
    if (graph.kinds[i] !== kind) continue;
    reaches[i] = 1;
    queue[tail++] = i;
  }
  spreadBackwards(graph, reaches, queue, tail);
  return reaches;
}

/** Marks every node with a path into the first `tail` queued nodes, which are already marked. */
export function spreadBackwards(graph: Graph, reaches: Uint8Array, queue: Int32Array, tail: number): void {
  const { start, edges } = graph.incoming;
  for (let head = 0; head < tail; head++) {
    const node = queue[head];
    for (let k = start[node]; k < start[node + 1]; k++) {
      const source = graph.sources[edges[k]];
      if (reaches[source] === 1) continue;
      reaches[source] = 1;
      queue[tail++] = source;
    }
  }
}

/** Whether a path of zero or more counting edges leads from `from` to `to`. */
export function pathExists(graph: Graph, from: number, to: number): boolean {
  if (from === to) return true;
  const seen = new Uint8Array(graph.nodes.length);
  const queue = new Int32Array(graph.nodes.length);
  const { start, edges } = graph.outgoing;
  let tail = 0;
  queue[tail++] = from;
  seen[from] = 1;
  for (let head = 0; head < tail; head++) {
    const node = queue[head];
    for (let k = start[node]; k < start[node + 1]; k++) {
      const next = graph.targets[edges[k]];
      if (next === to) return true;
      if (seen[next] === 1) continue;
      seen[next] = 1;
      queue[tail++] = next;
    }
  }
  return false;
}
