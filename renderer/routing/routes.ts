/**
 * The drawn route of every edge, derived from the store's diagram and never saved. Routing runs
 * in a worker; while it works, the edges of a node that just moved are drawn as a plain elbow
 * (the provisional route), so a drag frame costs the moved nodes' edges, not the diagram.
 * Routes live in one Map that is updated in place; `version` tells subscribers it changed, and
 * each drawn edge watches only its own route (useRoute): a change wakes the edges it redrew, not
 * the thousands drawn.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { create } from 'zustand';
import type { Diagram, DiagramEdge, DiagramNode } from '../../domain/diagram';
import { NODE_BOX, boxOf, isWrongWay, provisionalRoute, type Placed, type Route, type Router, type Searched } from '../../domain/routing';
import { changedInPlace } from '../store/moves';
import { useStore } from '../store/store';
import type { RoutingAnswer, RoutingRequest } from './routing.worker';
import { seededRouter, type RoutingSeed } from './seed';

export interface DrawnRoute {
  readonly points: Route;
  /** False while the worker has not yet routed the edge for its ends' current places. */
  readonly final: boolean;
  /** The target is drawn above the source (domain/routing isWrongWay): drawn as an error. */
  readonly wrongWay: boolean;
}

interface RouteState {
  readonly routes: ReadonlyMap<string, DrawnRoute>;
  readonly version: number;
}

const routes = new Map<string, DrawnRoute>();
/** Who watches each edge's route (useRoute), and the edges redrawn since they were last told. */
const watchers = new Map<string, Set<() => void>>();
let redrawn = new Set<string>();

/** An edge's drawn route; the component renders again only when this edge's route changes. */
export function useRoute(id: string): DrawnRoute | undefined {
  const subscribe = useCallback((listener: () => void) => watch(id, listener), [id]);
  return useSyncExternalStore(subscribe, () => routes.get(id));
}

function watch(id: string, listener: () => void): () => void {
  const set = watchers.get(id) ?? new Set();
  watchers.set(id, set.add(listener));
  return () => {
    set.delete(listener);
    if (set.size === 0) watchers.delete(id);
  };
}

/** Tells the store's subscribers, then the watchers of the edges redrawn (only those). */
function publish(): void {
  const told = redrawn;
  redrawn = new Set();
  useRoutes.setState({ version: useRoutes.getState().version + 1 });
  for (const id of told) for (const listener of watchers.get(id) ?? []) listener();
}

/** Edges drawn as a stand-in (not final): the only ones an answer must look at besides those it carries. */
const provisional = new Set<string>();
export const useRoutes = create<RouteState>()(() => ({ routes, version: 0 }));

const known = new Map<string, DiagramNode>();
let lastNodes: readonly DiagramNode[] = [];
let knownEdges: readonly DiagramEdge[] = [];
let edgeById = new Map<string, DiagramEdge>();
let edgesOfNode = new Map<string, DiagramEdge[]>();
/** Changes not yet sent to the worker. */
let unsent: { placed: Map<string, Placed>; removed: Set<string>; edges: boolean; reset: boolean; seed?: RoutingSeed } = fresh();
/** Nodes moved since the request in flight was sent: their edges stay provisional until the next answer. */
let movedSinceSent = new Set<string>();
let inFlight: number | null = null;
let nextId = 0;
let worker: Worker | null | undefined;
/** The worker's routes as of its last answer. */
const routed = new Map<string, Route>();
let here: Router | undefined;

function fresh() {
  return { placed: new Map<string, Placed>(), removed: new Set<string>(), edges: false, reset: false, seed: undefined as RoutingSeed | undefined };
}

function placedOf(node: DiagramNode): Placed {
  return { id: node.id, position: { x: node.position.x, y: node.position.y }, size: NODE_BOX };
}

