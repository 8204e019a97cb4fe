/**
 * While a connection is being dragged, each candidate target says whether the new edge would
 * be allowed, and why not. Only the start and end of a drag re-render it.
 */
import { useConnection } from '@xyflow/react';
import { edgeVerdict } from '../../domain/rules';
import { useStore } from '../store/store';

export function ConnectionHint({ nodeId }: { nodeId: string }) {
  const fromId = useConnection((connection) => (connection.inProgress ? connection.fromNode.id : null));
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
