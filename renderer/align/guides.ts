/**
 * Alignment guides while dragging: when a drag starts, the edges and middles of the nodes and
 * notes in view are sorted once; each drag frame then snaps the dragged set to the nearest of
 * them within a few screen pixels and shows the lines it shares. Snapping to the grid, when on,
 * takes precedence, and dragging a feature box moves its members without guides.
 */
import { useStoreApi, type Node } from '@xyflow/react';
import { useMemo } from 'react';
import { create } from 'zustand';
import { guideTargets, snapBox, type Guide, type GuideTargets } from '../../domain/align';
import type { Position } from '../../domain/diagram';
import { useStore } from '../store/store';
import { boxesOf, boxesWithin } from './boxes';

/** How near, in screen pixels, a line must come to be snapped to. */
const REACH = 6;
/**
 * Above this many nodes in view (zoomed out over a large diagram) no guides are offered: sorting
 * their lines would hold up the drag's first frame, and lines a pixel apart guide no one.
 */
const MAX_TARGETS = 1500;

interface Session {
  /** The dragged nodes' and notes' sizes, looked up once: a frame then touches only them. */
  readonly dragged: ReadonlyMap<string, { readonly width: number; readonly height: number }>;
  readonly targets: GuideTargets;
  readonly threshold: number;
}

let session: Session | null = null;

export const useGuideLines = create<{ guides: readonly Guide[] }>(() => ({ guides: [] }));

interface View {
  readonly transform: readonly [number, number, number];
  readonly width: number;
  readonly height: number;
}

function start(dragged: readonly Node[], view: View): void {
  const { diagram, snapToGrid } = useStore.getState();
  if (snapToGrid || dragged.length === 0 || dragged.some((node) => node.type !== 'strata' && node.type !== 'note')) {
    session = null;
    return;
  }
  const [tx, ty, zoom] = view.transform;
  const seen = { x: -tx / zoom, y: -ty / zoom, width: view.width / zoom, height: view.height / zoom };
  const ids = new Set(dragged.map((node) => node.id));
  const sizes = new Map(boxesOf(diagram, ids).map((box) => [box.id, { width: box.width, height: box.height }] as const));
  const still = boxesWithin(diagram, ids, seen);
  session = still.length > MAX_TARGETS ? null : { dragged: sizes, targets: guideTargets(still), threshold: REACH / zoom };
}

/** The drag handlers that start a session with what React Flow is about to move. */
export function useAlignmentGuides() {
  const flow = useStoreApi();
  return useMemo(() => {
    const view = () => flow.getState() as unknown as View;
    return {
      onNodeDragStart: (_event: unknown, _node: Node, dragged: Node[]) => start(dragged, view()),
      onSelectionDragStart: (_event: unknown, dragged: Node[]) => start(dragged, view()),
    };
  }, [flow]);
}

/** Moves a drag frame's new positions (rounded canvas positions, by id) onto the nearest guides, in place. */
export function snapToGuides(positions: Map<string, Position>): void {
  if (!session || positions.size === 0) return;
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [id, position] of positions) {
    const size = session.dragged.get(id);
    if (!size) return;
    left = Math.min(left, position.x);
    top = Math.min(top, position.y);
    right = Math.max(right, position.x + size.width);
    bottom = Math.max(bottom, position.y + size.height);
  }
  const snap = snapBox({ id: '', x: left, y: top, width: right - left, height: bottom - top }, session.targets, session.threshold);
  const dx = Math.round(snap.dx);
  const dy = Math.round(snap.dy);
  if (dx !== 0 || dy !== 0) {
    for (const [id, position] of positions) positions.set(id, { x: position.x + dx, y: position.y + dy });
  }
  show(snap.guides);
}

/** Ends the drag's session and takes its guides away. */
export function endGuides(): void {
  session = null;
  show([]);
}

function show(guides: readonly Guide[]): void {
  const shown = useGuideLines.getState().guides;
  if (shown.length === 0 && guides.length === 0) return;
  if (JSON.stringify(shown) !== JSON.stringify(guides)) useGuideLines.setState({ guides });
}
