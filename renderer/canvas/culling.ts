/**
 * What React Flow is given: the part of the Diagram near the viewport, not all of it. React Flow
 * does work for every node it holds on every change (adopting each one, visibility tests, a
 * selector per node), so a drag in a 10,000-node diagram cost as much as the whole diagram; given
 * what is near the view, a frame costs what is on screen.
 *
 * Two R-trees (rbush), of node boxes and of edge boxes, follow the Diagram by identity: a drag
 * moves a few nodes, and only those and their edges are re-indexed.
 */
import RBush from 'rbush';
import type { DiagramEdge, DiagramNode } from '../../domain/diagram';
import { changedInPlace } from '../store/moves';
import { NODE_SIZE } from './features';

export interface Box {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

interface NodeEntry extends Box {
  readonly node: DiagramNode;
  /** Where the node is in the diagram's list, so culled nodes keep the diagram's drawing order. */
  readonly order: number;
}

interface EdgeEntry extends Box {
  readonly edge: DiagramEdge;
  readonly order: number;
}

/**
 * Room around an edge's two ends: a route may leave the box of its ends (around a node in the
 * way, or around the side when it points upwards).
 */
const EDGE_SLACK = 80;
/** Past this share of moved nodes, loading the trees afresh is faster than updating them. */
const REBUILD_SHARE = 0.25;

type Size = { readonly width: number; readonly height: number };

export class DiagramIndex {
  private readonly nodeTree = new RBush<NodeEntry>();
  private readonly edgeTree = new RBush<EdgeEntry>();
  private readonly nodeEntries = new Map<string, NodeEntry>();
  private readonly edgeEntries = new Map<string, EdgeEntry>();
  private readonly edgesOfNode = new Map<string, DiagramEdge[]>();
  private nodes: readonly DiagramNode[] = [];
  private edges: readonly DiagramEdge[] = [];
  private lastMove: { from: readonly DiagramNode[]; to: readonly DiagramNode[]; moved: readonly DiagramNode[] } | undefined;

  constructor(private readonly sizeOf: (id: string) => Size | undefined = () => undefined) {}

  /** Brings the index up to date with the diagram's nodes and edges. */
  sync(nodes: readonly DiagramNode[], edges: readonly DiagramEdge[]): void {
    if (nodes === this.nodes && edges === this.edges) return;
    if (edges !== this.edges || !this.moveChanged(nodes)) this.rebuild(nodes, edges);
  }

  /** Nodes whose boxes meet `box`, in the diagram's order. */
  nodesIn(box: Box): DiagramNode[] {
    return this.nodeTree
      .search(box)
      .sort((a, b) => a.order - b.order)
      .map((entry) => entry.node);
  }

  /** Edges that may be drawn inside `box`. */
  edgesIn(box: Box): DiagramEdge[] {
    return this.edgeTree
      .search(box)
      .sort((a, b) => a.order - b.order)
      .map((entry) => entry.edge);
  }

  node(id: string): DiagramNode | undefined {
    return this.nodeEntries.get(id)?.node;
  }

  /** The box around every node, or undefined for an empty diagram. */
  bounds(): Box | undefined {
    if (this.nodeEntries.size === 0) return undefined;
    const { minX, minY, maxX, maxY } = this.nodeTree.toJSON() as Box;
    return { minX, minY, maxX, maxY };
  }

  private rebuild(nodes: readonly DiagramNode[], edges: readonly DiagramEdge[]): void {
    this.lastMove = undefined;
    this.nodes = nodes;
    this.edges = edges;
    this.nodeEntries.clear();
    this.edgeEntries.clear();
    this.edgesOfNode.clear();
    nodes.forEach((node, order) => this.nodeEntries.set(node.id, this.nodeEntry(node, order)));
    edges.forEach((edge, order) => {
      const entry = this.edgeEntry(edge, order);
      if (!entry) return;
      this.edgeEntries.set(edge.id, entry);
      this.linkEdge(edge.source, edge);
      if (edge.target !== edge.source) this.linkEdge(edge.target, edge);
    });
    this.nodeTree.clear().load([...this.nodeEntries.values()]);
    this.edgeTree.clear().load([...this.edgeEntries.values()]);
  }

