/**
 * A diagram opened from a file is never left outside the view: the view stays where it was when a
 * file opens (a user's place on the canvas, and what the canvas bench sets up), so one saved
 * elsewhere on the canvas opened onto a blank one. When no node of it is in view, it is fitted (at
 * most at 100 %) if it reads that way, and a diagram too large for that is shown with its middle at
 * 100 %, where people work.
 */
import { getViewportForBounds, useReactFlow, useStoreApi, type Rect, type Viewport } from '@xyflow/react';
import { useEffect } from 'react';
import { useStore } from '../store/store';
import { FIT_PADDING } from './Canvas';
import { NODE_SIZE } from './features';
import { boundsOf } from './fit';

/** Below this zoom a whole diagram is a picture, not something to read and edit. */
const READABLE_ZOOM = 0.5;

export function useShowOpened(): void {
  const opened = useStore((state) => state.opened);
  const flow = useStoreApi();
  const { setViewport } = useReactFlow();
  useEffect(() => {
    if (opened === 0) return;
    const { nodes } = useStore.getState().diagram;
    const bounds = boundsOf(nodes, true);
    const { width, height, transform, minZoom } = flow.getState();
    if (!bounds || width === 0 || height === 0) return;
    const now = { x: transform[0], y: transform[1], zoom: transform[2] };
    if (nodes.some((node) => touches(now, width, height, { ...node.position, ...NODE_SIZE }))) return;
    const fitted = getViewportForBounds(bounds, width, height, minZoom, 1, FIT_PADDING);
    void setViewport(fitted.zoom >= READABLE_ZOOM ? fitted : middleAt100(bounds, width, height));
  }, [opened, flow, setViewport]);
}

/** Whether the pane of `width` × `height` at `viewport` shows some of `box`. */
export function touches(viewport: Viewport, width: number, height: number, box: Rect): boolean {
  const left = -viewport.x / viewport.zoom;
  const top = -viewport.y / viewport.zoom;
  return box.x + box.width > left && box.y + box.height > top && box.x < left + width / viewport.zoom && box.y < top + height / viewport.zoom;
}

/** The viewport at 100 % with the middle of `box` in the middle of the pane. */
export function middleAt100(box: Rect, width: number, height: number): Viewport {
  return { x: width / 2 - (box.x + box.width / 2), y: height / 2 - (box.y + box.height / 2), zoom: 1 };
}
