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

/**
 * True when the edge's target is drawn wholly above its source: against the reading of the
 * picture, where what a node depends on lies below it. Such an edge is routed around the side
 * and drawn as an error.
 */
export function isWrongWay(source: Box, target: Box): boolean {
  return target.y + target.height <= source.y;
}

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
  const table = new PortTable();
  const nodes = new Set<string>();
  for (const edge of edges) {
    const source = boxes.get(edge.source);
    const target = boxes.get(edge.target);
    if (!source || !target) continue;
    table.attach(edge, source, target);
    nodes.add(edge.source).add(edge.target);
  }
  for (const node of nodes) table.place(node, boxes.get(node)!);
  const ports = new Map<string, EdgePorts>();
  for (const edge of edges) {
    const found = table.portsOf(edge.id);
    if (found) ports.set(edge.id, found);
  }
  return ports;
}

const SIDES: readonly Side[] = ['top', 'bottom', 'left', 'right'];

/**
 * The ends on each side of each node, kept between moves: after a move only the sides of the
 * nodes it touches are placed again (a node's ports depend on its own edges' other ends).
 */
export class PortTable {
  private readonly sides = new Map<string, End[]>();
  private readonly chosen = new Map<string, { readonly edge: RouteRequest; readonly pair: readonly [Side, Side] }>();
  private readonly placed = new Map<string, Port>();

  /** Puts the edge's ends on the sides its ends' boxes call for; place both nodes afterwards. */
  attach(edge: RouteRequest, source: Box, target: Box): void {
    this.detach(edge.id);
    const pair = sidesOf(source, target, edge.source === edge.target);
    this.chosen.set(edge.id, { edge, pair });
    addEnd(this.sides, sideKey(edge.source, pair[0]), { edge: edge.id, end: 'source', toward: centre(target) });
    addEnd(this.sides, sideKey(edge.target, pair[1]), { edge: edge.id, end: 'target', toward: centre(source) });
  }

  detach(id: string): void {
    const before = this.chosen.get(id);
    if (!before) return;
    removeEnd(this.sides, sideKey(before.edge.source, before.pair[0]), id, 'source');
    removeEnd(this.sides, sideKey(before.edge.target, before.pair[1]), id, 'target');
    this.chosen.delete(id);
    this.placed.delete(`${id}:source`);
    this.placed.delete(`${id}:target`);
  }

  /** Spreads the ends on every side of the node. */
  place(node: string, box: Box): void {
    for (const side of SIDES) {
      const ends = this.sides.get(sideKey(node, side));
      if (ends) placeAlongSide(box, node, side, ends, this.placed);
    }
  }

  portsOf(id: string): EdgePorts | undefined {
    if (!this.chosen.has(id)) return undefined;
    return { source: this.placed.get(`${id}:source`)!, target: this.placed.get(`${id}:target`)! };
  }
}

function sideKey(node: string, side: Side): string {
  return `${node}\u0000${side}`;
}

function addEnd(sides: Map<string, End[]>, key: string, end: End): void {
  const list = sides.get(key);
  if (list) list.push(end);
  else sides.set(key, [end]);
}

function removeEnd(sides: Map<string, End[]>, key: string, edge: string, which: End['end']): void {
  const list = sides.get(key);
  if (!list) return;
  const at = list.findIndex((end) => end.edge === edge && end.end === which);
  if (at >= 0) list.splice(at, 1);
  if (list.length === 0) sides.delete(key);
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
