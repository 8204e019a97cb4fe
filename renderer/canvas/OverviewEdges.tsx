/**
 * Edges at an overview zoom: every edge a plain <path> in one <svg>, instead of a React Flow
 * edge each (its own <svg>, its own store selector). At that size an edge can be seen but not
 * clicked, and a thousand edge components cost a drag more than a frame's budget in selectors,
 * layout and layerisation. One path per edge, not one for all: a drag then repaints only the
 * edges that moved, not the whole diagram's area. Paths are cached per edge and its two nodes.
 */
import { Position, getSmoothStepPath } from '@xyflow/react';
import { useMemo } from 'react';
import type { DiagramEdge, DiagramNode } from '../../domain/diagram';
import { findingsOf } from '../store/findings';
import { useStore } from '../store/store';
import { measuredSize } from './derive';
import { NODE_SIZE } from './features';
import { ViewportLayer } from './ViewportLayer';

type Look = 'plain' | 'warning' | 'error' | 'selected';
const LOOKS: readonly Look[] = ['plain', 'warning', 'error', 'selected'];

interface CachedPath {
  readonly source: DiagramNode;
  readonly target: DiagramNode;
  readonly d: string;
}

const cache = new WeakMap<DiagramEdge, CachedPath>();

export function OverviewEdges() {
  const diagram = useStore((state) => state.diagram);
  const selected = useStore((state) => state.selection.edges);
  const byId = useMemo(() => new Map(diagram.nodes.map((node) => [node.id, node])), [diagram.nodes]);
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
          const source = byId.get(edge.source);
          const target = byId.get(edge.target);
          if (!source || !target) return null;
          const look: Look = selected.has(edge.id) ? 'selected' : (statuses.get(edge.id)?.severity ?? 'plain');
          const d = pathOf(edge, source, target);
          return <path key={edge.id} className={`overview-edge ${look}`} d={d} markerEnd={`url(#overview-arrow-${look})`} />;
        })}
      </svg>
    </ViewportLayer>
  );
}

/** The same smooth-step route a React Flow edge takes, from the source's bottom to the target's top. */
function pathOf(edge: DiagramEdge, source: DiagramNode, target: DiagramNode): string {
  const cached = cache.get(edge);
  if (cached && cached.source === source && cached.target === target) return cached.d;
  const from = measuredSize(source.id) ?? NODE_SIZE;
  const to = measuredSize(target.id) ?? NODE_SIZE;
  const [d] = getSmoothStepPath({
    sourceX: source.position.x + from.width / 2,
    sourceY: source.position.y + from.height,
    sourcePosition: Position.Bottom,
    targetX: target.position.x + to.width / 2,
    targetY: target.position.y,
    targetPosition: Position.Top,
    borderRadius: 10,
  });
  cache.set(edge, { source, target, d });
  return d;
}
