/**
 * Where the mini map stands: shown or hidden by the user (remembered in this browser profile),
 * and moved out of the way of the diagram. It takes the bottom-right corner unless nodes or notes
 * lie under it there, then the top-right one, and steps aside altogether when both are taken.
 * Judged when the view or the diagram has settled, never on every pan or drag frame.
 */
import { useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { create } from 'zustand';
import { notesOf, type Diagram } from '../../domain/diagram';
import { boxOf, NOTE_SIZE } from '../align/boxes';
import { NODE_SIZE } from '../canvas/features';
import { onCommand } from '../commands';
import { useStore } from '../store/store';

export type MinimapPlace = 'bottom' | 'top' | 'aside';

const KEY = 'strata.minimap';
/** The map's size and React Flow's panel margin, in screen pixels (styles.css). */
const MAP = { width: 160, height: 110, margin: 15 } as const;
/** Room kept free around the map so that a node just beside it is not half hidden either. */
const CLEARANCE = 8;
const SETTLE_MS = 150;

function remembered(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'hidden';
  } catch {
    return true;
  }
}

export const useMinimap = create<{ shown: boolean; place: MinimapPlace }>(() => ({ shown: remembered(), place: 'bottom' }));

export function toggleMinimap(): void {
  const shown = !useMinimap.getState().shown;
  try {
    localStorage.setItem(KEY, shown ? 'shown' : 'hidden');
  } catch {
    // Storage refused (a private window): the choice holds until the window closes.
  }
  useMinimap.setState({ shown });
}

interface View {
  readonly transform: readonly [number, number, number];
  readonly width: number;
  readonly height: number;
}

/** The first corner whose spot, seen on the canvas, holds no node or note. */
export function placeFor(diagram: Diagram, view: View): MinimapPlace {
  const [tx, ty, zoom] = view.transform;
  const left = view.width - MAP.margin - MAP.width - CLEARANCE;
  const right = view.width - MAP.margin + CLEARANCE;
  const spots: [MinimapPlace, number][] = [
    ['bottom', view.height - MAP.margin - MAP.height - CLEARANCE],
    ['top', MAP.margin - CLEARANCE],
  ];
  for (const [place, top] of spots) {
    const spot = { x: (left - tx) / zoom, y: (top - ty) / zoom, width: (right - left) / zoom, height: (MAP.height + 2 * CLEARANCE) / zoom };
    if (!occupied(diagram, spot)) return place;
  }
  return 'aside';
}

function occupied(diagram: Diagram, spot: { x: number; y: number; width: number; height: number }): boolean {
  const overlaps = (id: string, position: { x: number; y: number }, size: { width: number; height: number }) => {
    const box = boxOf(id, position, size);
    return box.x < spot.x + spot.width && box.x + box.width > spot.x && box.y < spot.y + spot.height && box.y + box.height > spot.y;
  };
  return diagram.nodes.some((node) => overlaps(node.id, node.position, NODE_SIZE)) || notesOf(diagram).some((note) => overlaps(note.id, note.position, NOTE_SIZE));
}

/** Keeps the map's place up to date while the canvas is mounted. */
export function useMinimapPlacement(): void {
  const flow = useStoreApi();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const judge = () => {
      timer = undefined;
      const { gestureStart, diagram } = useStore.getState();
      // Mid-drag the map stays put; the drag's end is an edit and judges again.
      if (gestureStart !== null) return;
      const place = placeFor(diagram, flow.getState() as unknown as View);
      if (place !== useMinimap.getState().place) useMinimap.setState({ place });
    };
    const later = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(judge, SETTLE_MS);
    };
    judge();
    const stopFlow = flow.subscribe((state, previous) => {
      if (state.transform !== previous.transform || state.width !== previous.width || state.height !== previous.height) later();
    });
    const stopStore = useStore.subscribe((state, previous) => {
      if (state.diagram !== previous.diagram || state.gestureStart !== previous.gestureStart) later();
    });
    return () => {
      stopFlow();
      stopStore();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [flow]);
}

onCommand('toggle-minimap', toggleMinimap);
