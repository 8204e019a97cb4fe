/**
 * Starting the router from routes found elsewhere: Auto-layout routes the diagram for its new
 * places in its own worker, and the routing worker (or the main thread, where no worker runs)
 * takes those routes instead of searching every edge again.
 */
import { Router, type Placed, type Route, type RouteRequest, type Searched } from '../../domain/routing';

/** Routes found for these nodes and edges elsewhere (Router.seeded). */
export interface RoutingSeed {
  readonly nodes: readonly Placed[];
  readonly edges: readonly RouteRequest[];
  readonly searched: [string, Searched][];
  readonly drawn: [string, Route][];
}

/** A Router standing where the seed's routes are; a fresh one where there is no seed or it does not fit. */
export function seededRouter(seed: RoutingSeed | undefined): Router {
  return (seed && Router.seeded(seed.nodes, seed.edges, new Map(seed.searched), new Map(seed.drawn))) ?? new Router();
}
