/**
 * Crash recovery, renderer side: while there are unsaved changes the diagram goes to main's
 * recovery file every few seconds and whenever the window loses focus, so a crash loses at most
 * one interval of work. Saving, or loading a diagram, clears it. At start, work a crashed
 * session left is offered back (RecoveryPrompt) beside the diagram that loads as usual.
 */
import { create } from 'zustand';
import type { Recovery } from '../preload/api';
import { api } from './api';
import { isDirty, useStore, type DocumentState } from './store/store';

/** The loss window: work done since the last write is what a crash can take. */
export const RECOVERY_INTERVAL_MS = 3000;

interface Offer {
  readonly recovery: Recovery;
  restore(): void;
  discard(): void;
}

/** Recovered work waiting for the user's answer; RecoveryPrompt shows it. */
export const useRecoveryOffer = create<{ offer: Offer | null }>(() => ({ offer: null }));

/**
 * Reads what a crashed session left, then loads the default diagram and keeps unsaved work safe
 * until the returned function is called. The recovered work is offered, not forced: the prompt
 * does not block, so the user may also ignore it and start on something else.
 */
export function startRecovery(loadDefault: () => Promise<unknown>): () => void {
  let stopped = false;
  let tracker: Tracker | undefined;
  const start = async () => {
    const recovery = await api.readRecovery().catch((error: Error) => {
      console.warn(`Recovered work could not be read: ${error.message}`);
      return null;
    });
    if (stopped) return;
    // Tracking starts only after the read, so that new work cannot overwrite the old first.
    await loadDefault();
    if (stopped) return;
    tracker = trackUnsavedWork(false);
    if (!recovery) return;
    const restore = () => {
      tracker?.stop();
      loadUnsaved(recovery);
      tracker = trackUnsavedWork(true);
      useRecoveryOffer.setState({ offer: null });
    };
    const discard = () => {
      tracker?.discardOffered();
      useRecoveryOffer.setState({ offer: null });
    };
    useRecoveryOffer.setState({ offer: { recovery, restore, discard } });
  };
  void start();
  return () => {
    stopped = true;
    tracker?.stop();
    useRecoveryOffer.setState({ offer: null });
  };
}

/** Shows recovered work as unsaved, under its original path and name, so Save puts it back there. */
function loadUnsaved(recovery: Recovery): void {
  useStore.getState().load(recovery.file);
  // What is on disk is unknown, so "saved" becomes a copy: equal content, never the same diagram.
  useStore.setState((state) => ({ savedDiagram: { ...state.diagram } }));
}

interface Tracker {
  stop(): void;
  /** Removes the recovery file unless it already holds this session's own work. */
  discardOffered(): void;
}

/** Writes unsaved work on a timer and on blur; clears it once nothing is unsaved. */
function trackUnsavedWork(restored: boolean): Tracker {
  let lastWritten = restored ? useStore.getState().diagram : null;
  let written = restored;
  let ownWork = false;
  // Calls run one after another, so that a clear can never be overtaken by an earlier write.
  let queue = Promise.resolve();
  const enqueue = (call: () => Promise<void>) => {
    queue = queue.then(call).catch((error: Error) => console.warn(`Recovery: ${error.message}`));
  };
  const write = () => {
    const state = useStore.getState();
    if (!isDirty(state) || state.diagram === lastWritten) return;
    const { diagram, path, name } = state;
    lastWritten = diagram;
    written = ownWork = true;
    enqueue(() => api.writeRecovery({ file: { path, name, diagram } }));
  };
  const clearWhenClean = (state: DocumentState) => {
    if (!written || isDirty(state)) return;
    written = false;
    lastWritten = null;
    enqueue(() => api.clearRecovery());
  };
  const writeWhenHidden = () => {
    if (document.visibilityState === 'hidden') write();
  };
  const timer = window.setInterval(write, RECOVERY_INTERVAL_MS);
  const unsubscribe = useStore.subscribe(clearWhenClean);
  window.addEventListener('blur', write);
  document.addEventListener('visibilitychange', writeWhenHidden);
  return {
    stop: () => {
      window.clearInterval(timer);
      unsubscribe();
      window.removeEventListener('blur', write);
      document.removeEventListener('visibilitychange', writeWhenHidden);
    },
    discardOffered: () => {
      if (!ownWork) enqueue(() => api.clearRecovery());
    },
  };
}
