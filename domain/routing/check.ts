/**
 * What a reader of the picture relies on, measured on drawn routes: no route runs through a node
 * that is not one of its ends, and no two routes share a line or run closer than the least gap
 * side by side. Tests and the auto-layout use it; it knows nothing of how routes were made.
 */
import { SPACING, type Box, type Point } from './geometry';

export interface DrawnEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly points: readonly Point[];
}

export interface Fault {
  readonly kind: 'through-node' | 'shared-run' | 'too-close';
  readonly edges: readonly string[];
  readonly detail: string;
}

/** `tolerance` absorbs rounding of coordinates read back from a page. */
export function routeFaults(boxes: ReadonlyMap<string, Box>, edges: readonly DrawnEdge[], tolerance = 0.5): Fault[] {
  const faults: Fault[] = [];
  for (const edge of edges) {
    for (const [id, box] of boxes) {
      const inset = { x: box.x + tolerance, y: box.y + tolerance, width: box.width - 2 * tolerance, height: box.height - 2 * tolerance };
      if (segmentsOf(edge.points).some(([a, b]) => entersBox(a, b, inset))) {
        const end = id === edge.source || id === edge.target;
        faults.push({ kind: 'through-node', edges: [edge.id], detail: `${edge.id} runs through ${end ? 'its own end ' : ''}node ${id}` });
      }
    }
  }
  const runs = edges.flatMap((edge) => segmentsOf(edge.points).map(([a, b]) => ({ edge: edge.id, a, b })));
  for (let i = 0; i < runs.length; i++) {
    for (let j = i + 1; j < runs.length; j++) {
      const [r, s] = [runs[i], runs[j]];
      if (r.edge === s.edge) continue;
      const fault = sideBySide(r.a, r.b, s.a, s.b, tolerance);
      if (fault) faults.push({ kind: fault.shared ? 'shared-run' : 'too-close', edges: [r.edge, s.edge], detail: `${r.edge} and ${s.edge}: ${fault.detail}` });
    }
  }
  return faults;
}

function segmentsOf(points: readonly Point[]): [Point, Point][] {
  const segments: [Point, Point][] = [];
  for (let i = 1; i < points.length; i++) segments.push([points[i - 1], points[i]]);
  return segments;
}

/** True when the straight segment passes through the open box. */
function entersBox(a: Point, b: Point, box: Box): boolean {
  const left = Math.max(Math.min(a.x, b.x), box.x);
  const right = Math.min(Math.max(a.x, b.x), box.x + box.width);
  const top = Math.max(Math.min(a.y, b.y), box.y);
  const bottom = Math.min(Math.max(a.y, b.y), box.y + box.height);
  const horizontal = Math.abs(a.y - b.y) < 1e-6;
  const vertical = Math.abs(a.x - b.x) < 1e-6;
  if (horizontal) return a.y > box.y && a.y < box.y + box.height && right - left > 1e-6;
  if (vertical) return a.x > box.x && a.x < box.x + box.width && bottom - top > 1e-6;
  return left < right && top < bottom;
}

/** Parallel runs overlapping along their length, closer than the least gap (or on one line). */
function sideBySide(a: Point, b: Point, c: Point, d: Point, tolerance: number): { shared: boolean; detail: string } | null {
  const horizontal = (p: Point, q: Point) => Math.abs(p.y - q.y) < 1e-6;
  const vertical = (p: Point, q: Point) => Math.abs(p.x - q.x) < 1e-6;
  let along: [number, number, number, number];
  let apart: number;
  if (horizontal(a, b) && horizontal(c, d) && !vertical(a, b) && !vertical(c, d)) {
    along = [Math.min(a.x, b.x), Math.max(a.x, b.x), Math.min(c.x, d.x), Math.max(c.x, d.x)];
    apart = Math.abs(a.y - c.y);
  } else if (vertical(a, b) && vertical(c, d) && !horizontal(a, b) && !horizontal(c, d)) {
    along = [Math.min(a.y, b.y), Math.max(a.y, b.y), Math.min(c.y, d.y), Math.max(c.y, d.y)];
    apart = Math.abs(a.x - c.x);
  } else return null;
  const overlap = Math.min(along[1], along[3]) - Math.max(along[0], along[2]);
  if (overlap <= tolerance) return null;
  if (apart <= tolerance) return { shared: true, detail: `share ${overlap.toFixed(1)} px of one line` };
  if (apart < SPACING.least - tolerance) return { shared: false, detail: `run ${apart.toFixed(1)} px apart for ${overlap.toFixed(1)} px` };
  return null;
}
