/**
 * The shortest orthogonal path between two points that keeps clear of every node, on the grid
 * of lines through the nodes' clearance borders near the two points (an orthogonal visibility
 * grid, as in libavoid). A* with a price on each bend. Routes that take one channel are spread
 * apart afterwards (nudge.ts); a price on channels that earlier routes use made the search explore
 * its whole window (the price dwarfs the distance the heuristic knows of) and sent routes on
 * detours of many bends that crowded other channels instead, and was dropped.
 */
import { SPACING, strictlyInside, type Box, type Point } from './geometry';
import type { Obstacles } from './spatial';

/** Directions of travel: +x, -x, +y, -y. */
export type Heading = 0 | 1 | 2 | 3;
const STEP: readonly [number, number][] = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
];
const OPPOSITE: readonly Heading[] = [1, 0, 3, 2];
/** The axis of each heading: 0 along x, 1 along y. */
const AXIS: readonly number[] = [0, 0, 1, 1];
const BEND_COST = 36;
/** The heuristic is weighted (weighted A*): routes a little longer than the shortest, found many times faster. */
const GREED = 1.5;
/** A window bigger than this is not searched (memory); the caller falls back. */
const MAX_STATES = 6_000_000;

export interface SearchProblem {
  readonly start: Point;
  /** The heading the route has as it leaves the start (away from its node). */
  readonly startHeading: Heading;
  readonly goal: Point;
  /** The heading the route must have as it reaches the goal (towards its node). */
  readonly goalHeading: Heading;
  /** Nodes grown by the clearance. */
  readonly obstacles: Obstacles;
}

/** Windows tried one after the other: around the two ends, then wider, then everything. */
const MARGINS = [120, 640, Infinity];

export function findPath(problem: SearchProblem, bounds: Box): Point[] | null {
  for (const margin of MARGINS) {
    const path = searchWindow(problem, windowOf(problem, bounds, margin));
    if (path) return path;
  }
  return null;
}

function windowOf({ start, goal }: SearchProblem, bounds: Box, margin: number): Box {
  if (margin === Infinity) {
    const pad = 4 * SPACING.clearance;
    const left = Math.min(bounds.x, start.x, goal.x) - pad;
    const top = Math.min(bounds.y, start.y, goal.y) - pad;
    const right = Math.max(bounds.x + bounds.width, start.x, goal.x) + pad;
    const bottom = Math.max(bounds.y + bounds.height, start.y, goal.y) + pad;
    return { x: left, y: top, width: right - left, height: bottom - top };
  }
  const left = Math.min(start.x, goal.x) - margin;
  const top = Math.min(start.y, goal.y) - margin;
  return { x: left, y: top, width: Math.abs(start.x - goal.x) + 2 * margin, height: Math.abs(start.y - goal.y) + 2 * margin };
}

function searchWindow(problem: SearchProblem, window: Box): Point[] | null {
  const right = window.x + window.width;
  const bottom = window.y + window.height;
  const near = problem.obstacles.search(window.x, window.y, right, bottom);
  const xs = coordinates([problem.start.x, problem.goal.x, window.x, right], near, true, window.x, right);
  const ys = coordinates([problem.start.y, problem.goal.y, window.y, bottom], near, false, window.y, bottom);
  return astar(problem, xs, ys, near);
}

/** The sorted, distinct grid lines along one axis: the fixed ones and the boxes' sides within [low, high]. */
function coordinates(fixed: readonly number[], boxes: readonly Box[], alongX: boolean, low: number, high: number): number[] {
  // A typed array sorts numbers without a comparator call per pair.
  const all = new Float64Array(fixed.length + 2 * boxes.length);
  let count = 0;
  for (const value of fixed) all[count++] = value;
  for (const box of boxes) {
    const start = alongX ? box.x : box.y;
    const end = start + (alongX ? box.width : box.height);
    if (start >= low && start <= high) all[count++] = start;
    if (end >= low && end <= high) all[count++] = end;
  }
  const sorted = all.subarray(0, count).sort();
  const lines: number[] = [];
  for (const value of sorted) if (lines.length === 0 || value - lines[lines.length - 1] > 1e-6) lines.push(value);
  return lines;
}

