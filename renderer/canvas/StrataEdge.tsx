/**
 * An edge: "source depends on target", drawn along its route (renderer/routing) with an
 * arrowhead, flagged when a rule objects. The finding badge sits on the middle of the route's
 * longest run, which is the edge's own (runs are never shared), so it never lands on another edge.
 */
import { EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { labelPoint, pathOf } from '../../domain/routing';
import { useRoutes } from '../routing/routes';
import type { StrataFlowEdge } from './derive';
import { FindingBadge } from './FindingBadge';

/** How wide the invisible band is that takes clicks on an edge. */
const CLICK_WIDTH = 16;

export const StrataEdge = memo(function StrataEdge(props: EdgeProps<StrataFlowEdge>) {
  const route = useRoutes((state) => state.routes.get(props.id));
  let path: string;
  let label: { x: number; y: number };
  if (route) {
    path = pathOf(route.points);
    label = labelPoint(route.points);
  } else {
    // Only before the diagram's first routes exist: React Flow's own elbow between the handles.
    const [d, x, y] = getSmoothStepPath({ ...props, borderRadius: 8 });
    [path, label] = [d, { x, y }];
  }
  const status = props.data?.status;
  const words = props.data?.label;
  return (
    <>
      <path id={props.id} d={path} fill="none" className="react-flow__edge-path" markerEnd={props.markerEnd} data-route={route?.final ? 'final' : 'provisional'} />
      <path d={path} fill="none" strokeOpacity={0} strokeWidth={CLICK_WIDTH} className="react-flow__edge-interaction" />
      {status && (
        <EdgeLabelRenderer>
          <div className="edge-badge nodrag nopan" style={{ transform: `translate(-50%, -50%) translate(${label.x}px, ${label.y}px)` }}>
            <FindingBadge status={status} />
          </div>
        </EdgeLabelRenderer>
      )}
      {words && (
        <EdgeLabelRenderer>
          {/* Beside the badge when there is one, else on the line itself as drawing tools put it. */}
          <div
            className="edge-label nopan"
            data-testid="edge-label"
            style={{ transform: `translate(${status ? '14px' : '-50%'}, -50%) translate(${label.x}px, ${label.y}px)` }}
          >
            {words}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
