/**
 * Alignment as pure geometry: lining boxes up, spacing them evenly, and the guides a drag snaps
 * to. Boxes are what the canvas draws (a node's or a note's position and measured size); the
 * results are positions for a `move-nodes` edit, so each action is one undo step.
 */
import type { Position } from './diagram';

export interface Box {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export type Alignment = 'left' | 'centre' | 'right' | 'top' | 'middle' | 'bottom';
export type Axis = 'x' | 'y';

/** The start, middle and end of a box along an axis: the three lines a box can be aligned by. */
function anchors(box: Box, axis: Axis): readonly [number, number, number] {
  const start = axis === 'x' ? box.x : box.y;
  const size = axis === 'x' ? box.width : box.height;
  return [start, start + size / 2, start + size];
}

const ALIGNMENT: Readonly<Record<Alignment, { readonly axis: Axis; readonly anchor: 0 | 1 | 2 }>> = {
  left: { axis: 'x', anchor: 0 },
  centre: { axis: 'x', anchor: 1 },
  right: { axis: 'x', anchor: 2 },
  top: { axis: 'y', anchor: 0 },
  middle: { axis: 'y', anchor: 1 },
  bottom: { axis: 'y', anchor: 2 },
};

/**
 * New positions that line the boxes up as design tools do: to the outermost edge (left, right,
 * top, bottom) or to the middle of the boxes' common bounds (centre, middle). Boxes already in
 * place are left out.
 */
export function alignBoxes(boxes: readonly Box[], alignment: Alignment): Map<string, Position> {
  const { axis, anchor } = ALIGNMENT[alignment];
  const moved = new Map<string, Position>();
  if (boxes.length < 2) return moved;
  const starts = boxes.map((box) => anchors(box, axis)[0]);
  const ends = boxes.map((box) => anchors(box, axis)[2]);
  const low = Math.min(...starts);
  const high = Math.max(...ends);
  const line = anchor === 0 ? low : anchor === 2 ? high : (low + high) / 2;
  for (const box of boxes) {
    const size = axis === 'x' ? box.width : box.height;
    const start = Math.round(line - (size * anchor) / 2);
    if (start !== (axis === 'x' ? box.x : box.y)) moved.set(box.id, axis === 'x' ? { x: start, y: box.y } : { x: box.x, y: start });
  }
  return moved;
}

/**
 * New positions that leave equal gaps between the boxes along an axis, in their present order;
 * the first and the last stay where they are. Fewer than three boxes have nothing to spread.
 */
export function distributeBoxes(boxes: readonly Box[], axis: Axis): Map<string, Position> {
  const moved = new Map<string, Position>();
  if (boxes.length < 3) return moved;
  const sorted = [...boxes].sort((a, b) => anchors(a, axis)[1] - anchors(b, axis)[1]);
  const size = (box: Box) => (axis === 'x' ? box.width : box.height);
  const first = anchors(sorted[0]!, axis)[0];
  const last = anchors(sorted[sorted.length - 1]!, axis)[2];
  const gap = (last - first - sorted.reduce((sum, box) => sum + size(box), 0)) / (sorted.length - 1);
  let at = first;
  for (const box of sorted) {
    const start = Math.round(at);
    if (start !== (axis === 'x' ? box.x : box.y)) moved.set(box.id, axis === 'x' ? { x: start, y: box.y } : { x: box.x, y: start });
    at += size(box) + gap;
  }
  return moved;
}

/** A line drawn while dragging: at `at` along `axis` (x: a vertical line), from `from` to `to` across it. */
export interface Guide {
  readonly axis: Axis;
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

/** What a drag snaps to: the anchors of the boxes standing still, sorted once when the drag starts. */
export interface GuideTargets {
  readonly x: readonly Line[];
  readonly y: readonly Line[];
}

interface Line {
  readonly at: number;
  readonly box: Box;
}

export function guideTargets(boxes: readonly Box[]): GuideTargets {
  const lines = (axis: Axis) =>
    boxes.flatMap((box) => anchors(box, axis).map((at) => ({ at, box }))).sort((a, b) => a.at - b.at);
  return { x: lines('x'), y: lines('y') };
}

export interface Snap {
  /** How far to move the dragged box so that it lines up; 0 on an axis with nothing near. */
  readonly dx: number;
  readonly dy: number;
  readonly guides: readonly Guide[];
}

/**
 * Where a dragged box snaps: on each axis, the nearest still box's edge or middle within
 * `threshold` of one of its own, and the guides that show every line it then shares.
 */
export function snapBox(moving: Box, targets: GuideTargets, threshold: number): Snap {
  const dx = nearestShift(anchors(moving, 'x'), targets.x, threshold);
  const dy = nearestShift(anchors(moving, 'y'), targets.y, threshold);
  const placed = { ...moving, x: moving.x + dx, y: moving.y + dy };
  return { dx, dy, guides: [...guidesOn(placed, targets.x, 'x'), ...guidesOn(placed, targets.y, 'y')] };
}

function nearestShift(own: readonly number[], lines: readonly Line[], threshold: number): number {
  let best: number | undefined;
  for (const value of own) {
    for (let i = lowerBound(lines, value - threshold); i < lines.length && lines[i]!.at <= value + threshold; i++) {
      const shift = lines[i]!.at - value;
      if (best === undefined || Math.abs(shift) < Math.abs(best)) best = shift;
    }
  }
  return best ?? 0;
}

/** One guide per line the placed box shares with still boxes, spanning all of them. */
function guidesOn(placed: Box, lines: readonly Line[], axis: Axis): Guide[] {
  const across = (box: Box) => (axis === 'x' ? [box.y, box.y + box.height] : [box.x, box.x + box.width]);
  const guides: Guide[] = [];
  for (const value of new Set(anchors(placed, axis))) {
    const [from, to] = across(placed) as [number, number];
    let low = from;
    let high = to;
    let found = false;
    for (let i = lowerBound(lines, value - 0.5); i < lines.length && lines[i]!.at <= value + 0.5; i++) {
      const [start, end] = across(lines[i]!.box) as [number, number];
      low = Math.min(low, start);
      high = Math.max(high, end);
      found = true;
    }
    if (found) guides.push({ axis, at: value, from: low, to: high });
  }
  return guides;
}

/** The first line at or after `value`. */
function lowerBound(lines: readonly Line[], value: number): number {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (lines[mid]!.at < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
