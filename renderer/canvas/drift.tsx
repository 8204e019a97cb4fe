/**
 * Drift drawn on the canvas: components the code has and the diagram lacks as ghost nodes (in a
 * column right of the diagram, in their layer's lane), dependencies the code has between drawn
 * components as dashed arrows. Derived from the last comparison; never part of the Diagram.
 */
import { Handle, MarkerType, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { KIND_INFO, LAYERS, type DiagramNode } from '../../domain/diagram';
import type { DriftFinding } from '../../domain/import';
import type { Drift } from '../store/drift';
import type { StrataFlowEdge } from './derive';
import { KindIcon } from './icons';

export type GhostData = { ghost: NonNullable<DriftFinding['ghost']>; file: string | undefined };
export type GhostFlowNode = Node<GhostData, 'ghost'>;

const NODE = { width: 180, height: 56 };
const GAP = { x: 40, lane: 146 };

export const GhostNode = memo(function GhostNode({ data }: NodeProps<GhostFlowNode>) {
  const { ghost, file } = data;
  const info = KIND_INFO[ghost.kind];
  return (
    <div className={`strata-node ghost-node layer-${info.layer}`} data-kind={ghost.kind} title={`In the code (${file ?? ghost.modules.join(', ')}), not in the diagram`}>
      <Handle type="target" position={Position.Top} className="handle" isConnectable={false} />
      <span className="node-icon">
        <KindIcon kind={ghost.kind} />
      </span>
      <span className="node-text">
        <span className="node-name">{ghost.name}</span>
        <span className="node-kind">{info.label} · only in code</span>
      </span>
      <Handle type="source" position={Position.Bottom} className="handle" isConnectable={false} />
    </div>
  );
});

const ghostCache = new WeakMap<Drift, GhostFlowNode[]>();
const edgeCache = new WeakMap<Drift, StrataFlowEdge[]>();

/** Ghost nodes, placed right of everything drawn, each in its layer's lane. */
export function ghostNodes(drift: Drift | null, nodes: readonly DiagramNode[]): GhostFlowNode[] {
  if (!drift) return [];
  const cached = ghostCache.get(drift);
  if (cached) return cached;
  const right = nodes.reduce((max, n) => Math.max(max, n.position.x + NODE.width), 0) + 2 * GAP.x;
  const top = nodes.reduce((min, n) => Math.min(min, n.position.y), nodes.length > 0 ? Infinity : 0);
  const perLane = new Map<number, number>();
  const ghosts = drift.findings.flatMap((finding, i): GhostFlowNode[] => {
    if (!finding.ghost) return [];
    const lane = LAYERS.indexOf(KIND_INFO[finding.ghost.kind].layer);
    const column = perLane.get(lane) ?? 0;
    perLane.set(lane, column + 1);
    return [{
      id: `ghost:${i}`,
      type: 'ghost',
      position: { x: right + column * (NODE.width + GAP.x), y: top + lane * GAP.lane },
      data: { ghost: finding.ghost, file: finding.file },
      draggable: false,
      selectable: false,
      connectable: false,
      initialWidth: NODE.width,
      initialHeight: NODE.height,
    }];
  });
  ghostCache.set(drift, ghosts);
  return ghosts;
}

/** Dashed arrows for dependencies the code has between drawn nodes. */
export function driftEdges(drift: Drift | null, nodes: readonly DiagramNode[]): StrataFlowEdge[] {
  if (!drift) return [];
  const cached = edgeCache.get(drift);
  if (cached) return cached;
  const ids = new Set(nodes.map((n) => n.id));
  const edges = drift.findings.flatMap((finding, i): StrataFlowEdge[] => {
    const pair = finding.undrawn;
    if (!pair || !ids.has(pair.source) || !ids.has(pair.target)) return [];
    return [{
      id: `drift:${i}`,
      type: 'strata',
      source: pair.source,
      target: pair.target,
      selectable: false,
      className: `drift-edge drift-${finding.severity}`,
      data: { status: undefined },
      markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18, color: finding.severity === 'error' ? 'var(--error)' : 'var(--drift)' },
    }];
  });
  edgeCache.set(drift, edges);
  return edges;
}
