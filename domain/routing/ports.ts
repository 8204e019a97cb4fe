/**
 * Where each edge leaves its source and enters its target. An edge going down leaves the
 * source's bottom and enters the target's top; a wrong-way edge (target drawn above its source)
 * goes out and in at the sides, so it is routed visibly around rather than straight up through
 * what lies between; side-by-side nodes are joined side to side. Every edge has its own point on
 * each side, spread along it and ordered by where the other end lies, so arrows into one node
 * arrive apart and do not cross on the way in.
 */
import { SPACING, isVerticalSide, type Box, type Point, type RouteRequest, type Side } from './geometry';

export interface Port {
  readonly node: string;
  readonly side: Side;
  /** Where the route meets the node's border. */
  readonly point: Point;
  /** The range along the side the route may slide to while runs are spread apart. */
  readonly slide: readonly [number, number];
}

export interface EdgePorts {
  readonly source: Port;
  readonly target: Port;
}

/** Ports stay this far from a side's corners (rounded corners, pill-shaped infrastructure nodes). */
export const CORNER_INSET = 16;
/** On a node's short left and right sides, less, or a few ports would fill them. */
export const SHORT_SIDE_INSET = 8;

/** The sides an edge uses at its source and at its target. */
export function sidesOf(source: Box, target: Box, self: boolean): [Side, Side] {
  const room = 2 * SPACING.clearance;
  if (self) return ['right', 'right'];
  if (target.y >= source.y + source.height + room) return ['bottom', 'top'];
  const rightOf = target.x >= source.x + source.width + room;
  const leftOf = target.x + target.width <= source.x - room;
  if (rightOf) return ['right', 'left'];
  if (leftOf) return ['left', 'right'];
  if (target.y + target.height <= source.y - room) return ['right', 'right'];
  return ['bottom', 'top'];
}

interface End {
  readonly edge: string;
  readonly end: 'source' | 'target';
  /** Where the edge's other end is, to order the ends along the side. */
  readonly toward: Point;
}

/** Every edge's two ports; edges with a missing end are left out. */
export function assignPorts(boxes: ReadonlyMap<string, Box>, edges: readonly RouteRequest[]): Map<string, EdgePorts> {
  const sides = new Map<string, End[]>();
  const chosen = new Map<string, [Side, Side]>();
  for (const edge of edges) {
    const source = boxes.get(edge.source);
    const target = boxes.get(edge.target);
    if (!source || !target) continue;
    const pair = sidesOf(source, target, edge.source === edge.target);
    chosen.set(edge.id, pair);
    addEnd(sides, `${edge.source}\u0000${pair[0]}`, { edge: edge.id, end: 'source', toward: centre(target) });
    addEnd(sides, `${edge.target}\u0000${pair[1]}`, { edge: edge.id, end: 'target', toward: centre(source) });
  }
  const placed = new Map<string, Port>();
  for (const [key, ends] of sides) {
    const [node, side] = key.split('\u0000') as [string, Side];
    placeAlongSide(boxes.get(node)!, node, side, ends, placed);
  }
  const ports = new Map<string, EdgePorts>();
  for (const edge of edges) {
    if (!chosen.has(edge.id)) continue;
    ports.set(edge.id, { source: placed.get(`${edge.id}:source`)!, target: placed.get(`${edge.id}:target`)! });
  }
  return ports;
}

function addEnd(sides: Map<string, End[]>, key: string, end: End): void {
  const list = sides.get(key);
  if (list) list.push(end);
  else sides.set(key, [end]);
}

function centre(box: Box): Point {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Spreads a side's ends evenly, ordered so that routes fanning out from the side do not cross. */
function placeAlongSide(box: Box, node: string, side: Side, ends: End[], placed: Map<string, Port>): void {
  const vertical = isVerticalSide(side);
  const along = (point: Point) => (vertical ? point.x : point.y);
  const across = (point: Point) => (vertical ? point.y : point.x);
  // Far ends first at the outside of a side keeps nested routes from crossing.
  ends.sort((a, b) => along(a.toward) - along(b.toward) || across(a.toward) - across(b.toward) || order(a, b));
  const inset = vertical ? CORNER_INSET : SHORT_SIDE_INSET;
  const start = (vertical ? box.x : box.y) + inset;
  const length = Math.max(0, (vertical ? box.width : box.height) - 2 * inset);
  const slide: [number, number] = [start, start + length];
  ends.forEach((end, i) => {
    const at = start + (length * (i + 0.5)) / ends.length;
    const point = pointOn(box, side, at);
    placed.set(`${end.edge}:${end.end}`, { node, side, point, slide });
  });
}

function order(a: End, b: End): number {
  const ka = `${a.edge}:${a.end}`;
  const kb = `${b.edge}:${b.end}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function pointOn(box: Box, side: Side, at: number): Point {
  switch (side) {
    case 'top':
      return { x: at, y: box.y };
    case 'bottom':
      return { x: at, y: box.y + box.height };
    case 'left':
      return { x: box.x, y: at };
    case 'right':
      return { x: box.x + box.width, y: at };
  }
}

/** The point just outside the port, where the route may first turn. */
export function stubOf(port: Port, out: number = SPACING.clearance): Point {
  const { x, y } = port.point;
  switch (port.side) {
    case 'top':
      return { x, y: y - out };
    case 'bottom':
      return { x, y: y + out };
    case 'left':
      return { x: x - out, y };
    case 'right':
      return { x: x + out, y };
  }
}