  /** Re-indexes nodes that changed in place (same id at the same index); false when that is not the case. */
  private moveChanged(nodes: readonly DiagramNode[]): boolean {
    const changed = changedInPlace(this.nodes, nodes, nodes.length * REBUILD_SHARE);
    if (!changed) return false;
    this.lastMove = { from: this.nodes, to: nodes, moved: changed.map((i) => nodes[i]) };
    this.nodes = nodes;
    for (const i of changed) this.replaceNode(nodes[i], i);
    return true;
  }

  /**
   * The nodes that moved from `from` to `to`, when the index went from one to the other in a
   * single move (a drag frame); undefined otherwise.
   */
  movedBetween(from: readonly DiagramNode[], to: readonly DiagramNode[]): readonly DiagramNode[] | undefined {
    const move = this.lastMove;
    return move && move.from === from && move.to === to ? move.moved : undefined;
  }

  /** The box a node takes on the canvas, as indexed. */
  boxOf(node: DiagramNode): Box {
    return this.nodeEntry(node, 0);
  }

  private replaceNode(node: DiagramNode, order: number): void {
    const old = this.nodeEntries.get(node.id)!;
    const entry = this.nodeEntry(node, order);
    this.nodeEntries.set(node.id, entry);
    this.nodeTree.remove(old);
    this.nodeTree.insert(entry);
    for (const edge of this.edgesOfNode.get(node.id) ?? []) {
      const stale = this.edgeEntries.get(edge.id);
      if (!stale) continue;
      const fresh = this.edgeEntry(edge, stale.order);
      this.edgeTree.remove(stale);
      if (fresh) {
        this.edgeEntries.set(edge.id, fresh);
        this.edgeTree.insert(fresh);
      }
    }
  }

  private nodeEntry(node: DiagramNode, order: number): NodeEntry {
    const size = this.sizeOf(node.id) ?? NODE_SIZE;
    const { x, y } = node.position;
    return { minX: x, minY: y, maxX: x + size.width, maxY: y + size.height, node, order };
  }

  private edgeEntry(edge: DiagramEdge, order: number): EdgeEntry | undefined {
    const source = this.nodeEntries.get(edge.source);
    const target = this.nodeEntries.get(edge.target);
    if (!source || !target) return undefined;
    return {
      minX: Math.min(source.minX, target.minX) - EDGE_SLACK,
      minY: Math.min(source.minY, target.minY) - EDGE_SLACK,
      maxX: Math.max(source.maxX, target.maxX) + EDGE_SLACK,
      maxY: Math.max(source.maxY, target.maxY) + EDGE_SLACK,
      edge,
      order,
    };
  }

  private linkEdge(nodeId: string, edge: DiagramEdge): void {
    const list = this.edgesOfNode.get(nodeId);
    if (list) list.push(edge);
    else this.edgesOfNode.set(nodeId, [edge]);
  }
}

/**
 * The part of the canvas React Flow is given: the view and half a view around it, on a grid of
 * whole half-views, so that a pan hands React Flow a new set only every half a view, not every
 * frame. Steps are powers of two, so a zoom changes the window only at each doubling.
 */
export function cullWindow(transform: readonly [number, number, number], width: number, height: number): Box {
  const [x, y, zoom] = transform;
  // Before the pane is measured nothing is known of the view: everything is in it.
  if (width <= 0 || height <= 0) return EVERYWHERE;
  const view = { left: -x / zoom, top: -y / zoom, width: width / zoom, height: height / zoom };
  const step = windowStep(zoom, width, height);
  const floor = (value: number) => Math.floor(value / step) * step;
  const ceil = (value: number) => Math.ceil(value / step) * step;
  return {
    minX: floor(view.left - step / 2),
    minY: floor(view.top - step / 2),
    maxX: ceil(view.left + view.width + step / 2),
    maxY: ceil(view.top + view.height + step / 2),
  };
}

/** The grid the window is on: half a view, rounded up to a power of two; it doubles as the zoom halves. */
export function windowStep(zoom: number, width: number, height: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(width, height) / zoom / 2));
}

const EVERYWHERE: Box = { minX: -Infinity, minY: -Infinity, maxX: Infinity, maxY: Infinity };

