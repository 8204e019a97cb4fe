/**
 * Inputs for the Inspector. Text is checked as it is typed but committed only on Enter or blur,
 * so that one committed change is one undo step rather than one step per keystroke.
 */
import { useState, type ReactNode, type Ref } from 'react';
import { describeNameProblem, nameProblem, pythonForm } from '../../domain/names';
import { MAX_NAME_LENGTH } from '../../domain/parse';
import type { Finding } from '../../domain/rules';
import { uniqueFindings } from '../store/reveal';

export interface CommitTextProps {
  readonly label: string;
  readonly value: string;
  /** Called with the typed text once it is committed and differs from `value`. */
  readonly onCommit: (text: string) => void;
  /** The value to store for a draft, or undefined to refuse it (the field then shows `value` again). */
  readonly accept?: (draft: string) => string | undefined;
  /** Shown under the field while typing: a problem (red) or a hint. */
  readonly describe?: (draft: string) => Note | undefined;
  readonly placeholder?: string;
  readonly className?: string;
  readonly inputRef?: Ref<HTMLInputElement>;
}

export interface Note {
  readonly text: ReactNode;
  readonly problem?: boolean;
}

export function CommitText(props: CommitTextProps) {
  const { value, onCommit, accept } = props;
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  // A change from elsewhere (undo, another field) replaces the draft.
  if (value !== shown) {
    setShown(value);
    setDraft(value);
  }
  const commit = () => {
    const accepted = accept ? accept(draft) : draft;
    if (accepted === undefined) setDraft(value);
    else if (accepted !== value) onCommit(accepted);
    else if (accepted !== draft) setDraft(accepted);
  };
  const note = props.describe?.(draft);
  return (
    <span className={`commit-text ${props.className ?? ''}`}>
      <input
        ref={props.inputRef}
        aria-label={props.label}
        value={draft}
        maxLength={MAX_NAME_LENGTH}
        placeholder={props.placeholder}
        aria-invalid={note?.problem ? true : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') setDraft(value);
        }}
      />
      {note && (
        <span className={`field-note${note.problem ? ' problem' : ''}`} role={note.problem ? 'alert' : undefined}>
          {note.text}
        </span>
      )}
    </span>
  );
}

/** The naming rules applied to a draft: the problem if there is one, else its Python form. */
export function describeName(draft: string): Note {
  const problem = nameProblem(draft);
  if (problem) return { text: describeNameProblem(draft, problem), problem: true };
  return { text: <>Python: <code>{pythonForm(draft)}</code></> };
}

/** Names inside details (fields, tasks) must not be empty: a file with one would not open. */
export function nonEmpty(draft: string): string | undefined {
  return draft.trim() === '' ? undefined : draft.trim();
}

export function Choice<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  onChange: (value: T) => void;
}) {
  return (
    <select aria-label={props.label} value={props.value} onChange={(event) => props.onChange(event.target.value as T)}>
      {props.options.map((option) => (
        <option key={option} value={option}>
          {option}
        </option>
      ))}
    </select>
  );
}

export function Findings({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <ul className="inspector-findings">
      {uniqueFindings(findings).map((finding, i) => (
        <li key={i} className={finding.severity}>
          <strong>{finding.rule}</strong> {finding.message}
          <em>{finding.fix}</em>
        </li>
      ))}
    </ul>
  );
}
