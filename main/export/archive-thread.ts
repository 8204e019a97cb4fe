/**
 * Builds export archives on a worker thread, so that generating and zipping a large project
 * never freezes the main process (its window, menus and IPC). One worker is started on first use
 * and kept; a worker that dies fails the jobs it held (as failed exports, with a message) and is
 * replaced on the next export.
 */
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Diagram } from '../../domain/diagram';
import type { ExportOptions } from '../../preload/api';
import type { Archive, Progress } from './archive';

export interface WorkerRequest {
  readonly id: number;
  readonly diagram: Diagram;
  readonly options: ExportOptions;
}

export type WorkerReply =
  | { readonly id: number; readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly id: number; readonly type: 'done'; readonly archive: Archive };

interface Job {
  readonly resolve: (archive: Archive) => void;
  readonly onProgress?: Progress;
}

/** The worker's script: from source (through tsx) unless the built app says otherwise. */
let workerFile = new URL('./archive-worker-source.mjs', import.meta.url);

/** The built desktop app ships the worker as JavaScript beside its main bundle and says where. */
export function useBuiltArchiveWorker(path: string): void {
  workerFile = pathToFileURL(path);
}

let worker: Worker | undefined;
let nextId = 1;
const jobs = new Map<number, Job>();

export function buildArchiveOffThread(diagram: Diagram, options: ExportOptions, onProgress?: Progress): Promise<Archive> {
  const id = nextId++;
  const running = ensureWorker();
  return new Promise((resolve) => {
    jobs.set(id, { resolve, onProgress });
    running.ref();
    running.postMessage({ id, diagram, options } satisfies WorkerRequest);
  });
}

function ensureWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(workerFile);
  started.on('message', (reply: WorkerReply) => settle(reply));
  started.on('error', (error) => retire(started, `The export stopped with an error: ${error.message}`));
  started.on('exit', (code) => retire(started, `The export stopped unexpectedly (worker exit code ${code}).`));
  worker = started;
  return started;
}

function settle(reply: WorkerReply): void {
  const job = jobs.get(reply.id);
  if (!job) return;
  if (reply.type === 'progress') return job.onProgress?.(reply.done, reply.total);
  jobs.delete(reply.id);
  job.resolve(reply.archive);
  // An idle worker must not keep the app (or a test run) alive.
  if (jobs.size === 0) worker?.unref();
}

function retire(dead: Worker, message: string): void {
  if (worker !== dead) return;
  worker = undefined;
  for (const job of jobs.values()) job.resolve({ ok: false, message });
  jobs.clear();
}
