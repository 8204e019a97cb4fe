/**
 * Strongly connected groups (iterative Tarjan, so 5,000-node chains never overflow the stack)
 * and one shortest cycle through each group, for the `cycle` rule.
 */
import type { Graph } from './graph';

/** One dependency cycle: node and edge indices in order, starting at the group's first node. */
export interface Cycle {
  readonly nodes: readonly number[];
  readonly edges: readonly number[];
  /** How many nodes the strongly connected group has; at least `nodes.length`. */
  readonly groupSize: number;
}

/** Strongly connected group number per node. */
export interface Components {
  readonly componentOf: Int32Array;
  readonly sizes: Int32Array;
}

/**
 * Tarjan's algorithm with explicit stacks. Works on counting edges only, so duplicates and
 * dangling edges never change the groups.
 */
export function stronglyConnected(graph: Graph): Components {
  return new Tarjan(graph).run();
}

class Tarjan {
  private readonly order: Int32Array;
  private readonly low: Int32Array;
  private readonly onStack: Uint8Array;
  private readonly stack: Int32Array;
  private readonly calls: Int32Array;
  private readonly cursor: Int32Array;
  private readonly componentOf: Int32Array;
  private readonly sizes: Int32Array;
  private visited = 0;
  private stackSize = 0;
  private depth = 0;
  private components = 0;

  constructor(private readonly graph: Graph) {
    const count = graph.nodes.length;
    this.order = new Int32Array(count).fill(-1);
    this.low = new Int32Array(count);
    this.onStack = new Uint8Array(count);
    this.stack = new Int32Array(count);
    this.calls = new Int32Array(count);
    this.cursor = new Int32Array(count);
    this.componentOf = new Int32Array(count);
    this.sizes = new Int32Array(count);
  }

  run(): Components {
    for (let root = 0; root < this.order.length; root++) {
      if (this.order[root] === -1) this.explore(root);
    }
    return { componentOf: this.componentOf, sizes: this.sizes.subarray(0, this.components) };
  }

  private explore(root: number): void {
    const { start, edges } = this.graph.outgoing;
    const { targets } = this.graph;
    const { order, low, calls, cursor, onStack } = this;
    this.enter(root, start);
    while (this.depth > 0) {
      const top = this.depth - 1;
      const node = calls[top];
      const position = cursor[top];
      if (position < start[node + 1]) {
        cursor[top]++;
        const next = targets[edges[position]];
        if (order[next] === -1) this.enter(next, start);
        else if (onStack[next] === 1 && order[next] < low[node]) low[node] = order[next];
        continue;
      }
      this.depth--;
      if (top > 0 && low[node] < low[calls[top - 1]]) low[calls[top - 1]] = low[node];
      if (low[node] === order[node]) this.closeComponent(node);
    }
  }

  private enter(node: number, start: Int32Array): void {
    this.order[node] = this.low[node] = this.visited++;
    this.stack[this.stackSize++] = node;
    this.onStack[node] = 1;
    this.calls[this.depth] = node;
    this.cursor[this.depth++] = start[node];
  }

  private closeComponent(root: number): void {
    let member: number;
    do {
      member = this.stack[--this.stackSize];
      this.onStack[member] = 0;
      this.componentOf[member] = this.components;
      this.sizes[this.components]++;
    } while (member !== root);
    this.components++;
  }
}

/** One cycle per group that has one, ordered by the group's first node in diagram order. */
export function findCycles(graph: Graph, components: Components = stronglyConnected(graph)): Cycle[] {
  const { componentOf, sizes } = components;
  const reported = new Uint8Array(sizes.length);
  const search = new CycleSearch(graph, componentOf);
  const cycles: Cycle[] = [];
  for (let node = 0; node < graph.nodes.length; node++) {
    const component = componentOf[node];
    if (reported[component] === 1) continue;
    reported[component] = 1;
    if (sizes[component] === 1 && !hasSelfEdge(graph, node)) continue;
    cycles.push(search.shortestFrom(node, sizes[component]));
  }
  return cycles;
}

function hasSelfEdge(graph: Graph, node: number): boolean {
  const { start, edges } = graph.outgoing;
  for (let k = start[node]; k < start[node + 1]; k++) if (graph.targets[edges[k]] === node) return true;
  return false;
}

/** Breadth-first search inside one group; buffers are shared by all groups of one run. */
export class CycleSearch {
  private readonly parentEdge: Int32Array;
  private readonly seen: Int32Array;
  private readonly queue: Int32Array;

  constructor(
    private readonly graph: Graph,
    private readonly componentOf: Int32Array,
  ) {
    const count = graph.nodes.length;
    this.parentEdge = new Int32Array(count);
    this.seen = new Int32Array(count).fill(-1);
    this.queue = new Int32Array(count);
  }

  /** The shortest cycle through `origin`, found breadth first along edges in diagram order. */
  shortestFrom(origin: number, groupSize: number): Cycle {
    const { start, edges } = this.graph.outgoing;
    const { targets, sources } = this.graph;
    const group = this.componentOf[origin];
    let head = 0;
    let tail = 0;
    this.queue[tail++] = origin;
    this.seen[origin] = origin;
    while (head < tail) {
      const node = this.queue[head++];
      for (let k = start[node]; k < start[node + 1]; k++) {
        const edge = edges[k];
        const next = targets[edge];
        if (next === origin) return this.trace(origin, edge, sources, groupSize);
        if (this.componentOf[next] !== group || this.seen[next] === origin) continue;
        this.seen[next] = origin;
        this.parentEdge[next] = edge;
        this.queue[tail++] = next;
      }
    }
    return { nodes: [origin], edges: [], groupSize };
  }

  private trace(origin: number, closing: number, sources: Int32Array, groupSize: number): Cycle {
    const edges = [closing];
    let node = sources[closing];
    while (node !== origin) {
      const edge = this.parentEdge[node];
      edges.push(edge);
      node = sources[edge];
    }
    edges.reverse();
    return { nodes: edges.map((edge) => sources[edge]), edges, groupSize };
  }
}
