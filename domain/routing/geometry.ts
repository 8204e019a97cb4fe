/**
 * Shapes the edge router works with: node boxes, points, orthogonal routes. Pure data, so the
 * canvas, its routing worker, the auto-layout worker and pictures all compute the same routes.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** An edge to route: `source` depends on `target` (node ids). */
export interface RouteRequest {
  readonly id: string;
  readonly source: string;
  readonly target: string;
}

/** An orthogonal polyline from a point on the source's border to a point on the target's border. */
export type Route = readonly Point[];

/** How far routes keep from nodes, how far apart parallel runs are drawn, and the least gap allowed. */
export const SPACING = { clearance: 12, ideal: 10, least: 6 } as const;

/** The box a node is drawn in (styles.css `.strata-node`). */
export const NODE_BOX = { width: 180, height: 52 } as const;

export type Side = 'top' | 'bottom' | 'left' | 'right';

export function isVerticalSide(side: Side): boolean {
  return side === 'top' || side === 'bottom';
}

export function grow(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by };
}

/** True when the point lies strictly inside the box (its border does not count). */
export function strictlyInside(box: Box, x: number, y: number, tolerance = 1e-6): boolean {
  return x > box.x + tolerance && x < box.x + box.width - tolerance && y > box.y + tolerance && y < box.y + box.height - tolerance;
}

/** Drops repeated points and points in the middle of a straight run. */
export function simplify(points: readonly Point[]): Point[] {
  const kept: Point[] = [];
  for (const point of points) {
    const last = kept[kept.length - 1];
    if (last && Math.abs(last.x - point.x) < 1e-6 && Math.abs(last.y - point.y) < 1e-6) continue;
    const before = kept[kept.length - 2];
    if (before && last && collinear(before, last, point)) kept[kept.length - 1] = point;
    else kept.push(point);
  }
  return kept;
}

function collinear(a: Point, b: Point, c: Point): boolean {
  const sameX = Math.abs(a.x - b.x) < 1e-6 && Math.abs(b.x - c.x) < 1e-6;
  const sameY = Math.abs(a.y - b.y) < 1e-6 && Math.abs(b.y - c.y) < 1e-6;
  return sameX || sameY;
}
