/** Undo history of immutable diagram snapshots; structural sharing keeps each step small. */
import type { Diagram } from '../../domain/diagram';

export interface History {
  readonly past: readonly Diagram[];
  readonly future: readonly Diagram[];
}

export const EMPTY_HISTORY: History = { past: [], future: [] };
const MAX_STEPS = 200;

/** Records `before` as one undo step; a new step clears the redo list. */
export function record(history: History, before: Diagram): History {
  return { past: [...history.past.slice(-(MAX_STEPS - 1)), before], future: [] };
}

export function undo(history: History, current: Diagram): { history: History; diagram: Diagram } | undefined {
  const previous = history.past.at(-1);
  if (!previous) return undefined;
  return { diagram: previous, history: { past: history.past.slice(0, -1), future: [current, ...history.future] } };
}

export function redo(history: History, current: Diagram): { history: History; diagram: Diagram } | undefined {
  const next = history.future[0];
  if (!next) return undefined;
  return { diagram: next, history: { past: [...history.past, current], future: history.future.slice(1) } };
}
