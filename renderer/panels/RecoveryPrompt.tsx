/**
 * Offers back the unsaved work a crashed session (or a closed tab) left. A bar under the toolbar rather than a
 * modal: the diagram loads as usual and the user answers when ready.
 */
import { useRecoveryOffer } from '../recovery';

export function RecoveryPrompt() {
  const offer = useRecoveryOffer((state) => state.offer);
  if (!offer) return null;
  const { file, savedAt } = offer.recovery;
  const nodes = file.diagram.nodes.length;
  return (
    <section className="recovery-prompt" role="region" aria-labelledby="recovery-title" data-testid="recovery-prompt">
      <span className="recovery-icon" aria-hidden="true">
        ⟲
      </span>
      <div className="recovery-text">
        <strong id="recovery-title">Restore unsaved work from {describeTime(savedAt)}?</strong>
        <span>
          Strata closed before {file.name} was saved ({nodes} {nodes === 1 ? 'component' : 'components'}
          {file.path ? `, ${file.path}` : ''}).
          {offer.more > 0 && ` ${offer.more} more after this one.`}
        </span>
      </div>
      <button type="button" className="primary" onClick={offer.restore}>
        Restore
      </button>
      <button type="button" onClick={offer.discard}>
        Discard
      </button>
    </section>
  );
}

/** "14:05" for today, "3 May, 14:05" before. */
function describeTime(savedAt: number): string {
  const date = new Date(savedAt);
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  if (date.toDateString() === new Date().toDateString()) return time;
  return `${date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}, ${time}`;
}
