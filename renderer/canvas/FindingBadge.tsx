/** A small badge on a node or edge with findings; hovering shows each message and its fix. */
import type { ItemStatus } from '../store/findings';

export function FindingBadge({ status }: { status: ItemStatus }) {
  return (
    <span className={`finding-badge ${status.severity}`} data-testid="finding-badge" tabIndex={0}>
      {status.severity === 'error' ? '!' : '⚠'}
      {status.findings.length > 1 && <span className="finding-count">{status.findings.length}</span>}
      <span className="finding-popover" role="tooltip">
        {status.findings.map((finding, i) => (
          <span key={i} className={`finding-line ${finding.severity}`}>
            <strong>{finding.rule}</strong> {finding.message}
            <em>Fix: {finding.fix}</em>
          </span>
        ))}
      </span>
    </span>
  );
}
