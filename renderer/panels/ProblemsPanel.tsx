/** Every finding, errors first, with counts; clicking one selects and centres what it is about. */
import { useMemo, useState } from 'react';
import { reservedNotes, type Finding, type Note } from '../../domain/rules';
import { useFitNodes } from '../canvas/fit';
import { countBySeverity, findingsOf, validatedDiagram } from '../store/findings';
import { selectionFor } from '../store/reveal';
import { calmIndex } from '../store/calm';
import { quickFixFor } from '../../domain/quickfix';
import { DriftList } from './DriftList';
import { useStore } from '../store/store';

/**
 * How many problems are listed until asked for all: a large, tangled diagram can have a thousand,
 * and laying them all out made opening it visibly slower, for a list nobody reads to the end.
 */
export const PROBLEMS_SHOWN = 200;

export function ProblemsPanel() {
  const findings = useStore((state) => calmIndex(findingsOf(state.diagram), state.fresh).findings);
  // Not the diagram itself: that changes on every frame of a drag, and this list does not.
  const diagram = useStore((state) => validatedDiagram(state.diagram));
  const [showAll, setShowAll] = useState(false);
  const fitNodes = useFitNodes();
  const ordered = [...findings.filter((f) => f.severity === 'error'), ...findings.filter((f) => f.severity === 'warning')];
  const shown = showAll ? ordered : ordered.slice(0, PROBLEMS_SHOWN);
  const { errors, warnings } = countBySeverity(findings);
  // What the export renames (a table or an attribute whose name is taken): nothing to fix, said once.
  const notes = useMemo(() => reservedNotes(diagram), [diagram]);
  const reveal = (finding: Finding | Note) => {
    useStore.getState().select(selectionFor(finding));
    // Centred on the components it names, which stay unselected for an edge rule.
    if (finding.nodes.length > 0) fitNodes({ padding: 0.6, duration: 250, maxZoom: 1.2 }, finding.nodes);
  };
  return (
    <section className="problems" aria-label="Problems" data-testid="problems">
      <header className="problems-header">
        <h2>Problems</h2>
        <span className="count error" data-testid="error-count">
          {errors} {errors === 1 ? 'error' : 'errors'}
        </span>
        <span className="count warning" data-testid="warning-count">
          {warnings} {warnings === 1 ? 'warning' : 'warnings'}
        </span>
      </header>
      {ordered.length === 0 ? (
        <p className="problems-empty">No problems: the diagram follows the layering rules.</p>
      ) : (
        <ul className="problems-list">
          {shown.map((finding, i) => (
            <li key={i}>
              <button type="button" className={`problem ${finding.severity}`} data-rule={finding.rule} onClick={() => reveal(finding)}>
                <span className="problem-rule">{finding.rule}</span>
                <span className="problem-message">{finding.message}</span>
                <span className="problem-fix">{finding.fix}</span>
              </button>
              <QuickFixButton fix={quickFixFor(diagram, finding)} finding={finding} />
            </li>
          ))}
          {shown.length < ordered.length && (
            <li>
              <button type="button" className="problems-more" onClick={() => setShowAll(true)}>
                Show all {ordered.length} problems ({ordered.length - shown.length} more)
              </button>
            </li>
          )}
        </ul>
      )}
      {notes.length > 0 && (
        <ul className="problems-list" aria-label="Notes" data-testid="notes">
          {notes.map((note, i) => (
            <li key={i}>
              <button type="button" className="problem note" data-rule={note.rule} onClick={() => reveal(note)}>
                <span className="problem-rule">note · {note.rule}</span>
                <span className="problem-message">{note.message}</span>
                <span className="problem-fix">{note.fix}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <DriftList />
    </section>
  );
}

/**
 * A finding's repair in one click and one undo step; the finding goes when it is applied. The
 * edit is made from the diagram as it is at the click (a fix may place a node between two that
 * moved since the label was worked out).
 */
function QuickFixButton({ fix, finding }: { fix: ReturnType<typeof quickFixFor>; finding: Finding }) {
  if (!fix) return null;
  const apply = () => {
    const now = quickFixFor(useStore.getState().diagram, finding);
    if (now) useStore.getState().edit(now.edit);
  };
  return (
    <button type="button" className="quick-fix" onClick={apply}>
      Fix: {fix.label}
    </button>
  );
}
