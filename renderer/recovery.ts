/**
 * Crash recovery, renderer side: while there are unsaved changes the diagram goes to main's
 * recovery store every few seconds and whenever the window loses focus, so a crash loses at most
 * one interval of work. Each page (each window, each browser tab, each reload) writes its own
 * slot, so saving here never touches another's; saving clears only this page's slot.
 *
 * At start, work in slots no live page holds (a crash, a closed tab, a reload) is offered back
 * (RecoveryPrompt), one at a time, beside the diagram that loads as usual. It stays on disk until
 * the user restores or discards it. A page holds its slot with a Web Lock, which the browser
 * releases when the page goes, however it goes.
 */
import { create } from 'zustand';
import type { Recovery } from '../preload/api';
import { api } from './api';
import { replaceDiagram } from './replace';
import { isDirty, useStore, type DocumentState } from './store/store';

/** The loss window: work done since the last write is what a crash can take. */
export const RECOVERY_INTERVAL_MS = 3000;
const LOCK_PREFIX = 'strata-recovery-';

interface Offer {
  readonly recovery: Recovery;
  /** How many more wait after this one. */
  readonly more: number;
  restore(): void;
  discard(): void;
}

/** Recovered work waiting for the user's answer; RecoveryPrompt shows it. */
export const useRecoveryOffer = create<{ offer: Offer | null }>(() => ({ offer: null }));

function newSlot(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Holds this page's slot until the page goes; resolves once it is held. */
function holdSlot(slot: string): Promise<void> {
  const locks = navigator.locks as LockManager | undefined;
  if (!locks) return Promise.resolve();
  return new Promise((held) => {
    void locks.request(`${LOCK_PREFIX}${slot}`, () => {
      held();
      return new Promise<never>(() => undefined);
    });
  });
}

/** Slots other live pages of this app hold. */
async function liveSlots(): Promise<string[]> {
  const locks = navigator.locks as LockManager | undefined;
  if (!locks) return [];
  const { held = [] } = await locks.query();
  return held.map((lock) => lock.name ?? '').filter((name) => name.startsWith(LOCK_PREFIX)).map((name) => name.slice(LOCK_PREFIX.length));
}

/**
 * Reads what other pages left, then loads the default diagram and keeps unsaved work safe until
 * the returned function is called. The recovered work is offered, not forced: the prompt does
 * not block, so the user may also ignore it and start on something else.
 */
export function startRecovery(loadDefault: () => Promise<unknown>): () => void {
  const slot = newSlot();
  let stopped = false;
  let tracker: Tracker | undefined;
  const offer = (recoveries: readonly Recovery[]) => {
    const [recovery, ...rest] = recoveries;
    if (stopped || !recovery) return useRecoveryOffer.setState({ offer: null });
    const restore = () =>
      void replaceDiagram('restoring the unsaved work', async () => recovery.file, () => {
        // What is on disk is unknown, so "saved" becomes a copy: equal content, never the same diagram.
        useStore.setState((state) => ({ savedDiagram: { ...state.diagram } }));
        // Kept in this page's slot before the old one goes, so no moment exists without a copy.
        tracker?.writeNow(() => api.clearRecovery({ slot: recovery.slot }));
        offer(rest);
      });
    const discard = () => {
      void api.clearRecovery({ slot: recovery.slot }).catch((error: Error) => console.warn(`Recovery: ${error.message}`));
      offer(rest);
    };
    useRecoveryOffer.setState({ offer: { recovery, more: rest.length, restore, discard } });
  };
  const start = async () => {
    await holdSlot(slot);
    const recoveries = await api.readRecovery({ except: [...(await liveSlots()), slot] }).catch((error: Error) => {
      console.warn(`Recovered work could not be read: ${error.message}`);
      return [];
    });
    if (stopped) return;
    await loadDefault();
    if (stopped) return;
    tracker = trackUnsavedWork(slot);
    offer(recoveries);
  };
  void start();
  return () => {
    stopped = true;
    tracker?.stop();
    useRecoveryOffer.setState({ offer: null });
  };
}

interface Tracker {
  stop(): void;
  /** Writes the diagram now (even if unchanged since the last write), then runs `then`. */
  writeNow(then: () => Promise<void>): void;
}

/** Writes unsaved work to `slot` on a timer and on blur; clears the slot once nothing is unsaved. */
function trackUnsavedWork(slot: string): Tracker {
  let lastWritten: unknown = null;
  let written = false;
  // Calls run one after another, so that a clear can never be overtaken by an earlier write.
  let queue = Promise.resolve();
  const enqueue = (call: () => Promise<void>) => {
    queue = queue.then(call).catch((error: Error) => console.warn(`Recovery: ${error.message}`));
  };
  const writeState = () => {
    const { diagram, path, name } = useStore.getState();
    lastWritten = diagram;
    written = true;
    enqueue(() => api.writeRecovery({ slot, file: { path, name, diagram } }));
  };
  const write = () => {
    const state = useStore.getState();
    // Not in the middle of a drag: writing serialises the whole diagram, a long task in a large
    // one, and a frame the drag would drop. The gesture's end is written at the next tick.
    if (state.gestureStart !== null) return;
    if (isDirty(state) && state.diagram !== lastWritten) writeState();
  };
  const clearWhenClean = (state: DocumentState) => {
    if (!written || isDirty(state)) return;
    written = false;
    lastWritten = null;
    enqueue(() => api.clearRecovery({ slot }));
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
    writeNow: (then) => {
      writeState();
      enqueue(then);
    },
  };
}
