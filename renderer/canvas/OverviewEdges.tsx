/**
 * Edges at an overview zoom: every edge a plain <path> in one <svg>, instead of a React Flow
 * edge each (its own <svg>, its own store selector). At that size an edge can be seen but not
 * clicked, and a thousand edge components cost a drag more than a frame's budget in selectors,
 * layout and layerisation. One path per edge, not one for all: a drag then repaints only the
 * edges that moved, not the whole diagram's area. Each edge follows its route (renderer/routing);
 * path data is cached per route.
 */
import { pathOf } from '../../domain/routing';
import { useRoutes, type DrawnRoute } from '../routing/routes';
import { findingsOf } from '../store/findings';
import { useStore } from '../store/store';
import { ViewportLayer } from './ViewportLayer';

type Look = 'plain' | 'warning' | 'error' | 'selected';
const LOOKS: readonly Look[] = ['plain', 'warning', 'error', 'selected'];

const cache = new WeakMap<DrawnRoute, string>();

export function OverviewEdges() {
  const diagram = useStore((state) => state.diagram);
  const selected = useStore((state) => state.selection.edges);
  const routes = useRoutes((state) => state.routes);
  useRoutes((state) => state.version);
  const statuses = findingsOf(diagram).edges;
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
        {diagram.edges.map((edge) => {
          const route = routes.get(edge.id);
          if (!route) return null;
          const look: Look = selected.has(edge.id) ? 'selected' : (statuses.get(edge.id)?.severity ?? 'plain');
          const d = cachedPath(route);
          return <path key={edge.id} data-id={edge.id} className={`overview-edge ${look}${route.final ? '' : ' provisional'}`} d={d} markerEnd={`url(#overview-arrow-${look})`} />;
        })}
      </svg>
    </ViewportLayer>
  );
}

function cachedPath(route: DrawnRoute): string {
  let d = cache.get(route);
  if (d === undefined) {
    d = pathOf(route.points);
    cache.set(route, d);
  }
  return d;
}
