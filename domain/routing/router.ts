/**
 * Routes every edge orthogonally around the nodes: ports spread along each node's sides
 * (ports.ts), a shortest path with few bends through the free space (search.ts), then runs spread
 * apart (nudge.ts). A Router remembers its last answer and what it was made of, so after a move
 * it does only the work near what moved: ports of the nodes the move touches, a new search for
 * the edges whose ports changed or whose path the moved nodes now block or no longer block, and
 * spreading again only the runs near those routes, the others staying where they were. A drag
 * step then costs what is near the dragged node, not the diagram.
 */
import { NODE_BOX, SPACING, grow, simplify, type Box, type Point, type Route, type RouteRequest } from './geometry';
import { PortTable, sidesOf, stubOf, type EdgePorts, type Port } from './ports';
import { findPath, type Heading } from './search';
import { nudge, REACH } from './nudge';
import { NodeBoxes, RouteIndex, type Obstacles } from './spatial';
import { repair } from './repair';

export interface Placed {
  readonly id: string;
  readonly position: Point;
  readonly size?: { readonly width: number; readonly height: number };
}

/** An edge's route as searched, before runs were spread: what a Router mends after a move. */
export interface Searched {
  readonly ports: EdgePorts;
  readonly points: readonly Point[];
}

/** What changed since the last call. */
interface Change {
  /** Nodes whose box appeared, moved or went. */
  readonly nodes: Set<string>;
  /** Their boxes before and after, grown by the clearance. */
  readonly areas: Box[];
  /** Edges that are new or now join other nodes. */
  readonly edges: Set<string>;
}

export class Router {
  private readonly boxes = new NodeBoxes();
  private nodeIds = new Set<string>();
  private edgeById = new Map<string, RouteRequest>();
  private edgesOfNode = new Map<string, RouteRequest[]>();
  private readonly ports = new PortTable();
  private readonly searched = new Map<string, Searched>();
  /** The searched routes, and the drawn (spread) ones, by where their runs are. */
  private readonly searchedIndex = new RouteIndex();
  private readonly drawnIndex = new RouteIndex();
  private readonly drawn = new Map<string, Route>();
  private bounds: Box | undefined;

  /**
   * Routes for every edge whose two ends exist, keyed by edge id, in the order of `edges`. A
   * route that did not change is the same array as in the last answer.
   */
  route(nodes: readonly Placed[], edges: readonly RouteRequest[]): Map<string, Route> {
    const change: Change = { nodes: new Set(), areas: [], edges: new Set() };
    this.placeNodes(nodes, change);
    this.takeEdges(edges, change);
    const todo = this.reattach(change);
    const first = this.drawn.size === 0;
    this.search(todo, first ? [] : change.areas);
    if (first) this.spreadAll(edges);
    else this.spreadNear(todo, change.areas);
    const routes = new Map<string, Route>();
    for (const edge of edges) {
      const route = this.drawn.get(edge.id);
      if (route) routes.set(edge.id, route);
    }
    return routes;
  }

  /** The routes as searched, to seed another Router (seeded) that then needs no search of its own. */
  searchedRoutes(): [string, Searched][] {
    return [...this.searched];
  }

  /**
   * A Router as it stands after routing these nodes and edges from scratch, made from another's
   * searched and drawn routes for them (Auto-layout's, in another worker) instead of searching and
   * spreading again. Undefined when they do not fit (an edge missing, other ports): route afresh.
   */
  static seeded(nodes: readonly Placed[], edges: readonly RouteRequest[], searched: ReadonlyMap<string, Searched>, drawn: ReadonlyMap<string, Route>): Router | undefined {
    const router = new Router();
    const change: Change = { nodes: new Set(), areas: [], edges: new Set() };
    router.placeNodes(nodes, change);
    router.takeEdges(edges, change);
    // The same ports as a first route() attaches; the edges it would search are the ones to take.
    for (const edge of router.reattach(change)) {
      const [found, route] = [searched.get(edge.id), drawn.get(edge.id)];
      if (!found || !route || !samePorts(found.ports, router.ports.portsOf(edge.id)!)) return undefined;
      router.searched.set(edge.id, found);
      router.searchedIndex.set(edge.id, found.points);
      router.drawn.set(edge.id, route);
      router.drawnIndex.set(edge.id, route);
    }
    return router;
  }

  private placeNodes(nodes: readonly Placed[], change: Change): void {
    const ids = new Set<string>();
    for (const node of nodes) {
      ids.add(node.id);
      const box = boxOf(node);
      const before = this.boxes.get(node.id);
      if (before && sameBox(before, box)) continue;
      if (before) change.areas.push(grow(before, SPACING.clearance));
      change.areas.push(grow(box, SPACING.clearance));
      change.nodes.add(node.id);
      this.boxes.set(node.id, box);
      this.bounds = this.bounds && union(this.bounds, box);
    }
    for (const id of this.nodeIds) {
      if (ids.has(id)) continue;
      change.areas.push(grow(this.boxes.get(id)!, SPACING.clearance));
      change.nodes.add(id);
      this.boxes.delete(id);
    }
    this.nodeIds = ids;
    this.bounds ??= boundsOf(nodes.map(boxOf));
  }