/**
 * Buffers of the search, kept from one search to the next and grown as needed: most searches are
 * small, and allocating and clearing arrays the size of the window was most of their cost. A
 * state's entries count only when its stamp is the current search's.
 */
class Buffers {
  cost = new Float64Array(0);
  from = new Int32Array(0);
  seen = new Uint32Array(0);
  closed = new Uint32Array(0);
  /** Grid steps that run through a node, keyed as astar keys them. */
  blocked = new Uint32Array(0);
  stamp = 0;
  readonly open = new Heap();

  /** Ready for a search of `states` states; returns its stamp. */
  begin(states: number): number {
    if (this.cost.length < states) {
      const size = Math.max(states, 2 * this.cost.length);
      this.cost = new Float64Array(size);
      this.from = new Int32Array(size);
      this.seen = new Uint32Array(size);
      this.closed = new Uint32Array(size);
      this.blocked = new Uint32Array(size);
      this.stamp = 0;
    }
    this.open.clear();
    return ++this.stamp;
  }
}

let buffers: Buffers | undefined;

function astar(problem: SearchProblem, xs: readonly number[], ys: readonly number[], obstacles: readonly Box[]): Point[] | null {
  const width = xs.length;
  const states = width * ys.length * 2;
  if (2 * states > MAX_STATES) return null;
  buffers ??= new Buffers();
  const stamp = buffers.begin(states);
  const { cost, from, seen, closed, blocked, open } = buffers;
  markBlocked(obstacles, xs, ys, stamp, buffers);
  const costOf = (state: number) => (seen[state] === stamp ? cost[state] : Infinity);
  const sx = xs.indexOf(problem.start.x);
  const sy = ys.indexOf(problem.start.y);
  const gx = xs.indexOf(problem.goal.x);
  const gy = ys.indexOf(problem.goal.y);
  // A state is a grid point and the axis the route runs along there: a route never turns back
  // on itself, so the axis and the point it came from say its heading, with half the states of four headings.
  const stateOf = (ix: number, iy: number, axis: number) => (iy * width + ix) * 2 + axis;
  const reach = (state: number, total: number, previous: number) => {
    seen[state] = stamp;
    cost[state] = total;
    from[state] = previous;
  };
  // Manhattan distance, plus one bend wherever the two points are not on one line.
  const heuristic = (ix: number, iy: number) => {
    const dx = Math.abs(xs[ix] - problem.goal.x);
    const dy = Math.abs(ys[iy] - problem.goal.y);
    return GREED * (dx + dy + (dx > 1e-6 && dy > 1e-6 ? BEND_COST : 0));
  };
  const first = stateOf(sx, sy, AXIS[problem.startHeading]);
  reach(first, 0, -1);
  open.push(first, heuristic(sx, sy));
  while (open.size > 0) {
    const state = open.pop();
    if (closed[state] === stamp) continue;
    closed[state] = stamp;
    const axis = state % 2;
    const cell = (state - axis) / 2;
    const ix = cell % width;
    const iy = (cell - ix) / width;
    if (ix === gx && iy === gy) {
      const goalAxis = AXIS[problem.goalHeading];
      if (axis === goalAxis && arrivesFrom(from[state], width, ix, iy) === OPPOSITE[problem.goalHeading]) continue;
      if (axis === goalAxis) return trace(state, from, xs, ys, width);
      const turned = stateOf(ix, iy, goalAxis);
      if (cost[state] + BEND_COST < costOf(turned)) {
        reach(turned, cost[state] + BEND_COST, state);
        open.push(turned, cost[turned]);
      }
      continue;
    }
    for (let next = 0 as Heading; next < 4; next++) {
      const nx = ix + STEP[next][0];
      const ny = iy + STEP[next][1];
      if (nx < 0 || ny < 0 || nx >= width || ny >= ys.length) continue;
      const target = stateOf(nx, ny, AXIS[next]);
      if (closed[target] === stamp) continue;
      // A step is keyed by its lower-left grid point and whether it runs along x or y.
      const stepKey = (Math.min(iy, ny) * width + Math.min(ix, nx)) * 2 + (next < 2 ? 0 : 1);
      if (blocked[stepKey] === stamp) continue;
      const step = Math.abs(xs[nx] - xs[ix]) + Math.abs(ys[ny] - ys[iy]) + (AXIS[next] === axis ? 0 : BEND_COST);
      const total = cost[state] + step;
      if (total < costOf(target)) {
        reach(target, total, state);
        open.push(target, total + heuristic(nx, ny));
      }
    }
  }
  return null;
}