/** Follows the diagram: called on every store change, cheap unless nodes or edges changed. */
function follow(diagram: Diagram): void {
  const nodesChanged = diagram.nodes !== lastNodes;
  const edgesChanged = diagram.edges !== knownEdges;
  if (!nodesChanged && !edgesChanged) return;
  const touched: string[] = [];
  if (nodesChanged) {
    // A drag frame replaces only the moved nodes' objects: update those, not a map of every node.
    const moved = changedInPlace(lastNodes, diagram.nodes);
    if (moved) for (const i of moved) place(diagram.nodes[i], touched);
    else takeAll(diagram.nodes, touched);
  }
  lastNodes = diagram.nodes;
  if (edgesChanged) {
    knownEdges = diagram.edges;
    unsent.edges = true;
    edgesOfNode = new Map();
    for (const edge of diagram.edges) {
      for (const end of new Set([edge.source, edge.target])) {
        const list = edgesOfNode.get(end);
        if (list) list.push(edge);
        else edgesOfNode.set(end, [edge]);
      }
    }
    const ids = new Set(diagram.edges.map((edge) => edge.id));
    for (const id of [...routes.keys()]) if (!ids.has(id)) undraw(id);
    const before = edgeById;
    edgeById = new Map(diagram.edges.map((edge) => [edge.id, edge]));
    // A new edge, or an id now joining other nodes, has no route for what it is yet.
    for (const edge of diagram.edges) if (!routes.has(edge.id) || before.get(edge.id) !== edge) drawProvisional(edge);
  }
  if (staged) takeStaged(staged);
  else {
    for (const id of touched) {
      if (inFlight !== null) movedSinceSent.add(id);
      for (const edge of edgesOfNode.get(id) ?? []) drawProvisional(edge);
    }
  }
  publish();
  send();
}

/** Takes a node's new object; when it stands elsewhere, it is sent and its edges are redrawn. */
function place(node: DiagramNode, touched: string[]): void {
  const before = known.get(node.id);
  known.set(node.id, node);
  if (before === node) return;
  if (before && before.position.x === node.position.x && before.position.y === node.position.y) return;
  unsent.placed.set(node.id, placedOf(node));
  touched.push(node.id);
}

/** Takes a node list that differs by more than moves (nodes added, removed, reordered). */
function takeAll(nodes: readonly DiagramNode[], touched: string[]): void {
  const ids = new Set<string>();
  for (const node of nodes) {
    ids.add(node.id);
    place(node, touched);
  }
  for (const id of [...known.keys()]) {
    if (ids.has(id)) continue;
    known.delete(id);
    unsent.removed.add(id);
    unsent.placed.delete(id);
  }
}

/**
 * Draws the routes Auto-layout computed, in the same change as its positions, and starts the
 * worker afresh from those routes (seeded with them, as they stand for these places and edges),
 * so its answer for the new positions is the same routing, found once. Every edge is
 * drawn along a route for where its ends now stand: none keeps an old route that a moved node
 * now stands on, and none is drawn as a stand-in elbow, not even for a frame.
 */
function takeStaged(computed: StagedRoutes): void {
  for (const edge of knownEdges) {
    const points = computed.routes.get(edge.id);
    if (points) draw(edge.id, finalRoute(edge.id, points));
    else drawProvisional(edge);
  }
  movedSinceSent = new Set(inFlight === null ? [] : known.keys());
  // In the diagram's order, as Auto-layout routed them: the seed fits only the same nodes and edges.
  const nodes = lastNodes.map(placedOf);
  const edges = knownEdges.map(({ id, source, target }) => ({ id, source, target }));
  const seed = { nodes, edges, searched: [...computed.searched], drawn: [...computed.routes] };
  unsent = { ...fresh(), placed: new Map(nodes.map((node) => [node.id, node])), edges: true, reset: true, seed };
}

/** Draws an edge's route, keeping the set of stand-in routes in step. */
function draw(id: string, route: DrawnRoute): void {
  routes.set(id, route);
  redrawn.add(id);
  if (route.final) provisional.delete(id);
  else provisional.add(id);
}

function undraw(id: string): void {
  routes.delete(id);
  redrawn.add(id);
  provisional.delete(id);
}

function drawProvisional(edge: DiagramEdge): void {
  const source = known.get(edge.source);
  const target = known.get(edge.target);
  if (!source || !target) {
    undraw(edge.id);
    return;
  }
  const [from, to] = [boxOf(placedOf(source)), boxOf(placedOf(target))];
  draw(edge.id, { points: provisionalRoute(from, to, edge.source === edge.target), final: false, wrongWay: isWrongWay(from, to) });
}

/** A route as the worker (or Auto-layout) found it for the edge's ends where they are now. */
function finalRoute(id: string, points: Route): DrawnRoute {
  const edge = edgeById.get(id);
  const [source, target] = [edge && known.get(edge.source), edge && known.get(edge.target)];
  const wrongWay = source !== undefined && target !== undefined && isWrongWay(boxOf(placedOf(source)), boxOf(placedOf(target)));
  return { points, final: true, wrongWay };
}