  /** Takes the edge list when it is not the last one: edges gone are forgotten, new ones marked. */
  private takeEdges(edges: readonly RouteRequest[], change: Change): void {
    if (edges.length === this.edgeById.size && edges.every((edge) => sameEdge(this.edgeById.get(edge.id), edge))) return;
    const next = new Map(edges.map((edge) => [edge.id, edge]));
    for (const [id, before] of this.edgeById) {
      if (sameEdge(next.get(id), before)) continue;
      this.forget(id);
      change.nodes.add(before.source).add(before.target);
    }
    for (const edge of edges) if (!sameEdge(this.edgeById.get(edge.id), edge)) change.edges.add(edge.id);
    this.edgeById = next;
    this.edgesOfNode = new Map();
    for (const edge of edges) {
      for (const end of new Set([edge.source, edge.target])) {
        const list = this.edgesOfNode.get(end);
        if (list) list.push(edge);
        else this.edgesOfNode.set(end, [edge]);
      }
    }
  }

  private forget(id: string): void {
    this.searched.delete(id);
    this.searchedIndex.delete(id);
    this.drawnIndex.delete(id);
    this.drawn.delete(id);
    this.ports.detach(id);
  }

  /**
   * Sides again for the edges of changed nodes and for changed edges, ports again on every side
   * of their ends; returns the edges to search again, in the order they are searched.
   */
  private reattach(change: Change): RouteRequest[] {
    const dirty = new Set<RouteRequest>();
    for (const id of change.nodes) for (const edge of this.edgesOfNode.get(id) ?? []) dirty.add(edge);
    for (const id of change.edges) dirty.add(this.edgeById.get(id)!);
    const sides = new Set<string>();
    for (const edge of dirty) {
      const [source, target] = [this.boxes.get(edge.source), this.boxes.get(edge.target)];
      if (source && target) this.ports.attach(edge, source, target);
      else this.forget(edge.id);
      sides.add(edge.source).add(edge.target);
    }
    const candidates = new Set<string>();
    for (const node of sides) {
      const box = this.boxes.get(node);
      if (box) this.ports.place(node, box);
      for (const edge of this.edgesOfNode.get(node) ?? []) candidates.add(edge.id);
    }
    for (const area of change.areas) this.searchedIndex.near(area.x, area.y, area.x + area.width, area.y + area.height, candidates);
    const todo: RouteRequest[] = [];
    for (const id of candidates) {
      const ports = this.ports.portsOf(id);
      if (!ports) continue;
      const before = this.searched.get(id);
      if (before && samePorts(before.ports, ports) && !meetsAny(before.points, change.areas)) continue;
      todo.push(this.edgeById.get(id)!);
    }
    const spans = new Map(todo.map((edge) => [edge.id, spanOf(this.ports.portsOf(edge.id)!)]));
    return todo.sort((a, b) => spans.get(a.id)! - spans.get(b.id)! || (a.id < b.id ? -1 : 1));
  }

  /**
   * Searches the edges again; one whose ports stayed, and that only the move's area concerns, is
   * mended there instead (repair.ts).
   */
  private search(todo: readonly RouteRequest[], areas: readonly Box[]): void {
    const obstaclesAt = (clearance: number) => this.boxes.grownBy(clearance);
    const bounds = grow(this.bounds!, SPACING.clearance);
    const area = areas.length > 0 && areas.length <= MENDED_AREAS ? areas.reduce(union) : undefined;
    for (const edge of todo) {
      const ports = this.ports.portsOf(edge.id)!;
      const old = this.searched.get(edge.id);
      const mended = area && old && samePorts(old.ports, ports) ? repair(old.points, area, obstaclesAt(SPACING.clearance), bounds) : null;
      const points = mended ?? search(ports, obstaclesAt, bounds);
      this.searched.set(edge.id, { ports, points });
      this.searchedIndex.set(edge.id, points);
    }
  }

  private spreadAll(edges: readonly RouteRequest[]): void {
    this.spread(edges.map((edge) => edge.id).filter((id) => this.searched.has(id)), []);
  }

