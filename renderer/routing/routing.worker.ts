/**
 * The routing worker: keeps the diagram's node boxes and edges, routes on every change (only
 * the edges a change touches are searched again) and answers with the routes that changed, so
 * no drag frame on the main thread waits for routing.
 */
import { Router, type Placed, type Route, type RouteRequest } from '../../domain/routing';
import { seededRouter, type RoutingSeed } from './seed';

export interface RoutingRequest {
  readonly id: number;
  /** Start afresh (from `seed` when given): after Auto-layout, so the answer equals the layout's own routes. */
  readonly reset: boolean;
  readonly placed: readonly Placed[];
  readonly removed: readonly string[];
  /** The whole edge list, when it changed. */
  readonly edges?: readonly RouteRequest[];
  /** With `reset`, after Auto-layout: the routes it found, to start from instead of routing everything again. */
  readonly seed?: RoutingSeed;
}

export interface RoutingAnswer {
  readonly id: number;
  readonly changed: [string, Route][];
  readonly removed: string[];
  readonly error?: string;
}

let router = new Router();
const nodes = new Map<string, Placed>();
let edges: readonly RouteRequest[] = [];
let last = new Map<string, Route>();

self.onmessage = (event: MessageEvent<RoutingRequest>) => {
  const request = event.data;
  if (request.reset) {
    router = seededRouter(request.seed);
    nodes.clear();
    last = new Map();
  }
  for (const id of request.removed) nodes.delete(id);
  for (const node of request.placed) nodes.set(node.id, node);
  if (request.edges) edges = request.edges;
  try {
    const routes = router.route([...nodes.values()], edges);
    const changed: [string, Route][] = [];
    for (const [id, route] of routes) if (!sameRoute(last.get(id), route)) changed.push([id, route]);
    const removed = [...last.keys()].filter((id) => !routes.has(id));
    last = routes;
    self.postMessage({ id: request.id, changed, removed } satisfies RoutingAnswer);
  } catch (error) {
    self.postMessage({ id: request.id, changed: [], removed: [], error: (error as Error).message } satisfies RoutingAnswer);
  }
};

function sameRoute(a: Route | undefined, b: Route): boolean {
  return a === b || (a !== undefined && a.length === b.length && a.every((point, i) => point.x === b[i].x && point.y === b[i].y));
}
