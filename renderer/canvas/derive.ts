/**
 * React Flow's nodes and edges, derived from the Diagram and the selection. Each flow object is
 * cached against the diagram object it came from, so an edit re-creates only what it touched and
 * React Flow re-renders only those.
 */
import { MarkerType, type Edge } from '@xyflow/react';
import type { DiagramEdge, DiagramNode } from '../../domain/diagram';
import type { Selection } from '../store/store';
import type { StrataFlowNode } from './StrataNode';

const nodeCache = new WeakMap<DiagramNode, { selected: boolean; flow: StrataFlowNode }>();
const edgeCache = new WeakMap<DiagramEdge, { selected: boolean; flow: Edge }>();

export function flowNodes(nodes: readonly DiagramNode[], selection: Selection): StrataFlowNode[] {
  return nodes.map((node) => {
    const selected = selection.nodes.has(node.id);
    const cached = nodeCache.get(node);
    if (cached && cached.selected === selected) return cached.flow;
    const flow: StrataFlowNode = { id: node.id, type: 'strata', position: node.position, data: { node }, selected };
    nodeCache.set(node, { selected, flow });
    return flow;
  });
}

export function flowEdges(edges: readonly DiagramEdge[], selection: Selection): Edge[] {
  return edges.map((edge) => {
    const selected = selection.edges.has(edge.id);
    const cached = edgeCache.get(edge);
    if (cached && cached.selected === selected) return cached.flow;
    const flow: Edge = {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      selected,
      markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
    };
    edgeCache.set(edge, { selected, flow });
    return flow;
  });
}
