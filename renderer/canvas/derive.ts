/**
 * React Flow's nodes and edges, derived from the Diagram, the selection and the findings. Each
 * flow object is cached against the diagram object it came from, so an edit re-creates only
 * what it touched and React Flow re-renders only those.
 */
import { MarkerType, Position, type Edge, type NodeHandle } from '@xyflow/react';
import type { DiagramEdge, DiagramNode } from '../../domain/diagram';
import type { FindingIndex, ItemStatus } from '../store/findings';
import type { Selection } from '../store/store';
import { NODE_SIZE } from './features';
import type { StrataFlowNode } from './StrataNode';

export type StrataEdgeData = { status: ItemStatus | undefined; label?: string };
export type StrataFlowEdge = Edge<StrataEdgeData, 'strata'>;

interface Cached<T> {
  readonly selected: boolean;
  readonly statusKey: string;
  readonly editing?: boolean;
  readonly flow: T;
}

/**
 * The drawn size, known up front, so the mini map and culling have a size before React Flow has
 * measured a node; what it measures comes back only as `measured` (below).
 */
const SIZE = { initialWidth: NODE_SIZE.width, initialHeight: NODE_SIZE.height };
/** A handle's box (styles.css: 9px and a 2px border), centred on the node's top or bottom side. */
const HANDLE = 13;

/**
 * Where a node's two handles are, given its size. React Flow draws an edge from its ends'
 * handles; a node it never drew (off screen) has none measured, and its edges would be missing.
 */
function handlesFor(size: Size): NodeHandle[] {
  const x = size.width / 2 - HANDLE / 2;
  return [
    { type: 'target', position: Position.Top, x, y: -HANDLE / 2, width: HANDLE, height: HANDLE },
    { type: 'source', position: Position.Bottom, x, y: size.height - HANDLE / 2, width: HANDLE, height: HANDLE },
  ];
}
const nodeCache = new WeakMap<DiagramNode, Cached<StrataFlowNode>>();
const edgeCache = new WeakMap<DiagramEdge, Cached<StrataFlowEdge>>();

type Size = { readonly width: number; readonly height: number };
/**
 * Sizes React Flow measured, by node id. A flow node re-created for an edit carries its last
 * size: without one, React Flow drops the node's handle positions and measures it again (a
 * forced layout and a second store update) on every frame the node is dragged.
 */
const measuredSizes = new Map<string, Size>();

export function rememberMeasured(id: string, size: Size): void {
  measuredSizes.set(id, size);
}

export function measuredSize(id: string): Size | undefined {
  return measuredSizes.get(id);
}

/** `renaming` is the node whose name is being edited: passed in, so no node subscribes to the store. */
export function flowNodes(
  nodes: readonly DiagramNode[],
  selection: Selection,
  index: FindingIndex,
  renaming: string | null = null,
): StrataFlowNode[] {
  return nodes.map((node) => {
    const selected = selection.nodes.has(node.id);
    const status = index.nodes.get(node.id);
    const statusKey = status?.key ?? '';
    const editing = node.id === renaming;
    const cached = nodeCache.get(node);
    if (cached && cached.selected === selected && cached.statusKey === statusKey && cached.editing === editing) return cached.flow;
    const data = { node, status, editing };
    // Until React Flow measured the node, the size every node is drawn at: when it is right, React
    // Flow's first look at a new node finds nothing to update (no reading of where its handles are,
    // for each of the hundreds of nodes a zoom out brings in at once).
    const measured = measuredSize(node.id) ?? NODE_SIZE;
    const handles = handlesFor(measured);
    const flow: StrataFlowNode = { id: node.id, type: 'strata', position: node.position, data, selected, handles, ...SIZE, measured };
    nodeCache.set(node, { selected, statusKey, editing, flow });
    return flow;
  });
}

const ARROW = { type: MarkerType.ArrowClosed, width: 18, height: 18 } as const;

export function flowEdges(edges: readonly DiagramEdge[], selection: Selection, index: FindingIndex): StrataFlowEdge[] {
  return edges.map((edge) => {
    const selected = selection.edges.has(edge.id);
    const status = index.edges.get(edge.id);
    const statusKey = status?.key ?? '';
    const cached = edgeCache.get(edge);
    if (cached && cached.selected === selected && cached.statusKey === statusKey) return cached.flow;
    const flow: StrataFlowEdge = {
      id: edge.id,
      type: 'strata',
      source: edge.source,
      target: edge.target,
      selected,
      data: edge.label ? { status, label: edge.label } : { status },
      className: status ? `has-${status.severity}` : undefined,
      // A selected arrow is drawn in the accent colour, its head too; a finding's colour wins, as on the line.
      markerEnd: { ...ARROW, color: status ? `var(--${status.severity})` : selected ? 'var(--accent)' : 'var(--edge)' },
    };
    edgeCache.set(edge, { selected, statusKey, flow });
    return flow;
  });
}
