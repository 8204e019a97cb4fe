/**
 * Routes every edge orthogonally around the nodes: ports spread along each node's sides
 * (ports.ts), a shortest path with few bends through the free space (search.ts), then runs spread
 * apart (nudge.ts). A Router remembers its last answer, so after a move it searches again only for
 * the edges whose ports changed or whose path the moved nodes now block or no longer block.
 */
import { NODE_BOX, SPACING, grow, simplify, type Box, type Point, type Route, type RouteRequest } from './geometry';
import { assignPorts, sidesOf, stubOf, type EdgePorts, type Port } from './ports';
import { findPath, Usage, type Heading } from './search';
import { nudge } from './nudge';
import { BoxIndex } from './spatial';

export interface Placed {
  readonly id: string;
  readonly position: Point;
  readonly size?: { readonly width: number; readonly height: number };
}

interface Searched {
  readonly ports: EdgePorts;
  readonly points: readonly Point[];
}

export class Router {
  private boxes = new Map<string, Box>();
  private searched = new Map<string, Searched>();
  private readonly usage = new Usage();

  /** Routes for every edge whose two ends exist, keyed by edge id. */
  route(nodes: readonly Placed[], edges: readonly RouteRequest[]): Map<string, Route> {
    const boxes = new Map(nodes.map((node) => [node.id, boxOf(node)]));
    const changed = changedBoxes(this.boxes, boxes);
    this.boxes = boxes;
    const grown = [...boxes.values()].map((box) => grow(box, SPACING.clearance));
    const obstacles = new BoxIndex(grown);
    const bounds = boundsOf(grown);
    const tighter = new Map<number, BoxIndex<Box>>([[SPACING.clearance, obstacles]]);
    const obstaclesAt = (clearance: number) => {
      let index = tighter.get(clearance);
      if (!index) tighter.set(clearance, (index = new BoxIndex([...boxes.values()].map((box) => grow(box, clearance)))));
      return index;
    };
    const ports = assignPorts(boxes, edges);
    const moved = new BoxIndex(changed.map((box) => grow(box, SPACING.clearance)));
    const keep = new Map<string, Searched>();
    const todo: RouteRequest[] = [];
    for (const edge of edges) {
      const edgePorts = ports.get(edge.id);
      if (!edgePorts) continue;
      const before = this.searched.get(edge.id);
      if (before && samePorts(before.ports, edgePorts) && !crosses(before.points, moved)) keep.set(edge.id, before);
      else todo.push(edge);
    }
    for (const [id, before] of this.searched) if (!keep.has(id)) this.usage.add(before.points, -1);
    todo.sort((a, b) => spanOf(ports.get(a.id)!) - spanOf(ports.get(b.id)!) || (a.id < b.id ? -1 : 1));
    for (const edge of todo) {
      const edgePorts = ports.get(edge.id)!;
      const points = search(edgePorts, obstaclesAt, this.usage, bounds);
      this.usage.add(points);
      keep.set(edge.id, { ports: edgePorts, points });
    }
    this.searched = keep;
    return finish(edges, keep, obstacles, obstaclesAt(SPACING.least));
  }
}

/** Routes for a diagram from scratch. */
export function routeAll(nodes: readonly Placed[], edges: readonly RouteRequest[]): Map<string, Route> {
  return new Router().route(nodes, edges);
}

export function boxOf(node: Placed): Box {
  const size = node.size ?? NODE_BOX;
  return { x: node.position.x, y: node.position.y, width: size.width, height: size.height };
}

function changedBoxes(before: ReadonlyMap<string, Box>, after: ReadonlyMap<string, Box>): Box[] {
  const changed: Box[] = [];
  for (const [id, box] of after) {
    const old = before.get(id);
    if (old && sameBox(old, box)) continue;
    changed.push(box);
    if (old) changed.push(old);
  }
  for (const [id, box] of before) if (!after.has(id)) changed.push(box);
  return changed;
}

function sameBox(a: Box, b: Box): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

function samePorts(a: EdgePorts, b: EdgePorts): boolean {
  const same = (p: Port, q: Port) => p.side === q.side && p.point.x === q.point.x && p.point.y === q.point.y;
  return same(a.source, b.source) && same(a.target, b.target);
}

