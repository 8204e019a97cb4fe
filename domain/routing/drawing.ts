/** Drawing a route: an SVG path with rounded corners, and where a badge or label sits on it. */
import type { Point, Route } from './geometry';

/** Corner radius; smaller where a run is too short to hold it. */
const RADIUS = 8;

/** The route as SVG path data, corners rounded with quadratic curves. */
export function pathOf(route: Route): string {
  if (route.length === 0) return '';
  const parts = [`M${fmt(route[0].x)} ${fmt(route[0].y)}`];
  for (let i = 1; i < route.length - 1; i++) {
    const [before, corner, after] = [route[i - 1], route[i], route[i + 1]];
    const radius = Math.min(RADIUS, distance(before, corner) / 2, distance(corner, after) / 2);
    const enter = towards(corner, before, radius);
    const leave = towards(corner, after, radius);
    parts.push(`L${fmt(enter.x)} ${fmt(enter.y)}`, `Q${fmt(corner.x)} ${fmt(corner.y)} ${fmt(leave.x)} ${fmt(leave.y)}`);
  }
  const last = route[route.length - 1];
  parts.push(`L${fmt(last.x)} ${fmt(last.y)}`);
  return parts.join('');
}

/** The middle of the route's longest run: where a finding badge, or a label, is drawn. */
export function labelPoint(route: Route): Point {
  let best: Point = route[0] ?? { x: 0, y: 0 };
  let longest = -1;
  for (let i = 1; i < route.length; i++) {
    const length = distance(route[i - 1], route[i]);
    if (length > longest) {
      longest = length;
      best = { x: (route[i - 1].x + route[i].x) / 2, y: (route[i - 1].y + route[i].y) / 2 };
    }
  }
  return best;
}

function distance(a: Point, b: Point): number {
  return Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
}

function towards(from: Point, to: Point, by: number): Point {
  const length = distance(from, to) || 1;
  return { x: from.x + ((to.x - from.x) * by) / length, y: from.y + ((to.y - from.y) * by) / length };
}

/** Two decimals at most, so paths stay short in pictures. */
function fmt(value: number): string {
  return String(Math.round(value * 100) / 100);
}
