/** An edge: "source depends on target", drawn with an arrowhead, flagged when a rule objects. */
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { StrataFlowEdge } from './derive';
import { FindingBadge } from './FindingBadge';

export const StrataEdge = memo(function StrataEdge(props: EdgeProps<StrataFlowEdge>) {
  const [path, labelX, labelY] = getSmoothStepPath({ ...props, borderRadius: 10 });
  const status = props.data?.status;
  return (
    <>
      <BaseEdge id={props.id} path={path} markerEnd={props.markerEnd} interactionWidth={16} />
      {status && (
        <EdgeLabelRenderer>
          <div
            className="edge-badge nodrag nopan"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            <FindingBadge status={status} />
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