/** True when some run of the path passes through a box of the index. */
function crosses(points: readonly Point[], boxes: BoxIndex<Box>): boolean {
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1], points[i]];
    const near = boxes.search(Math.min(a.x, b.x), Math.min(a.y, b.y), Math.max(a.x, b.x), Math.max(a.y, b.y));
    for (const box of near) {
      const left = Math.max(box.x, Math.min(a.x, b.x));
      const right = Math.min(box.x + box.width, Math.max(a.x, b.x));
      const top = Math.max(box.y, Math.min(a.y, b.y));
      const bottom = Math.min(box.y + box.height, Math.max(a.y, b.y));
      if (left <= right && top <= bottom) return true;
    }
  }
  return false;
}

function spanOf(ports: EdgePorts): number {
  return Math.abs(ports.source.point.x - ports.target.point.x) + Math.abs(ports.source.point.y - ports.target.point.y);
}

const LEAVING: Record<Port['side'], Heading> = { right: 0, left: 1, bottom: 2, top: 3 };
const ENTERING: Record<Port['side'], Heading> = { left: 0, right: 1, top: 2, bottom: 3 };

/**
 * Clearances tried one after the other: where nodes stand closer than twice the clearance, a
 * route squeezes between them with less room rather than running through one.
 */
const CLEARANCES = [SPACING.clearance, SPACING.clearance / 2, 2];

function search(ports: EdgePorts, obstaclesAt: (clearance: number) => BoxIndex<Box>, usage: Usage, bounds: Box): Point[] {
  for (const clearance of CLEARANCES) {
    const start = stubOf(ports.source, clearance);
    const goal = stubOf(ports.target, clearance);
    const problem = { start, goal, startHeading: LEAVING[ports.source.side], goalHeading: ENTERING[ports.target.side], obstacles: obstaclesAt(clearance), usage };
    const path = findPath(problem, bounds);
    if (path) return simplify([ports.source.point, ...path, ports.target.point]);
  }
  return simplify([ports.source.point, ...elbow(stubOf(ports.source), stubOf(ports.target), ports), ports.target.point]);
}

/** Where no path keeps clear (nodes overlapping a port), a plain elbow between the stubs. */
function elbow(start: Point, goal: Point, ports: EdgePorts): Point[] {
  const vertical = ports.source.side === 'top' || ports.source.side === 'bottom';
  if (vertical) {
    const middle = (start.y + goal.y) / 2;
    return [start, { x: start.x, y: middle }, { x: goal.x, y: middle }, goal];
  }
  const middle = (start.x + goal.x) / 2;
  return [start, { x: middle, y: start.y }, { x: middle, y: goal.y }, goal];
}

function boundsOf(boxes: readonly Box[]): Box {
  if (boxes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const box of boxes) {
    left = Math.min(left, box.x);
    top = Math.min(top, box.y);
    right = Math.max(right, box.x + box.width);
    bottom = Math.max(bottom, box.y + box.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

function finish(edges: readonly RouteRequest[], searched: ReadonlyMap<string, Searched>, obstacles: BoxIndex<Box>, tight: BoxIndex<Box>): Map<string, Route> {
  const ids = edges.map((edge) => edge.id).filter((id) => searched.has(id));
  const routes = ids.map((id) => searched.get(id)!.points.map((point) => ({ ...point })));
  nudge({ routes, ports: ids.map((id) => searched.get(id)!.ports), obstacles, tight });
  return new Map(ids.map((id, i) => [id, simplify(routes[i])]));
}

/**
 * A quick stand-in while a node is being dragged and its routes are being searched: an elbow
 * from the middle of the source's side to the middle of the target's. Not routed around anything.
 */
export function provisionalRoute(source: Box, target: Box, self: boolean): Route {
  const [from, to] = sidesOf(source, target, self);
  const a = middleOf(source, from);
  const b = middleOf(target, to);
  const vertical = from === 'top' || from === 'bottom';
  if (vertical === (to === 'top' || to === 'bottom')) {
    const middle = vertical ? (a.y + b.y) / 2 : (a.x + b.x) / 2;
    return simplify(vertical ? [a, { x: a.x, y: middle }, { x: b.x, y: middle }, b] : [a, { x: middle, y: a.y }, { x: middle, y: b.y }, b]);
  }
  return simplify(vertical ? [a, { x: a.x, y: b.y }, b] : [a, { x: b.x, y: a.y }, b]);
}

function middleOf(box: Box, side: Port['side']): Point {
  if (side === 'top') return { x: box.x + box.width / 2, y: box.y };
  if (side === 'bottom') return { x: box.x + box.width / 2, y: box.y + box.height };
  if (side === 'left') return { x: box.x, y: box.y + box.height / 2 };
  return { x: box.x + box.width, y: box.y + box.height / 2 };
}
