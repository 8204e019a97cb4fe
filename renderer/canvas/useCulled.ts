/**
 * The Diagram's nodes and edges near the viewport, for React Flow (see culling.ts). Canvas
 * re-renders when the diagram or the selection changes, or when the view leaves its window; a
 * pan inside the window costs no render at all.
 */
import { useStore as useFlowStore, type ReactFlowState } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import type { Diagram } from '../../domain/diagram';
import { cull, cullWindow, DiagramIndex, type Box, type Culled } from './culling';
import { measuredSize } from './derive';

/** One index for the one canvas, kept in step with the store's diagram. */
export const diagramIndex = new DiagramIndex(measuredSize);

/** The window as a string, so React Flow's store updates re-render nothing while it stays the same. */
function windowKey(state: ReactFlowState): string {
  const box = cullWindow(state.transform, state.width, state.height);
  return `${box.minX} ${box.minY} ${box.maxX} ${box.maxY}`;
}

function boxOf(key: string): Box {
  const [minX, minY, maxX, maxY] = key.split(' ').map(Number);
  return { minX, minY, maxX, maxY };
}

/** `everything` hands React Flow the whole diagram (a picture draws what is off screen too). */
export function useCulled(diagram: Diagram, always: ReadonlySet<string>, everything: boolean): Culled {
  const key = useFlowStore(windowKey);
  const last = useRef<Culled>({ nodes: [], edges: [] });
  return useMemo(() => {
    diagramIndex.sync(diagram.nodes, diagram.edges);
    const next = everything ? { nodes: diagram.nodes, edges: diagram.edges } : cull(diagramIndex, boxOf(key), always);
    // A drag changes the dragged node and nothing else: the lists that did not change are handed
    // back as they were, so React Flow does not take in every edge again on every frame.
    const kept = { nodes: sameItems(last.current.nodes, next.nodes), edges: sameItems(last.current.edges, next.edges) };
    last.current = { nodes: kept.nodes ?? next.nodes, edges: kept.edges ?? next.edges };
    return last.current;
  }, [diagram.nodes, diagram.edges, key, always, everything]);
}

/** `before` when both lists hold the same items in the same order, else undefined. */
function sameItems<T>(before: readonly T[], after: readonly T[]): readonly T[] | undefined {
  if (before.length !== after.length) return undefined;
  for (let i = 0; i < after.length; i++) if (before[i] !== after[i]) return undefined;
  return before;
}
