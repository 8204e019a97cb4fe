/**
 * While a connection is being dragged, each candidate target says whether the new edge would
 * be allowed, and why not. One watcher follows React Flow's connection state and publishes only
 * the node the drag started from, so nodes re-render when a drag starts and ends, and do not
 * run a selector on every pan or drag frame.
 */
import { useConnection } from '@xyflow/react';
import { useEffect } from 'react';
import { create } from 'zustand';
import { edgeVerdict } from '../../domain/rules';
import { useStore } from '../store/store';

const useConnecting = create<{ from: string | null }>()(() => ({ from: null }));

/** Rendered once inside <ReactFlow>. */
export function ConnectionWatcher() {
  const from = useConnection((connection) => (connection.inProgress ? connection.fromNode.id : null));
  useEffect(() => useConnecting.setState({ from }), [from]);
  return null;
}

export function ConnectionHint({ nodeId }: { nodeId: string }) {
  const fromId = useConnecting((state) => state.from);
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
