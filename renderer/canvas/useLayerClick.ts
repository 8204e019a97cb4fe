/**
 * A click on an edge of the plain edge layer selects it as a click on any edge does: that edge
 * alone, or with Shift, Ctrl or Cmd added to (or taken from) the selection. Taken in the capture
 * phase, before React Flow's pane clears the selection.
 */
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback, type MouseEvent } from 'react';
import type { DiagramEdge } from '../../domain/diagram';
import { NODE_BOX, boxOf, provisionalRoute, type Route } from '../../domain/routing';
import { useRoutes } from '../routing/routes';
import { useStore } from '../store/store';
import { edgeAt, reachAt } from './layerHit';
import { diagramIndex } from './useCulled';

export function useLayerClick(layer: readonly DiagramEdge[]): (event: MouseEvent) => void {
  const { screenToFlowPosition } = useReactFlow();
  const flow = useStoreApi();
  return useCallback(
    (event: MouseEvent) => {
      if (!(event.target instanceof Element) || !event.target.classList.contains('react-flow__pane')) return;
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const edge = edgeAt(point, layer, routeOf, reachAt(flow.getState().transform[2]));
      if (!edge) return;
      event.stopPropagation();
      const { selection, select } = useStore.getState();
      if (!(event.shiftKey || event.ctrlKey || event.metaKey)) {
        select({ nodes: new Set(), edges: new Set([edge.id]) });
        return;
      }
      const edges = new Set(selection.edges);
      if (edges.has(edge.id)) edges.delete(edge.id);
      else edges.add(edge.id);
      select({ ...selection, edges });
    },
    [layer, screenToFlowPosition, flow],
  );
}

/** Where the edge is drawn: its route, or the plain elbow drawn before it has one. */
function routeOf(edge: DiagramEdge): Route | undefined {
  const route = useRoutes.getState().routes.get(edge.id);
  if (route) return route.points;
  const source = diagramIndex.node(edge.source);
  const target = diagramIndex.node(edge.target);
  if (!source || !target) return undefined;
  return provisionalRoute(boxOf({ id: source.id, position: source.position, size: NODE_BOX }), boxOf({ id: target.id, position: target.position, size: NODE_BOX }), source === target);
}
