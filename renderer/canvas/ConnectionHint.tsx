/**
 * While a connection is being dragged, the node it would land on says whether the new edge would
 * be allowed, and why not. Only that node: hints on every candidate at once overlap each other.
 * A connection lands anywhere on a node's body, not only on its small handle: while one is being
 * dragged, each other node's target handle covers the whole node. One watcher follows React
 * Flow's connection state and publishes only the two node ids, so nodes re-render when those
 * change, and do not run a selector on every pan or drag frame.
 */
import { Handle, Position, useConnection } from '@xyflow/react';
import { useEffect } from 'react';
import { create } from 'zustand';
import { edgeVerdict } from '../../domain/rules';
import { useStore } from '../store/store';

const useConnecting = create<{ from: string | null; to: string | null }>()(() => ({ from: null, to: null }));

/** Rendered once inside <ReactFlow>. */
export function ConnectionWatcher() {
  const ends = useConnection((connection) => (connection.inProgress ? `${connection.fromNode.id}\u0000${connection.toNode?.id ?? ''}` : null));
  useEffect(() => {
    const [from, to] = ends === null ? [null, null] : ends.split('\u0000');
    useConnecting.setState({ from, to: to || null });
  }, [ends]);
  return null;
}

/** The node's target handle: its top edge, or the whole node while a connection is dragged from elsewhere. */
export function TargetHandle({ nodeId }: { nodeId: string }) {
  const whole = useConnecting((state) => state.from !== null && state.from !== nodeId);
  return <Handle type="target" position={Position.Top} className={whole ? 'handle handle-whole' : 'handle'} />;
}

/**
 * A handle's element without React Flow's Handle: the same classes and place, so React Flow still
 * measures where an edge starts and ends, but no selector of its own that React Flow runs on every
 * store update (two per node: at 1,000 nodes in view, most of what a drag frame cost). For an
 * overview zoom, where handles are hidden and cannot be grabbed.
 */
export function StillHandle({ type }: { type: 'source' | 'target' }) {
  const side = type === 'source' ? Position.Bottom : Position.Top;
  return <div className={`react-flow__handle react-flow__handle-${side} nodrag nopan ${type} handle`} data-handlepos={side} />;
}

export function ConnectionHint({ nodeId }: { nodeId: string }) {
  const fromId = useConnecting((state) => (state.to === nodeId ? state.from : null));
  if (!fromId || fromId === nodeId) return null;
  const { diagram, strict } = useStore.getState();
  const verdict = edgeVerdict(diagram, fromId, nodeId);
  const refused = strict && verdict.severity === 'error';
  const tone = verdict.severity ?? 'allowed';
  return (
    <span className={`connection-hint ${tone}${refused ? ' refused' : ''}`} data-testid="connection-hint" role="status">
      {verdict.allowed ? '✓ ' : refused ? '⛔ ' : '✗ '}
      {verdict.rule ? <strong>{verdict.rule}</strong> : null} {verdict.message}
    </span>
  );
}