/**
 * Marks every grid step that runs through an obstacle (its middle or an end strictly inside) as
 * impassable, box by box over the few grid lines each box spans: cheaper than asking an index
 * about each step the search takes.
 */
function markBlocked(boxes: readonly Box[], xs: readonly number[], ys: readonly number[], stamp: number, buffers: Buffers): void {
  const width = xs.length;
  const { blocked } = buffers;
  const block = (key: number) => {
    blocked[key] = stamp;
  };
  for (const box of boxes) {
    const x0 = Math.max(0, firstAtLeast(xs, box.x) - 1);
    const x1 = Math.min(width - 1, firstAtLeast(xs, box.x + box.width));
    const y0 = Math.max(0, firstAtLeast(ys, box.y) - 1);
    const y1 = Math.min(ys.length - 1, firstAtLeast(ys, box.y + box.height));
    for (let iy = y0; iy <= y1; iy++) {
      for (let ix = x0; ix <= x1; ix++) {
        const x = xs[ix];
        const y = ys[iy];
        const here = strictlyInside(box, x, y);
        if (ix < width - 1 && (here || strictlyInside(box, (x + xs[ix + 1]) / 2, y) || strictlyInside(box, xs[ix + 1], y))) block((iy * width + ix) * 2);
        if (iy < ys.length - 1 && (here || strictlyInside(box, x, (y + ys[iy + 1]) / 2) || strictlyInside(box, x, ys[iy + 1]))) block((iy * width + ix) * 2 + 1);
      }
    }
  }
}

/** The index of the first value not below `value` in sorted `values` (their length if none). */
function firstAtLeast(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The heading of the step that reached grid point (ix, iy) from the state `previous`, or -1 at the start. */
function arrivesFrom(previous: number, width: number, ix: number, iy: number): number {
  if (previous < 0) return -1;
  const cell = Math.floor(previous / 2);
  const [px, py] = [cell % width, Math.floor(cell / width)];
  if (px !== ix) return px < ix ? 0 : 1;
  if (py !== iy) return py < iy ? 2 : 3;
  return -1;
}

function trace(end: number, from: Int32Array, xs: readonly number[], ys: readonly number[], width: number): Point[] {
  const points: Point[] = [];
  for (let state = end; state !== -1; state = from[state]) {
    const cell = Math.floor(state / 2);
    points.push({ x: xs[cell % width], y: ys[Math.floor(cell / width)] });
  }
  return points.reverse();
}

/** A binary min-heap of state numbers by priority. */
class Heap {
  private readonly items: number[] = [];
  private readonly priorities: number[] = [];

  get size(): number {
    return this.items.length;
  }

  clear(): void {
    this.items.length = 0;
    this.priorities.length = 0;
  }

  push(item: number, priority: number): void {
    const { items, priorities } = this;
    let i = items.length;
    items.push(item);
    priorities.push(priority);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (priorities[parent] <= priority) break;
      items[i] = items[parent];
      priorities[i] = priorities[parent];
      i = parent;
    }
    items[i] = item;
    priorities[i] = priority;
  }

  pop(): number {
    const { items, priorities } = this;
    const top = items[0];
    const lastItem = items.pop()!;
    const lastPriority = priorities.pop()!;
    if (items.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child = right < items.length && priorities[right] < priorities[left] ? right : left;
      if (priorities[child] >= lastPriority) break;
      items[i] = items[child];
      priorities[i] = priorities[child];
      i = child;
    }
    items[i] = lastItem;
    priorities[i] = lastPriority;
    return top;
  }
}