/**
 * Draws the worker's route for the edge, unless the edge is already drawn finished along the
 * same points (the worker's fresh answer after Auto-layout repeats the layout's routes): the
 * same object then re-renders nothing.
 */
function settle(id: string, points: Route): void {
  const drawn = routes.get(id);
  if (drawn?.final && samePoints(drawn.points, points)) return;
  draw(id, finalRoute(id, points));
}

function samePoints(a: Route, b: Route): boolean {
  return a === b || (a.length === b.length && a.every((point, i) => point.x === b[i].x && point.y === b[i].y));
}

function send(): void {
  if (inFlight !== null) return;
  if (unsent.placed.size === 0 && unsent.removed.size === 0 && !unsent.edges && !unsent.reset) return;
  const request: RoutingRequest = {
    id: nextId++,
    reset: unsent.reset,
    placed: [...unsent.placed.values()],
    removed: [...unsent.removed],
    ...(unsent.edges && { edges: knownEdges.map(({ id, source, target }) => ({ id, source, target })) }),
    ...(unsent.seed && { seed: unsent.seed }),
  };
  if (request.reset) routed.clear();
  unsent = fresh();
  movedSinceSent = new Set();
  inFlight = request.id;
  worker ??= startWorker();
  if (worker) worker.postMessage(request);
  else queueMicrotask(() => receive(routeHere(request)));
}

function startWorker(): Worker | null {
  try {
    const started = new Worker(new URL('./routing.worker.ts', import.meta.url), { type: 'module', name: 'strata-routing' });
    started.onmessage = (event: MessageEvent<RoutingAnswer>) => receive(event.data);
    started.onerror = (event) => {
      event.preventDefault();
      worker = null;
      // The worker is gone, and with it what it knew: route everything here from now on.
      unsent = { ...fresh(), placed: new Map([...known.values()].map((node) => [node.id, placedOf(node)])), edges: true, reset: true };
      inFlight = null;
      send();
    };
    return started;
  } catch {
    return null;
  }
}

/** Where no worker can start (tests, a page opened from a file): the same routing, here. */
function routeHere(request: RoutingRequest): RoutingAnswer {
  if (request.reset || !here) here = seededRouter(request.seed);
  const result = here.route(
    [...known.values()].map(placedOf),
    knownEdges.map(({ id, source, target }) => ({ id, source, target })),
  );
  // Like the worker, answer with the routes that changed (the router keeps an unchanged route as the same array).
  const changed = [...result].filter(([id, route]) => routed.get(id) !== route);
  return { id: request.id, changed, removed: [...routed.keys()].filter((id) => !result.has(id)) };
}

function receive(answer: RoutingAnswer): void {
  if (answer.id !== inFlight) return;
  inFlight = null;
  for (const [id, points] of answer.changed) routed.set(id, points);
  for (const id of answer.removed) routed.delete(id);
  const stale = new Set<string>();
  for (const id of movedSinceSent) for (const edge of edgesOfNode.get(id) ?? []) stale.add(edge.id);
  for (const [id, points] of answer.changed) if (routes.has(id) && !stale.has(id)) settle(id, points);
  // Only the edges still drawn as stand-ins wait for this answer; the other routes are final already.
  for (const id of [...provisional]) {
    const points = routed.get(id);
    if (points && !stale.has(id)) draw(id, finalRoute(id, points));
  }
  publish();
  send();
}

/** Routes Auto-layout computed (drawn, and as searched), for the positions it applies. */
interface StagedRoutes {
  readonly routes: ReadonlyMap<string, Route>;
  readonly searched: ReadonlyMap<string, Searched>;
}

/** Auto-layout's routes, while its positions are being applied (applyWithRoutes). */
let staged: StagedRoutes | undefined;

/**
 * Applies Auto-layout's positions (`apply`, one edit) together with the routes computed for
 * them: the change that moves the nodes draws the new routes, so no frame shows the new places
 * with routes made for the old ones.
 */
export function applyWithRoutes(computed: StagedRoutes, apply: () => void): void {
  staged = computed;
  try {
    apply();
  } finally {
    staged = undefined;
  }
}

/** Starts following the store; once, at startup. */
export function startRouting(): () => void {
  follow(useStore.getState().diagram);
  return useStore.subscribe((state) => follow(state.diagram));
}
