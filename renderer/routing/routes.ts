/**
 * The drawn route of every edge, derived from the store's diagram and never saved. Routing runs
 * in a worker; while it works, the edges of a node that just moved are drawn as a plain elbow
 * (the provisional route), so a drag frame costs the moved nodes' edges, not the diagram.
 * Routes live in one Map that is updated in place; `version` tells subscribers it changed, and
 * each edge selects only its own route.
 */
import { create } from 'zustand';
import type { Diagram, DiagramEdge, DiagramNode } from '../../domain/diagram';
import { NODE_BOX, Router, boxOf, isWrongWay, provisionalRoute, type Placed, type Route } from '../../domain/routing';
import { useStore } from '../store/store';
import type { RoutingAnswer, RoutingRequest } from './routing.worker';

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
export const useRoutes = create<RouteState>()(() => ({ routes, version: 0 }));

let known = new Map<string, DiagramNode>();
let lastNodes: readonly DiagramNode[] = [];
let knownEdges: readonly DiagramEdge[] = [];
let edgeById = new Map<string, DiagramEdge>();
let edgesOfNode = new Map<string, DiagramEdge[]>();
/** Changes not yet sent to the worker. */
let unsent: { placed: Map<string, Placed>; removed: Set<string>; edges: boolean; reset: boolean } = fresh();
/** Nodes moved since the request in flight was sent: their edges stay provisional until the next answer. */
let movedSinceSent = new Set<string>();
let inFlight: number | null = null;
let nextId = 0;
let worker: Worker | null | undefined;
/** The worker's routes as of its last answer. */
const routed = new Map<string, Route>();
let here: Router | undefined;

function fresh() {
  return { placed: new Map<string, Placed>(), removed: new Set<string>(), edges: false, reset: false };
}

function placedOf(node: DiagramNode): Placed {
  return { id: node.id, position: { x: node.position.x, y: node.position.y }, size: NODE_BOX };
}

/** Follows the diagram: called on every store change, cheap unless nodes or edges changed. */
function follow(diagram: Diagram): void {
  const nodesChanged = diagram.nodes !== lastNodes;
  const edgesChanged = diagram.edges !== knownEdges;
  if (!nodesChanged && !edgesChanged) return;
  lastNodes = diagram.nodes;
  const touched: string[] = [];
  if (nodesChanged) {
    const next = new Map<string, DiagramNode>();
    for (const node of diagram.nodes) {
      next.set(node.id, node);
      const before = known.get(node.id);
      if (before === node) continue;
      if (before && before.position.x === node.position.x && before.position.y === node.position.y) continue;
      unsent.placed.set(node.id, placedOf(node));
      touched.push(node.id);
    }
    for (const id of known.keys()) {
      if (next.has(id)) continue;
      unsent.removed.add(id);
      unsent.placed.delete(id);
    }
    known = next;
  }
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
    for (const id of routes.keys()) if (!ids.has(id)) routes.delete(id);
    const before = edgeById;
    edgeById = new Map(diagram.edges.map((edge) => [edge.id, edge]));
    // A new edge, or an id now joining other nodes, has no route for what it is yet.
    for (const edge of diagram.edges) if (!routes.has(edge.id) || before.get(edge.id) !== edge) drawProvisional(edge);
  }
  for (const id of touched) {
    if (inFlight !== null) movedSinceSent.add(id);
    for (const edge of edgesOfNode.get(id) ?? []) drawProvisional(edge);
  }
  useRoutes.setState({ version: useRoutes.getState().version + 1 });
  send();
}

function drawProvisional(edge: DiagramEdge): void {
  const source = known.get(edge.source);
  const target = known.get(edge.target);
  if (!source || !target) {
    routes.delete(edge.id);
    return;
  }
  const [from, to] = [boxOf(placedOf(source)), boxOf(placedOf(target))];
  routes.set(edge.id, { points: provisionalRoute(from, to, edge.source === edge.target), final: false, wrongWay: isWrongWay(from, to) });
}

/** A route as the worker (or Auto-layout) found it for the edge's ends where they are now. */
function finalRoute(id: string, points: Route): DrawnRoute {
  const edge = edgeById.get(id);
  const [source, target] = [edge && known.get(edge.source), edge && known.get(edge.target)];
  const wrongWay = source !== undefined && target !== undefined && isWrongWay(boxOf(placedOf(source)), boxOf(placedOf(target)));
  return { points, final: true, wrongWay };
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
  if (request.reset || !here) here = new Router();
  const result = here.route(
    [...known.values()].map(placedOf),
    knownEdges.map(({ id, source, target }) => ({ id, source, target })),
  );
  return { id: request.id, changed: [...result], removed: [...routed.keys()].filter((id) => !result.has(id)) };
}

function receive(answer: RoutingAnswer): void {
  if (answer.id !== inFlight) return;
  inFlight = null;
  for (const [id, points] of answer.changed) routed.set(id, points);
  for (const id of answer.removed) routed.delete(id);
  const stale = new Set<string>();
  for (const id of movedSinceSent) for (const edge of edgesOfNode.get(id) ?? []) stale.add(edge.id);
  for (const [id, points] of answer.changed) if (routes.has(id) && !stale.has(id)) routes.set(id, finalRoute(id, points));
  for (const [id, route] of routes) {
    const points = routed.get(id);
    if (!route.final && points && !stale.has(id)) routes.set(id, finalRoute(id, points));
  }
  useRoutes.setState({ version: useRoutes.getState().version + 1 });
  send();
}

/**
 * Routes Auto-layout computed together with its positions: drawn at once, and the worker starts
 * afresh so that its answer for the new positions is the same routing.
 */
export function showLayoutRoutes(computed: ReadonlyMap<string, Route>): void {
  for (const [id, points] of computed) routes.set(id, finalRoute(id, points));
  unsent.reset = true;
  unsent.edges = true;
  for (const node of known.values()) unsent.placed.set(node.id, placedOf(node));
  useRoutes.setState({ version: useRoutes.getState().version + 1 });
  send();
}

/** Starts following the store; once, at startup. */
export function startRouting(): () => void {
  follow(useStore.getState().diagram);
  return useStore.subscribe((state) => follow(state.diagram));
}
