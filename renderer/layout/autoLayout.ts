/**
 * The "Auto-layout" command: the diagram goes to a worker, the new positions come back as one
 * `move-nodes` edit, so one undo restores the old layout, together with every edge's route. Where
 * a worker cannot start (a page opened from a file, say), the same pure code runs here instead.
 */
import type { Diagram } from '../../domain/diagram';
import { layOutWithRoutes, type RoutedLayout } from '../../domain/layout/routed';
import { NOTE_SIZE } from '../align/boxes';
import { measuredSize } from '../canvas/derive';
import { NODE_SIZE } from '../canvas/features';
import { onCommand } from '../commands';
import { applyWithRoutes } from '../routing/routes';
import { useStore } from '../store/store';
import type { LayoutAnswer, LayoutRequest } from './layout.worker';
import { notesClearOf } from './notes';

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve(layout: RoutedLayout): void; reject(error: Error): void }>();

function startWorker(): Worker {
  const started = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'strata-layout' });
  started.onmessage = (event: MessageEvent<LayoutAnswer>) => {
    const waiting = pending.get(event.data.id);
    pending.delete(event.data.id);
    if (!waiting) return;
    if ('error' in event.data) waiting.reject(new Error(event.data.error));
    else waiting.resolve({ positions: new Map(event.data.positions), routes: new Map(event.data.routes), searched: new Map(event.data.searched) });
  };
  started.onerror = (event) => {
    event.preventDefault();
    worker = undefined;
    for (const [id, waiting] of pending) {
      pending.delete(id);
      waiting.reject(new Error('the layout worker stopped'));
    }
  };
  return started;
}

function layOutInWorker(diagram: Diagram): Promise<RoutedLayout> {
  worker ??= startWorker();
  const id = nextId++;
  const request: LayoutRequest = { id, diagram };
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker!.postMessage(request);
  });
}

function layOutHere(diagram: Diagram): RoutedLayout {
  return layOutWithRoutes(diagram);
}

/**
 * Lays the diagram out; an edit made meanwhile wins, and the layout is dropped. The answer is
 * applied in steps a frame apart, the new positions together with the routes computed for them,
 * then the fit to view, so that at thousands of nodes no single task holds up input for long
 * (each step re-renders the canvas).
 */
export async function autoLayout(): Promise<void> {
  const diagram = useStore.getState().diagram;
  if (diagram.nodes.length === 0) return;
  const layout = await layOutInWorker(diagram).catch(() => layOutHere(diagram));
  const { positions } = layout;
  // The answer arrived in a task of its own (reading it is work): the edit starts the next one.
  await nextFrame();
  if (useStore.getState().diagram.nodes !== diagram.nodes) return;
  // Notes the new layout would bury under nodes step aside in the same edit, so one undo restores both.
  const notes = notesClearOf(diagram, positions, (id, isNote) => measuredSize(id) ?? (isNote ? NOTE_SIZE : NODE_SIZE));
  const moves = notes.size > 0 ? new Map([...positions, ...notes]) : positions;
  const move = () => useStore.getState().edit({ type: 'move-nodes', positions: moves });
  // The layout's routes are drawn as computed, in the same change as the positions, until something
  // moves, and they seed the routing worker, which then need not route the whole diagram again.
  if (useStore.getState().diagram.edges === diagram.edges) applyWithRoutes(layout, move);
  else move();
  await nextFrame();
  window.dispatchEvent(new Event('strata:zoom-to-fit'));
}

/** After the next frame is drawn (or, in a hidden window, which draws none, after a task). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (document.visibilityState === 'hidden') setTimeout(resolve, 0);
    else requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

onCommand('auto-layout', () => void autoLayout());
