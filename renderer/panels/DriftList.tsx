/** The Problems panel's drift section: where the code and the diagram disagree, with `file:line`. */
import { useReactFlow } from '@xyflow/react';
import type { DriftFinding } from '../../domain/import';
import { clearDrift, useDrift } from '../store/drift';
import { selectionFor } from '../store/reveal';
import { useStore } from '../store/store';

export function DriftList() {
  const drift = useDrift((state) => state.drift);
  const { fitView } = useReactFlow();
  if (!drift) return null;
  const count = (severity: DriftFinding['severity']) => drift.findings.filter((f) => f.severity === severity).length;
  const reveal = (finding: DriftFinding, index: number) => {
    useStore.getState().select(selectionFor(finding));
    const nodes = finding.ghost ? [{ id: `ghost:${index}` }] : finding.nodes.map((id) => ({ id }));
    if (nodes.length > 0) void fitView({ nodes, padding: 0.6, duration: 250, maxZoom: 1.2 });
  };
  return (
    <section className="drift-section" aria-label="Drift" data-testid="drift">
      <header className="problems-header">
        <h2>Code in {drift.folder}</h2>
        <span className="count error" data-testid="drift-error-count">{count('error')} errors</span>
        <span className="count warning" data-testid="drift-warning-count">{count('warning')} warnings</span>
        <span className="count">{count('note')} notes</span>
        <button type="button" onClick={clearDrift} title="Stop showing the comparison">
          Close
        </button>
      </header>
      {drift.findings.length === 0 ? (
        <p className="problems-empty">The code and the diagram agree.</p>
      ) : (
        <ul className="problems-list">
          {drift.findings.map((finding, i) => (
            <li key={i}>
              <button type="button" className={`problem ${finding.severity}`} data-rule={finding.rule} onClick={() => reveal(finding, i)}>
                <span className="problem-rule">{finding.rule}</span>
                {finding.file && <span className="problem-where">{finding.line ? `${finding.file}:${finding.line}` : finding.file}</span>}
                <span className="problem-message">{finding.message}</span>
                <span className="problem-fix">{finding.fix}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
