/**
 * Spreads runs apart once every route is found, as libavoid's nudging does: each straight run
 * may slide sideways within the free channel around it (never closer than the clearance to a
 * node, and a run at a port only along its node's side), and runs that lie side by side are
 * pushed at least a gap apart, in an order that avoids crossings where they part. Horizontal
 * runs first, then vertical, then horizontal again for what the vertical pass lengthened.
 */
import { SPACING, type Point } from './geometry';
import type { EdgePorts } from './ports';
import { BoxIndex, type Obstacles } from './spatial';

/** How far a run may be moved from where the search put it, when nothing bounds it. */
export const REACH = 100;
/** A run between two bounds at most this far apart is centred between them. */
const CENTRE_WITHIN = 2 * REACH;

interface Run {
  readonly route: number;
  readonly index: number;
  readonly horizontal: boolean;
  /** The extent along the run. */
  readonly from: number;
  readonly to: number;
  readonly low: number;
  readonly high: number;
  readonly desired: number;
  /** Which way the route turns at each end of the run: -1 towards lower coordinates, 1 higher, 0 none. */
  readonly turnAtFrom: number;
  readonly turnAtTo: number;
}

export interface NudgeInput {
  readonly routes: Point[][];
  readonly ports: readonly EdgePorts[];
  /** Nodes grown by the clearance: runs are centred in the channels these leave. */
  readonly obstacles: Obstacles;
  /** Nodes grown by the least gap: where a channel is crowded, runs may use it up to these. */
  readonly tight: Obstacles;
  /**
   * Routes that stay as they are (already spread, away from what changed): their runs are in
   * the channels for the others to keep their distance from, and are not moved.
   */
  readonly fixed?: readonly boolean[];
}

/**
 * Moves the routes' runs in place. Returns the routes left with a run closer than the least gap
 * beside another's (where the channel had no more room): a caller that held routes still may
 * let those move too and try again.
 */
export function nudge(input: NudgeInput): Set<number> {
  const crowded = new Set<number>();
  spread(input, true, true, crowded);
  spread(input, false, true, crowded);
  spread(input, true, false, crowded);
  return crowded;
}

function spread(input: NudgeInput, horizontal: boolean, centre: boolean, crowded: Set<number>): void {
  const runs = collectRuns(input, horizontal, centre);
  if (runs.length === 0) return;
  runs.sort(compareRuns);
  const constraints = conflicts(runs);
  let places = solve(runs, constraints, SPACING.ideal);
  if (worstGap(places, constraints) < SPACING.least - 0.01) places = solve(runs, constraints, SPACING.least);
  runs.forEach((run, i) => {
    if (!input.fixed?.[run.route]) place(input.routes[run.route], run, places[i]);
  });
  const squeezed = new Set<number>();
  for (const [i, j] of constraints) {
    const [r, t] = [runs[i], runs[j]];
    const alongside = Math.min(r.to, t.to) - Math.max(r.from, t.from) > 0.5;
    const moved = !input.fixed?.[r.route] || !input.fixed?.[t.route];
    if (moved && alongside && r.route !== t.route && places[j] - places[i] < SPACING.least - 0.01) squeezed.add(i).add(j);
  }
  // A squeezed run's neighbours crowd it too, even at a full gap from it: they hold the room it lacks.
  for (const [i, j] of constraints) {
    if (squeezed.has(i) || squeezed.has(j)) crowded.add(runs[i].route).add(runs[j].route);
  }
}

function collectRuns(input: NudgeInput, horizontal: boolean, centre: boolean): Run[] {
  const runs: Run[] = [];
  input.routes.forEach((points, route) => {
    const last = points.length - 2;
    for (let index = 0; index <= last; index++) {
      const a = points[index];
      const b = points[index + 1];
      const isHorizontal = Math.abs(a.y - b.y) < 1e-6;
      if (isHorizontal !== horizontal) continue;
      runs.push(runOf(input, route, index, horizontal, centre));
    }
  });
  return runs;
}

function runOf(input: NudgeInput, route: number, index: number, horizontal: boolean, centre: boolean): Run {
  const points = input.routes[route];
  const a = points[index];
  const b = points[index + 1];
  const along = (p: Point) => (horizontal ? p.x : p.y);
  const across = (p: Point) => (horizontal ? p.y : p.x);
  const coordinate = across(a);
  const [from, to] = [Math.min(along(a), along(b)), Math.max(along(a), along(b))];
  const turn = (end: Point, neighbour: Point | undefined) => (neighbour ? Math.sign(across(neighbour) - across(end)) : 0);
  const turnA = turn(a, points[index - 1]);
  const turnB = turn(b, points[index + 2]);
  const aFirst = along(a) <= along(b);
  const turns = { turnAtFrom: aFirst ? turnA : turnB, turnAtTo: aFirst ? turnB : turnA };
  if (input.fixed?.[route]) return { route, index, horizontal, from, to, low: coordinate, high: coordinate, desired: coordinate, ...turns };
  const [roomLow, roomHigh] = freeRange(input.obstacles, horizontal, coordinate, from, to);
  const bounded = roomLow > coordinate - REACH && roomHigh < coordinate + REACH && roomLow <= roomHigh;
  let [low, high] = freeRange(input.tight, horizontal, coordinate, from, to);
  const ports = input.ports[route];
  let pinned = false;
  if (index === 0) [low, high, pinned] = [Math.max(low, ports.source.slide[0]), Math.min(high, ports.source.slide[1]), true];
  if (index === points.length - 2) [low, high, pinned] = [Math.max(low, ports.target.slide[0]), Math.min(high, ports.target.slide[1]), true];
  if (low > high) [low, high] = [coordinate, coordinate];
  const desired = !pinned && centre && bounded && roomHigh - roomLow <= CENTRE_WITHIN ? (roomLow + roomHigh) / 2 : coordinate;
  return {
    route,
    index,
    horizontal,
    from,
    to,
    low: Math.min(low, coordinate),
    high: Math.max(high, coordinate),
    desired: clamp(desired, Math.min(low, coordinate), Math.max(high, coordinate)),
    ...turns,
  };
}

