/**
 * The last comparison of the diagram with a project's code (File ▸ Compare with code…): shown on
 * the canvas (ghost nodes, dashed arrows) and in the Problems panel until closed or another
 * diagram is opened. A view of the code, never part of the Diagram.
 */
import { create } from 'zustand';
import type { DriftFinding } from '../../domain/import';
import { EMPTY_HISTORY } from './history';
import { useStore } from './store';

export interface Drift {
  readonly folder: string;
  readonly findings: readonly DriftFinding[];
}

export const useDrift = create<{ drift: Drift | null }>(() => ({ drift: null }));

export function showDrift(drift: Drift): void {
  useDrift.setState({ drift });
}

export function clearDrift(): void {
  useDrift.setState({ drift: null });
}

// Another diagram loaded (its history starts empty): the comparison was about the old one.
useStore.subscribe((state, previous) => {
  if (state.history === EMPTY_HISTORY && state.diagram !== previous.diagram) clearDrift();
});
