/**
 * Clicks on the plain edge layer (OverviewEdges). Its paths take no pointer events: an invisible
 * wide stroke per path, as React Flow's edges have, would double what that layer holds. A click
 * on empty canvas is tested against the layer's edges here instead, and the nearest one within
 * reach is the edge clicked.
 */
import type { Point, Route } from '../../domain/routing';

/** The edge of `edges` nearest `point`, if any lies within `reach` of it. */
export function edgeAt<E extends { readonly id: string }>(
  point: Point,
  edges: readonly E[],
  routeOf: (edge: E) => Route | undefined,
  reach: number,
): E | undefined {
  let nearest: E | undefined;
  let best = reach;
  for (const edge of edges) {
    const route = routeOf(edge);
    if (!route) continue;
    const distance = distanceToRoute(point, route);
    if (distance <= best) {
      best = distance;
      nearest = edge;
    }
  }
  return nearest;
}

/** The shortest distance from `point` to any run of `route`. */
export function distanceToRoute(point: Point, route: Route): number {
  if (route.length === 1) return Math.hypot(point.x - route[0].x, point.y - route[0].y);
  let shortest = Infinity;
  for (let i = 1; i < route.length; i++) shortest = Math.min(shortest, distanceToRun(point, route[i - 1], route[i]));
  return shortest;
}

function distanceToRun(point: Point, from: Point, to: Point): number {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((point.x - from.x) * dx + (point.y - from.y) * dy) / length));
  return Math.hypot(point.x - (from.x + t * dx), point.y - (from.y + t * dy));
}

/** A click's reach around an edge: React Flow's click band (StrataEdge), and never under 6 screen pixels. */
export function reachAt(zoom: number): number {
  return Math.max(8, 6 / zoom);
}