/** The channel around a run: how far it may slide either way before it comes too near a node. */
function freeRange(obstacles: Obstacles, horizontal: boolean, coordinate: number, from: number, to: number): [number, number] {
  let low = coordinate - REACH;
  let high = coordinate + REACH;
  const near = horizontal ? obstacles.search(from, low, to, high) : obstacles.search(low, from, high, to);
  for (const box of near) {
    const start = horizontal ? box.x : box.y;
    const end = horizontal ? box.x + box.width : box.y + box.height;
    if (start >= to - 1e-6 || end <= from + 1e-6) continue;
    const near1 = horizontal ? box.y : box.x;
    const far1 = horizontal ? box.y + box.height : box.x + box.width;
    if (far1 <= coordinate + 1e-6) low = Math.max(low, far1);
    else if (near1 >= coordinate - 1e-6) high = Math.min(high, near1);
  }
  return [low, high];
}

/** Where runs go in the order they are stacked: by place, and on one line by where they part. */
function compareRuns(s: Run, t: Run): number {
  const along = s.desired - t.desired;
  if (Math.abs(along) > 1e-6) return along;
  let votes = 0;
  if (s.from > t.from + 1e-6) votes += s.turnAtFrom;
  else if (t.from > s.from + 1e-6) votes -= t.turnAtFrom;
  if (s.to < t.to - 1e-6) votes += s.turnAtTo;
  else if (t.to < s.to - 1e-6) votes -= t.turnAtTo;
  if (votes !== 0) return votes;
  return s.route - t.route || s.index - t.index;
}

/** Pairs (i, j), i before j, of runs that lie side by side or end to end and may come close. */
function conflicts(runs: readonly Run[]): [number, number][] {
  const reach = SPACING.ideal;
  const index = new BoxIndex(runs.map((run, i) => ({ x: run.from - reach, y: run.low - reach, width: run.to - run.from + 2 * reach, height: run.high - run.low + 2 * reach, i })));
  const pairs: [number, number][] = [];
  runs.forEach((run, i) => {
    for (const other of index.search(run.from - reach, run.low - reach, run.to + reach, run.high + reach)) {
      const j = other.i;
      if (j <= i) continue;
      const next = runs[j];
      if (next.from >= run.to + reach || run.from >= next.to + reach) continue;
      if (next.low >= run.high + reach || run.low >= next.high + reach) continue;
      pairs.push([i, j]);
    }
  });
  return pairs;
}

/**
 * Places runs in their stacking order with at least `gap` between conflicting neighbours: the
 * lowest and highest place each run can take given everything stacked before and after it, then
 * each run as near its wish as those allow. Runs wishing for one line are fanned out around it.
 */
function solve(runs: readonly Run[], pairs: readonly [number, number][], gap: number): number[] {
  const before = runs.map(() => [] as number[]);
  const after = runs.map(() => [] as number[]);
  for (const [i, j] of pairs) {
    before[j].push(i);
    after[i].push(j);
  }
  const lowest = runs.map((run) => run.low);
  for (let j = 0; j < runs.length; j++) for (const i of before[j]) lowest[j] = Math.max(lowest[j], lowest[i] + gap);
  const highest = runs.map((run) => run.high);
  for (let i = runs.length - 1; i >= 0; i--) for (const j of after[i]) highest[i] = Math.min(highest[i], highest[j] - gap);
  const wishes = fanned(runs, gap);
  const places: number[] = [];
  for (let j = 0; j < runs.length; j++) {
    let floor = lowest[j];
    for (const i of before[j]) floor = Math.max(floor, places[i] + gap);
    const ceiling = Math.max(floor, highest[j]);
    // Bounds win over gaps: a run squeezed closer than the gap beats one crossing a node or leaving its port.
    places.push(clamp(clamp(wishes[j], floor, ceiling), runs[j].low, runs[j].high));
  }
  return places;
}

/** Wishes with runs that wish for the same line spread evenly around it, in stacking order. */
function fanned(runs: readonly Run[], gap: number): number[] {
  const wishes = runs.map((run) => run.desired);
  for (let start = 0; start < runs.length; ) {
    let end = start + 1;
    while (end < runs.length && Math.abs(runs[end].desired - runs[start].desired) < 1e-6) end++;
    const count = end - start;
    for (let k = start; k < end; k++) wishes[k] += (k - start - (count - 1) / 2) * gap;
    start = end;
  }
  return wishes;
}

function worstGap(places: readonly number[], pairs: readonly [number, number][]): number {
  let worst = Infinity;
  for (const [i, j] of pairs) worst = Math.min(worst, places[j] - places[i]);
  return worst;
}

function place(points: Point[], run: Run, at: number): void {
  for (const k of [run.index, run.index + 1]) points[k] = run.horizontal ? { x: points[k].x, y: at } : { x: at, y: points[k].y };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
