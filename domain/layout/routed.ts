/**
 * Auto-layout with routes: the lanes layout places the nodes, then every edge is routed for
 * those places, in one go, so the layout that is applied comes with the routes that are drawn.
 */
import type { Diagram, Position } from '../diagram';
import { NODE_BOX, Router, type Route, type Searched } from '../routing';
import { layOut } from './lanes';

export interface RoutedLayout {
  readonly positions: Map<string, Position>;
  readonly routes: Map<string, Route>;
  /** The routes as searched: with `routes`, they seed the routing worker, so nothing is routed twice. */
  readonly searched: Map<string, Searched>;
}

export function layOutWithRoutes(diagram: Diagram): RoutedLayout {
  const positions = layOut(diagram);
  const placed = diagram.nodes.map((node) => ({ id: node.id, position: positions.get(node.id) ?? node.position, size: NODE_BOX }));
  const router = new Router();
  const routes = router.route(placed, diagram.edges);
  return { positions, routes, searched: new Map(router.searchedRoutes()) };
}