export interface Culled {
  /** For React Flow: the nodes in the window, the far ends of `edges`, and the selection. */
  readonly nodes: readonly DiagramNode[];
  /** For React Flow: edges with at least one end in the window. */
  readonly edges: readonly DiagramEdge[];
  /**
   * Edges that only pass through the window, both ends outside it: drawn as one plain layer
   * (OverviewEdges), not as a React Flow edge each. In a large diagram they are most of what is
   * on screen, and React Flow runs selectors for every edge it draws on every frame of a drag.
   */
  readonly passing: readonly DiagramEdge[];
}

/**
 * What the canvas needs for `window`: React Flow gets the nodes inside it, the edges with an end
 * inside it and their far ends (an edge is drawn from its ends), and every node in `always` (the
 * selection, so that dragging a selection moves all of it); the rest of the edges that may cross
 * the window are `passing`.
 */
export function cull(index: DiagramIndex, window: Box, always: ReadonlySet<string>): Culled {
  const nodes = index.nodesIn(window);
  const inside = new Set(nodes.map((node) => node.id));
  const edges: DiagramEdge[] = [];
  const passing: DiagramEdge[] = [];
  const extra = new Set<string>();
  for (const edge of index.edgesIn(window)) {
    const ends = [edge.source, edge.target].filter((id) => !inside.has(id));
    if (ends.length === 2) {
      passing.push(edge);
      continue;
    }
    edges.push(edge);
    for (const id of ends) extra.add(id);
  }
  for (const id of always) if (!inside.has(id)) extra.add(id);
  for (const id of extra) {
    const node = index.node(id);
    if (node) nodes.push(node);
  }
  return { nodes, edges, passing };
}

/**
 * `before`, the cull of `window` for the nodes as they were, after `moved` moved, without a
 * search: when each moved node was inside the window and still is, nothing entered or left it,
 * and every edge of a moved node keeps an end inside. Only the moved nodes' entries change; the
 * edge lists are handed back as they were, so a drag frame costs the moved nodes, not the edges
 * that cross the view. Undefined when the move took a node across the window's edge (cull again).
 */
export function afterMove(before: Culled, moved: readonly DiagramNode[], window: Box, index: DiagramIndex): Culled | undefined {
  const fresh = new Map(moved.map((node) => [node.id, node]));
  let found = 0;
  const nodes = before.nodes.map((node) => {
    const now = fresh.get(node.id);
    if (!now) return node;
    found++;
    return meets(index.boxOf(node), window) && meets(index.boxOf(now), window) ? now : undefined;
  });
  if (found !== fresh.size || nodes.includes(undefined)) return undefined;
  return { nodes: nodes as DiagramNode[], edges: before.edges, passing: before.passing };
}

function meets(a: Box, b: Box): boolean {
  return a.minX <= b.maxX && a.maxX >= b.minX && a.minY <= b.maxY && a.maxY >= b.minY;
}

/**
 * What React Flow gets this frame: everything it already had that is still wanted, the selection,
 * and up to `budget` of what is new (nodes first, in the order wanted). An edge comes only once
 * both its ends are there.
 */
export function admit(before: Culled, wanted: Culled, always: ReadonlySet<string>, budget: { nodes: number; edges: number }): Culled {
  const had = new Set(before.nodes.map((node) => node.id));
  let room = budget.nodes;
  const nodes = wanted.nodes.filter((node) => had.has(node.id) || always.has(node.id) || room-- > 0);
  const passing = portion(before.passing, wanted.passing, budget.edges);
  if (nodes.length === wanted.nodes.length && wanted.edges.length <= budget.edges) {
    return { nodes, edges: wanted.edges, passing };
  }
  const present = new Set(nodes.map((node) => node.id));
  const ready = wanted.edges.filter((edge) => present.has(edge.source) && present.has(edge.target));
  return { nodes, edges: portion(before.edges, ready, budget.edges), passing };
}

/** The wanted edges that were there before, and up to `room` more. */
export function portion(before: readonly DiagramEdge[], wanted: readonly DiagramEdge[], room: number): readonly DiagramEdge[] {
  if (wanted.length <= room) return wanted;
  const had = new Set(before.map((edge) => edge.id));
  return wanted.filter((edge) => had.has(edge.id) || room-- > 0);
}
