/**
 * Bringing nodes into view, from the Diagram. React Flow holds only the nodes near the view
 * (culling.ts), so its own fitView cannot see the rest: the boxes come from the diagram, with the
 * sizes React Flow measured where it has drawn a node.
 */
import { getViewportForBounds, useReactFlow, useStoreApi, type Rect } from '@xyflow/react';
import { useCallback } from 'react';
import type { DiagramNode } from '../../domain/diagram';
import { useStore } from '../store/store';
import { measuredSize } from './derive';
import { featureBoxes, NODE_SIZE } from './features';

/** The box around `nodes` (and, when asked, around their feature boxes), or undefined for none. */
export function boundsOf(nodes: readonly DiagramNode[], withFeatures = false): Rect | undefined {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const node of nodes) {
    const size = measuredSize(node.id) ?? NODE_SIZE;
    minX = Math.min(minX, node.position.x);
    minY = Math.min(minY, node.position.y);
    maxX = Math.max(maxX, node.position.x + size.width);
    maxY = Math.max(maxY, node.position.y + size.height);
  }
  if (withFeatures) {
    for (const box of featureBoxes(nodes)) {
      minX = Math.min(minX, box.x);
      minY = Math.min(minY, box.y);
      maxX = Math.max(maxX, box.x + box.width);
      maxY = Math.max(maxY, box.y + box.height);
    }
  }
  return minX === Infinity ? undefined : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** Pixels or a share of the pane, per side or for all four (React Flow's `Padding`). */
type Padding = Parameters<typeof getViewportForBounds>[5];

export interface FitOptions {
  readonly padding: Padding;
  readonly duration?: number;
  readonly maxZoom?: number;
}

/** Fits the view to the given nodes (all of them, with their feature boxes, when `ids` is absent). */
export function useFitNodes(): (options: FitOptions, ids?: Iterable<string>) => void {
  const { setViewport } = useReactFlow();
  const flow = useStoreApi();
  return useCallback(
    (options, ids) => {
      const { nodes } = useStore.getState().diagram;
      const wanted = ids ? new Set(ids) : undefined;
      const bounds = boundsOf(wanted ? nodes.filter((node) => wanted.has(node.id)) : nodes, !wanted);
      const { width, height, minZoom, maxZoom } = flow.getState();
      if (!bounds || width === 0 || height === 0) return;
      const viewport = getViewportForBounds(bounds, width, height, minZoom, Math.min(maxZoom, options.maxZoom ?? maxZoom), options.padding);
      void setViewport(viewport, { duration: options.duration });
    },
    [flow, setViewport],
  );
}
