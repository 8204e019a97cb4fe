/**
 * Mending a route that a move blocks or frees without touching its ends: only the stretch of it
 * inside the moved area is searched again, from where the route enters the area to where it
 * leaves it, and spliced in. A long route past a dragged node then costs a search the size of the
 * node's surroundings, not one the size of the route (which grows with the diagram).
 */
import { SPACING, simplify, type Box, type Point } from './geometry';
import { findPath, type Heading } from './search';
import type { Obstacles } from './spatial';

/** How far around the moved nodes the mended stretch begins and ends. */
const ROOM = 4 * SPACING.clearance;

/** The route with its stretch in `area` searched again, or null where it cannot be mended so (the caller searches it whole). */
export function repair(points: readonly Point[], area: Box, obstacles: Obstacles, bounds: Box): Point[] | null {
  const zone = { x: area.x - ROOM, y: area.y - ROOM, width: area.width + 2 * ROOM, height: area.height + 2 * ROOM };
  const entry = enter(points, zone);
  const exit = enter([...points].reverse(), zone);
  if (!entry || !exit) return null;
  const last = points.length - 2;
  const [first, final] = [entry.run, last - exit.run];
  if (first > final || (first === final && sameSpot(entry.point, exit.point))) return null;
  const problem = { start: entry.point, goal: exit.point, startHeading: headingOf(points[first], points[first + 1]), goalHeading: headingOf(points[final], points[final + 1]), obstacles };
  const path = findPath(problem, bounds);
  if (!path) return null;
  return simplify([...points.slice(0, first + 1), ...path, ...points.slice(final + 1)]);
}

/** Where the route first comes into the zone: the run it does so on and the point on the zone's border. Null when it starts inside or never enters. */
function enter(points: readonly Point[], zone: Box): { run: number; point: Point } | null {
  if (inside(points[0], zone)) return null;
  for (let run = 0; run < points.length - 1; run++) {
    const [a, b] = [points[run], points[run + 1]];
    if (!meets(a, b, zone)) continue;
    return { run, point: borderPoint(a, b, zone) };
  }
  return null;
}

function inside(point: Point, zone: Box): boolean {
  return point.x >= zone.x && point.x <= zone.x + zone.width && point.y >= zone.y && point.y <= zone.y + zone.height;
}

function meets(a: Point, b: Point, zone: Box): boolean {
  return Math.min(a.x, b.x) <= zone.x + zone.width && Math.max(a.x, b.x) >= zone.x && Math.min(a.y, b.y) <= zone.y + zone.height && Math.max(a.y, b.y) >= zone.y;
}

/** The point where the run from `a` (outside) reaches the zone's border. */
function borderPoint(a: Point, b: Point, zone: Box): Point {
  if (Math.abs(a.y - b.y) < 1e-6) return { x: a.x < zone.x ? zone.x : zone.x + zone.width, y: a.y };
  return { x: a.x, y: a.y < zone.y ? zone.y : zone.y + zone.height };
}

function headingOf(a: Point, b: Point): Heading {
  if (Math.abs(a.y - b.y) < 1e-6) return b.x >= a.x ? 0 : 1;
  return b.y >= a.y ? 2 : 3;
}

function sameSpot(a: Point, b: Point): boolean {
  return Math.abs(a.x - b.x) < 1e-6 && Math.abs(a.y - b.y) < 1e-6;
}
