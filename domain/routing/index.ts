/** Edge routing: orthogonal routes around nodes, derived from positions, sizes and edges. */
export { NODE_BOX, SPACING, type Box, type Point, type Route, type RouteRequest } from './geometry';
export { Router, routeAll, boxOf, provisionalRoute, type Placed, type Searched } from './router';
export { pathOf, labelPoint } from './drawing';
export { routeFaults, type DrawnEdge, type Fault } from './check';
export { isWrongWay } from './ports';
