/**
 * Edges as plain <path>s in one <svg>, instead of a React Flow edge each (its own <svg>, its own
 * store selectors run on every frame). Drawn here: every edge in view at an overview zoom, where
 * an edge can be seen but not clicked; at any zoom, the edges that only pass through the view
 * with both ends off screen (useCulled), which in a large diagram are most of what is on screen.
 * One path per edge, not one for all: a drag then repaints only the edges that moved, not the
 * whole diagram's area. Each edge follows its route (renderer/routing); path data is cached per
 * route.
 */
import { Position, getSmoothStepPath } from '@xyflow/react';
import { memo } from 'react';
import type { DiagramEdge } from '../../domain/diagram';
import { pathOf } from '../../domain/routing';
import { useRoute, type DrawnRoute } from '../routing/routes';
import type { ItemStatus } from '../store/findings';
import { NODE_SIZE } from './features';
import { diagramIndex } from './useCulled';
import { ViewportLayer } from './ViewportLayer';

type Look = 'plain' | 'warning' | 'error' | 'selected';
const LOOKS: readonly Look[] = ['plain', 'warning', 'error', 'selected'];

const cache = new WeakMap<DrawnRoute, string>();

export interface OverviewEdgesProps {
  readonly edges: readonly DiagramEdge[];
  readonly statuses: ReadonlyMap<string, ItemStatus>;
  readonly selected: ReadonlySet<string>;
}

/**
 * Takes what it draws as props, not the diagram: while a node is dragged its list stays the same.
 * Routes are not read here but by each edge (EdgePath): a routing answer then re-renders the
 * edges it re-routed, not the list.
 */
export const OverviewEdges = memo(function OverviewEdges({ edges, statuses, selected }: OverviewEdgesProps) {
  return (
    <ViewportLayer>
      <svg className="overview-edges" aria-hidden="true">
        <defs>
          {/* One arrowhead per look, so direction ("depends on") still reads from far out. */}
          {LOOKS.map((look) => (
            <marker key={look} id={`overview-arrow-${look}`} className={`overview-arrow ${look}`} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto">
              <path d="M 0 0 L 10 5 L 0 10 z" />
            </marker>
          ))}
        </defs>
        {edges.map((edge) => (
          <EdgePath key={edge.id} edge={edge} look={selected.has(edge.id) ? 'selected' : (statuses.get(edge.id)?.severity ?? 'plain')} />
        ))}
      </svg>
    </ViewportLayer>
  );
});

/**
 * One edge's path, following its own route: a routing answer during a drag re-routes a few
 * hundred edges of the thousands drawn, and only those render again.
 */
const EdgePath = memo(function EdgePath({ edge, look: given }: { edge: DiagramEdge; look: Look }) {
  const route = useRoute(edge.id);
  const d = route ? cachedPath(route) : elbow(edge);
  if (!d) return null;
  // Drawn upwards (target above source): an error, as StrataEdge draws it, unless selected.
  const look = route?.wrongWay && given !== 'selected' ? 'error' : given;
  return <path data-id={edge.id} className={`overview-edge ${look}${route?.final ? '' : ' provisional'}`} d={d} markerEnd={`url(#overview-arrow-${look})`} />;
});

/**
 * Before an edge's first route exists (a large diagram just opened routes for a while), the elbow
 * React Flow would draw, from the source's bottom to the target's top, as StrataEdge does.
 */
function elbow(edge: DiagramEdge): string | undefined {
  const source = diagramIndex.node(edge.source);
  const target = diagramIndex.node(edge.target);
  if (!source || !target) return undefined;
  const [d] = getSmoothStepPath({
    sourceX: source.position.x + NODE_SIZE.width / 2,
    sourceY: source.position.y + NODE_SIZE.height,
    sourcePosition: Position.Bottom,
    targetX: target.position.x + NODE_SIZE.width / 2,
    targetY: target.position.y,
    targetPosition: Position.Top,
    borderRadius: 8,
  });
  return d;
}

function cachedPath(route: DrawnRoute): string {
  let d = cache.get(route);
  if (d === undefined) {
    d = pathOf(route.points);
    cache.set(route, d);
  }
  return d;
}
