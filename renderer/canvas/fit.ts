/**
 * Bringing nodes into view, from the Diagram. React Flow holds only the nodes near the view
 * (culling.ts), so its own fitView cannot see the rest: the boxes come from the diagram, with the
 * sizes React Flow measured where it has drawn a node.
 */
import { getViewportForBounds, useReactFlow, useStoreApi, type Rect } from '@xyflow/react';
import { useCallback } from 'react';
import type { DiagramNode } from '../../domain/diagram';
import { useDrift } from '../store/drift';
import { useStore } from '../store/store';
import { measuredSize } from './derive';
import { ghostNodes } from './drift';
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

/** A ghost node's box (drift.ts draws them a little taller than a node). */
const GHOST = { width: NODE_SIZE.width, height: NODE_SIZE.height + 4 };

function union(a: Rect | undefined, b: Rect): Rect {
  if (!a) return b;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

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
      const drawn = boundsOf(wanted ? nodes.filter((node) => wanted.has(node.id)) : nodes, !wanted);
      // Fitting everything takes in the ghosts of the last comparison with code, drawn beside it.
      const ghosts = wanted ? [] : ghostNodes(useDrift.getState().drift, nodes);
      const bounds = ghosts.reduce<Rect | undefined>((box, ghost) => union(box, { ...ghost.position, width: GHOST.width, height: GHOST.height }), drawn);
      const { width, height, minZoom, maxZoom } = flow.getState();
      if (!bounds || width === 0 || height === 0) return;
      const viewport = getViewportForBounds(bounds, width, height, minZoom, Math.min(maxZoom, options.maxZoom ?? maxZoom), options.padding);
      void setViewport(viewport, { duration: options.duration });
    },
    [flow, setViewport],
  );
}
