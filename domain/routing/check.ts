/**
 * What a reader of the picture relies on, measured on drawn routes: no route runs through a node
 * that is not one of its ends, and no two routes share a line or run closer than the least gap
 * side by side. Tests and the auto-layout use it; it knows nothing of how routes were made.
 */
import { SPACING, type Box, type Point } from './geometry';
import { BoxIndex } from './spatial';

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

/**
 * `tolerance` absorbs rounding of coordinates read back from a page. Candidates come from a grid
 * index of boxes and runs, so a diagram of thousands of edges is checked in moments; every
 * candidate is then judged exactly.
 */
export function routeFaults(boxes: ReadonlyMap<string, Box>, edges: readonly DrawnEdge[], tolerance = 0.5): Fault[] {
  const faults: Fault[] = [];
  const nodes = new BoxIndex([...boxes].map(([id, box], order) => ({ ...box, id, order })));
  for (const edge of edges) {
    const hit = new Map<number, string>();
    for (const [a, b] of segmentsOf(edge.points)) {
      for (const box of nodes.search(Math.min(a.x, b.x), Math.min(a.y, b.y), Math.max(a.x, b.x), Math.max(a.y, b.y))) {
        const inset = { x: box.x + tolerance, y: box.y + tolerance, width: box.width - 2 * tolerance, height: box.height - 2 * tolerance };
        if (entersBox(a, b, inset)) hit.set(box.order, box.id);
      }
    }
    for (const order of [...hit.keys()].sort((p, q) => p - q)) {
      const id = hit.get(order)!;
      const end = id === edge.source || id === edge.target;
      faults.push({ kind: 'through-node', edges: [edge.id], detail: `${edge.id} runs through ${end ? 'its own end ' : ''}node ${id}` });
    }
  }
  const runs = edges.flatMap((edge) => segmentsOf(edge.points).map(([a, b]) => ({ edge: edge.id, a, b })));
  // A run's box grown by the least gap: runs closer than that side by side have meeting boxes.
  const reach = SPACING.least;
  const index = new BoxIndex(runs.map(({ a, b }, i) => ({ x: Math.min(a.x, b.x) - reach, y: Math.min(a.y, b.y) - reach, width: Math.abs(a.x - b.x) + 2 * reach, height: Math.abs(a.y - b.y) + 2 * reach, i })));
  runs.forEach((r, i) => {
    const near = index.search(Math.min(r.a.x, r.b.x) - reach, Math.min(r.a.y, r.b.y) - reach, Math.max(r.a.x, r.b.x) + reach, Math.max(r.a.y, r.b.y) + reach);
    for (const j of near.map((other) => other.i).sort((p, q) => p - q)) {
      const s = runs[j];
      if (j <= i || r.edge === s.edge) continue;
      const fault = sideBySide(r.a, r.b, s.a, s.b, tolerance);
      if (fault) faults.push({ kind: fault.shared ? 'shared-run' : 'too-close', edges: [r.edge, s.edge], detail: `${r.edge} and ${s.edge}: ${fault.detail}` });
    }
  });
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
