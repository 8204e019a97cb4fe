/**
 * Parsing a large project on every core: tree-sitter parses one file at a time, and parsing is
 * most of an import's cost, so files are shared among worker threads (one per core, at most
 * four), balanced by size. Small projects are parsed in the calling thread: starting workers
 * costs more than it saves.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readPythonFiles, selectFiles, type ModuleFacts, type ProjectSource } from '../../domain/import';
import { parseWorkerFile } from './parse-worker-file';
import { loadPythonParser } from './python-parser';

export interface ParseRequest {
  readonly id: number;
  readonly files: ReadonlyArray<{ readonly path: string; readonly text: string }>;
}

export type ParseReply = { readonly id: number; readonly facts: ReadonlyArray<readonly [string, ModuleFacts]> } | { readonly id: number; readonly error: string };

/** Below this much Python, one thread is quicker than starting workers. */
export const PARALLEL_FROM_BYTES = 8 * 1024 * 1024;
const MAX_WORKERS = 4;

/** The facts of every Python file of `source`; `parallelFrom` (bytes of Python) is for tests. */
export async function parseProject(source: Pick<ProjectSource, 'files'>, parallelFrom = PARALLEL_FROM_BYTES): Promise<Map<string, ModuleFacts>> {
  const python = selectFiles(source.files).files.filter((f) => f.path.endsWith('.py'));
  const bytes = python.reduce((sum, f) => sum + f.text.length, 0);
  const workers = Math.min(MAX_WORKERS, availableParallelism());
  if (workers < 2 || bytes < parallelFrom) return readPythonFiles({ files: python }, await loadPythonParser());
  const batches = balance(python, workers);
  const replies = await Promise.all(batches.map((files, id) => parseOnWorker({ id, files })));
  return new Map(replies.flat());
}

/** Largest files first, each to the lightest batch: batches finish at about the same time. */
function balance<T extends { text: string }>(files: readonly T[], count: number): T[][] {
  const batches = Array.from({ length: count }, () => ({ size: 0, files: [] as T[] }));
  for (const file of [...files].sort((a, b) => b.text.length - a.text.length)) {
    const lightest = batches.reduce((min, batch) => (batch.size < min.size ? batch : min));
    lightest.files.push(file);
    lightest.size += file.text.length;
  }
  return batches.map((batch) => batch.files).filter((files) => files.length > 0);
}

function parseOnWorker(request: ParseRequest): Promise<ReadonlyArray<readonly [string, ModuleFacts]>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(parseWorkerFile());
    const finish = () => void worker.terminate();
    worker.once('message', (reply: ParseReply) => {
      finish();
      if ('error' in reply) reject(new Error(`parsing failed: ${reply.error}`));
      else resolve(reply.facts);
    });
    worker.once('error', (error) => {
      finish();
      reject(error);
    });
    worker.postMessage(request);
  });
}
