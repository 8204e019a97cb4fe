/**
 * Level of detail: how much of each node and edge the canvas draws at the current zoom. Far out,
 * nodes drop their kind line; at an overview zoom, icons become chips, handles go, and edges are
 * drawn as one layer (OverviewEdges) instead of a React Flow edge each. Pictures are built from
 * the diagram (picture/svg.tsx), so they are always in full detail, whatever the zoom on screen.
 */
import { createContext, startTransition, useEffect, useState } from 'react';

export type Detail = 'near' | 'far' | 'overview';

/** The canvas's level of detail, for what nodes draw; it changes only when the zoom crosses a level. */
export const DetailContext = createContext<Detail>('near');

/** Below this zoom a node is a few pixels tall: nothing on it can be read, grabbed or clicked. */
const OVERVIEW_BELOW = 0.4;
const FAR_BELOW = 0.75;

export function detailAt(zoom: number): Detail {
  if (zoom < OVERVIEW_BELOW) return 'overview';
  return zoom < FAR_BELOW ? 'far' : 'near';
}

/** The canvas's classes for a level of detail (styles.css keys on them). */
export function detailClasses(detail: Detail): string {
  return { near: 'zoom-near', far: 'zoom-far', overview: 'zoom-far zoom-overview' }[detail];
}

/**
 * The level of detail nodes are drawn at: `detail`, caught up in a transition. Crossing into or
 * out of an overview re-renders every node React Flow holds (their handles change), thousands at
 * a zoom out; as a transition React does that in slices between frames, not in one long task.
 */
export function useNodeDetail(detail: Detail): Detail {
  const [shown, setShown] = useState(detail);
  useEffect(() => {
    if (shown !== detail) startTransition(() => setShown(detail));
  }, [detail, shown]);
  return shown;
}
