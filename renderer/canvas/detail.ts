/**
 * Level of detail: how much of each node and edge the canvas draws at the current zoom. Far out,
 * nodes drop their kind line; at an overview zoom, icons become chips, handles go, and edges are
 * drawn as one layer (OverviewEdges) instead of a React Flow edge each. A picture is always taken
 * in full detail, whatever the zoom on screen.
 */
import { create } from 'zustand';

export type Detail = 'near' | 'far' | 'overview';

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

/** Set while a picture is taken: the canvas then draws everything, on screen or not, in full. */
export const useFullDetail = create<{ on: boolean }>()(() => ({ on: false }));

export async function inFullDetail<T>(work: () => Promise<T>): Promise<T> {
  useFullDetail.setState({ on: true });
  try {
    // Two frames: one for React to commit, one for React Flow to measure what it mounted.
    await nextFrame();
    await nextFrame();
    return await work();
  } finally {
    useFullDetail.setState({ on: false });
  }
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
