/**
 * A question with a few answers, as a modal (unsaved changes, a file changed on disk). Questions
 * come one at a time; Escape picks the last answer, which is always the safe one (Cancel).
 */
import { create } from 'zustand';

export interface Choice<T extends string> {
  readonly value: T;
  readonly label: string;
  readonly primary?: boolean;
}

interface Question {
  readonly title: string;
  readonly detail: string;
  readonly choices: readonly Choice<string>[];
  answer(value: string): void;
}

/** The question on screen, if any (exported for tests, which answer it). */
export const useQuestion = create<{ question: Question | null }>(() => ({ question: null }));

let queue: Promise<unknown> = Promise.resolve();

/** Asks, and resolves with the value of the chosen answer; the last choice is the cancel. */
export function askChoice<T extends string>(title: string, detail: string, choices: readonly Choice<T>[]): Promise<T> {
  const asked = queue.then(
    () =>
      new Promise<T>((resolve) => {
        const answer = (value: string) => {
          useQuestion.setState({ question: null });
          resolve(value as T);
        };
        useQuestion.setState({ question: { title, detail, choices, answer } });
      }),
  );
  queue = asked;
  return asked;
}

export function ChoiceDialog() {
  const question = useQuestion((state) => state.question);
  if (!question) return null;
  const cancel = question.choices[question.choices.length - 1]!.value;
  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="choice-title"
        aria-describedby="choice-detail"
        data-testid="choice-dialog"
        onKeyDown={(event) => event.key === 'Escape' && question.answer(cancel)}
      >
        <h2 id="choice-title">{question.title}</h2>
        <p id="choice-detail">{question.detail}</p>
        <div className="modal-actions">
          {[...question.choices].reverse().map((choice) => (
            <button
              key={choice.value}
              type="button"
              className={choice.primary ? 'primary' : undefined}
              autoFocus={choice.primary}
              onClick={() => question.answer(choice.value)}
            >
              {choice.label}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
