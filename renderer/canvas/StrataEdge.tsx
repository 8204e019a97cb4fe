/**
 * An edge: "source depends on target", drawn along its route (renderer/routing) with an
 * arrowhead, flagged when a rule objects or when its target is drawn above its source (routed
 * around the side, in the error style, with a badge of its own). The finding badge sits on the middle of the route's
 * longest run, which is the edge's own (runs are never shared), so it never lands on another edge.
 */
import { getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { labelPoint, pathOf } from '../../domain/routing';
import { useRoute } from '../routing/routes';
import type { StrataFlowEdge } from './derive';
import { FindingBadge } from './FindingBadge';
import { EdgeLabelLayer } from './ViewportLayer';

/** How wide the invisible band is that takes clicks on an edge. */
const CLICK_WIDTH = 16;

export const StrataEdge = memo(function StrataEdge(props: EdgeProps<StrataFlowEdge>) {
  const route = useRoute(props.id);
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
  const wrongWay = route?.wrongWay === true;
  const marker = wrongWay ? `wrong-way-${props.id}` : undefined;
  const badged = status !== undefined || wrongWay;
  return (
    <>
      {marker && <WrongWayArrowhead id={marker} />}
      <path
        id={props.id}
        d={path}
        fill="none"
        className={wrongWay ? 'react-flow__edge-path wrong-way' : 'react-flow__edge-path'}
        markerEnd={marker ? `url(#${marker})` : props.markerEnd}
        data-route={route?.final ? 'final' : 'provisional'}
        data-wrong-way={wrongWay || undefined}
      />
      <path d={path} fill="none" strokeOpacity={0} strokeWidth={CLICK_WIDTH} className="react-flow__edge-interaction" />
      {badged && (
        <EdgeLabelLayer>
          <div className="edge-badge nodrag nopan" style={{ transform: `translate(-50%, -50%) translate(${label.x}px, ${label.y}px)` }}>
            {status ? <FindingBadge status={status} /> : <WrongWayBadge />}
          </div>
        </EdgeLabelLayer>
      )}
      {words && (
        <EdgeLabelLayer>
          {/* Beside the badge when there is one, else on the line itself as drawing tools put it. */}
          <div
            className="edge-label nopan"
            data-testid="edge-label"
            style={{ transform: `translate(${badged ? '14px' : '-50%'}, -50%) translate(${label.x}px, ${label.y}px)` }}
          >
            {words}
          </div>
        </EdgeLabelLayer>
      )}
    </>
  );
});

/** The error-coloured arrowhead of an edge drawn the wrong way (React Flow's markers follow the edge's findings). */
function WrongWayArrowhead({ id }: { id: string }) {
  return (
    <defs>
      <marker id={id} viewBox="-10 -10 20 20" markerWidth={18} markerHeight={18} markerUnits="userSpaceOnUse" orient="auto-start-reverse" refX={0} refY={0}>
        <polyline points="-5,-4 0,0 -5,4 -5,-4" fill="var(--error)" stroke="var(--error)" strokeLinecap="round" strokeLinejoin="round" strokeWidth={1} />
      </marker>
    </defs>
  );
}

/** The badge of an edge drawn upwards that no rule flags: the picture itself reads the wrong way. */
function WrongWayBadge() {
  return (
    <span className="finding-badge error" data-testid="finding-badge" tabIndex={0}>
      !
      <span className="finding-popover" role="tooltip">
        <span className="finding-line error">
          <strong>drawn upwards</strong> This arrow points up: what a component depends on is drawn below it.
          <em>Fix: move the target below the source, or run Auto-layout.</em>
        </span>
      </span>
    </span>
  );
}
