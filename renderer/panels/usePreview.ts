/**
 * The generated project for the Export dialog's preview, computed in a worker. Until the first
 * answer it is undefined; afterwards the last answer stays on screen while a newer one is made.
 * Where a worker cannot start, the same pure code runs here instead.
 */
import { useEffect, useState } from 'react';
import type { Diagram } from '../../domain/diagram';
import { generate, type GenerateResult } from '../../domain/generate';
import type { ExportOptions } from '../../preload/api';
import type { PreviewAnswer, PreviewRequest } from './preview.worker';

let worker: Worker | undefined;
let nextId = 0;
interface Waiting {
  readonly request: PreviewRequest;
  readonly resolve: (result: GenerateResult) => void;
}

const waiting = new Map<number, Waiting>();

function generateInWorker(diagram: Diagram, options: ExportOptions): Promise<GenerateResult> {
  try {
    worker ??= startWorker();
  } catch {
    return Promise.resolve(generate(diagram, options));
  }
  const request: PreviewRequest = { id: nextId++, diagram, options };
  return new Promise((resolve) => {
    waiting.set(request.id, { request, resolve });
    worker!.postMessage(request);
  });
}

function startWorker(): Worker {
  const started = new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module', name: 'strata-preview' });
  started.onmessage = (event: MessageEvent<PreviewAnswer>) => {
    waiting.get(event.data.id)?.resolve(event.data.result);
    waiting.delete(event.data.id);
  };
  started.onerror = (event) => {
    event.preventDefault();
    // Said aloud: a silent fallback once hid a worker that never loaded (a bundling fault) and
    // put the whole generation back on the main thread.
    console.warn(`The export preview worker failed (${event.message}); generating on the main thread.`);
    worker = undefined;
    // Nothing is lost: what was asked of the dead worker is generated here.
    for (const [id, { request, resolve }] of waiting) {
      waiting.delete(id);
      resolve(generate(request.diagram, request.options));
    }
  };
  return started;
}

export function usePreview(diagram: Diagram, options: ExportOptions): GenerateResult | undefined {
  const [preview, setPreview] = useState<GenerateResult>();
  useEffect(() => {
    let current = true;
    void generateInWorker(diagram, options).then((result) => current && setPreview(result));
    return () => {
      current = false;
    };
  }, [diagram, options]);
  return preview;
}
