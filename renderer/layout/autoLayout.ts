/**
 * The "Auto-layout" command: the diagram goes to a worker, the new positions come back as one
 * `move-nodes` edit, so one undo restores the old layout. Where a worker cannot start (a page
 * opened from a file, say), the same pure code runs here instead.
 */
import type { Diagram, Position } from '../../domain/diagram';
import { layOut } from '../../domain/layout/lanes';
import { onCommand } from '../commands';
import { useStore } from '../store/store';
import type { LayoutAnswer, LayoutRequest } from './layout.worker';

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve(positions: Map<string, Position>): void; reject(error: Error): void }>();

function startWorker(): Worker {
  const started = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'strata-layout' });
  started.onmessage = (event: MessageEvent<LayoutAnswer>) => {
    const waiting = pending.get(event.data.id);
    pending.delete(event.data.id);
    if (!waiting) return;
    if ('error' in event.data) waiting.reject(new Error(event.data.error));
    else waiting.resolve(new Map(event.data.positions));
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

function layOutInWorker(diagram: Diagram): Promise<Map<string, Position>> {
  worker ??= startWorker();
  const id = nextId++;
  const request: LayoutRequest = { id, diagram };
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker!.postMessage(request);
  });
}

function layOutHere(diagram: Diagram): Map<string, Position> {
  return layOut(diagram);
}

/** Lays the diagram out; an edit made meanwhile wins, and the layout is dropped. */
export async function autoLayout(): Promise<void> {
  const diagram = useStore.getState().diagram;
  if (diagram.nodes.length === 0) return;
  const positions = await layOutInWorker(diagram).catch(() => layOutHere(diagram));
  const store = useStore.getState();
  if (store.diagram.nodes !== diagram.nodes) return;
  store.edit({ type: 'move-nodes', positions });
  window.dispatchEvent(new Event('strata:zoom-to-fit'));
}

onCommand('auto-layout', () => void autoLayout());