  /**
   * Spreads again the runs of the routes searched again and of the routes near the moved nodes,
   * among the drawn routes around them, which hold still. Where a channel has no room for them
   * at the least gap, the few routes crowding it are let move too, and it is spread again. Where
   * many crowd it, the channel is full whatever moves (a dense diagram), and the routes stay
   * squeezed as spreading everything would leave them.
   */
  private spreadNear(todo: readonly RouteRequest[], areas: readonly Box[]): void {
    const free = new Set(todo.map((edge) => edge.id));
    for (const area of areas) this.drawnIndex.near(area.x, area.y, area.x + area.width, area.y + area.height, free);
    for (let round = 0; round < ROUNDS; round++) {
      const held: HeldRun[] = [];
      const seen = new Set<number>();
      for (const id of free) {
        // Only runs alongside a free run are spread with it: horizontal beside horizontal, vertical beside vertical.
        forEachRunArea(this.searched.get(id)!.points, NEAR, (area, horizontal) =>
          this.drawnIndex.runsNear(...area, horizontal, seen, (other, a, b) => {
            if (!free.has(other)) held.push({ id: other, points: [a, b] });
          }),
        );
      }
      const freed = this.spread([...free], held);
      if (freed.length === 0 || freed.length > Math.max(FEW, free.size)) return;
      for (const id of freed) free.add(id);
    }
  }

  /**
   * Spreads the free routes among the runs of others that hold still; returns the routes of
   * held runs that crowd them.
   */
  private spread(free: readonly string[], held: readonly HeldRun[]): string[] {
    if (free.length === 0) return [];
    const routes = [...free.map((id) => this.searched.get(id)!.points.map((point) => ({ ...point }))), ...held.map((run) => [...run.points])];
    const ports = [...free.map((id) => this.searched.get(id)!.ports), ...held.map((run) => this.searched.get(run.id)!.ports)];
    const fixed = [...free.map(() => false), ...held.map(() => true)];
    const crowded = nudge({ routes, ports, fixed, obstacles: this.boxes.grownBy(SPACING.clearance), tight: this.boxes.grownBy(SPACING.least) });
    free.forEach((id, i) => {
      const route = simplify(routes[i]);
      this.drawn.set(id, route);
      this.drawnIndex.set(id, route);
    });
    return [...new Set([...crowded].filter((i) => i >= free.length).map((i) => held[i - free.length].id))];
  }
}

/** A run of a drawn route that holds still while routes near it are spread. */
interface HeldRun {
  readonly id: string;
  readonly points: [Point, Point];
}

/** Routes are mended in the moved area only when few nodes moved (a drag); a bigger change searches them whole. */
const MENDED_AREAS = 8;
/** How near a held route may run to a moved one: as far as a run may slide, and a gap. */
const NEAR = REACH + SPACING.ideal;
/** Rounds of letting crowding routes move too, and how many of them are few enough to. */
const ROUNDS = 3;
const FEW = 24;

function sameEdge(a: RouteRequest | undefined, b: RouteRequest): boolean {
  return a !== undefined && a.source === b.source && a.target === b.target;
}

/** Each run's rectangle grown by `by`, as [left, top, right, bottom], and whether the run is horizontal. */
function forEachRunArea(points: readonly Point[], by: number, visit: (area: [number, number, number, number], horizontal: boolean) => void): void {
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1], points[i]];
    visit([Math.min(a.x, b.x) - by, Math.min(a.y, b.y) - by, Math.max(a.x, b.x) + by, Math.max(a.y, b.y) + by], Math.abs(a.y - b.y) < 1e-6);
  }
}

function meetsAny(points: readonly Point[], areas: readonly Box[]): boolean {
  return areas.some((area) => crosses(points, area));
}

function union(a: Box, b: Box): Box {
  const left = Math.min(a.x, b.x);
  const top = Math.min(a.y, b.y);
  return { x: left, y: top, width: Math.max(a.x + a.width, b.x + b.width) - left, height: Math.max(a.y + a.height, b.y + b.height) - top };
}

/** Routes for a diagram from scratch. */
export function routeAll(nodes: readonly Placed[], edges: readonly RouteRequest[]): Map<string, Route> {
  return new Router().route(nodes, edges);
}

export function boxOf(node: Placed): Box {
  const size = node.size ?? NODE_BOX;
  return { x: node.position.x, y: node.position.y, width: size.width, height: size.height };
}

function sameBox(a: Box, b: Box): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

function samePorts(a: EdgePorts, b: EdgePorts): boolean {
  const same = (p: Port, q: Port) => p.side === q.side && p.point.x === q.point.x && p.point.y === q.point.y;
  return same(a.source, b.source) && same(a.target, b.target);
}

/** True when some run of the path meets the box (borders touching count). */
function crosses(points: readonly Point[], box: Box): boolean {
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1], points[i]];
    if (Math.max(box.x, Math.min(a.x, b.x)) <= Math.min(box.x + box.width, Math.max(a.x, b.x)) && Math.max(box.y, Math.min(a.y, b.y)) <= Math.min(box.y + box.height, Math.max(a.y, b.y))) return true;
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

function search(ports: EdgePorts, obstaclesAt: (clearance: number) => Obstacles, bounds: Box): Point[] {
  for (const clearance of CLEARANCES) {
    const start = stubOf(ports.source, clearance);
    const goal = stubOf(ports.target, clearance);
    const problem = { start, goal, startHeading: LEAVING[ports.source.side], goalHeading: ENTERING[ports.target.side], obstacles: obstaclesAt(clearance) };
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
