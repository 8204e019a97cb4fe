/**
 * The main-process side of the contract: one handler per call, shared by the Electron IPC
 * transport and the loopback web transport. Each handler validates its payload first.
 */
import { basename } from 'node:path';
import { parseDiagram } from '../domain/parse';
import { SAMPLE_DIAGRAM } from '../domain/sample';
import { serializeDiagram } from '../domain/serialize';
import type { Api, ApiCall, OpenResult, SaveResult } from '../preload/api';
import { FileProblem, readTextFile, writeFileAtomic } from './files';
import { checkOpenRequest, checkOpenTextRequest, checkSaveRequest } from './payload';
import type { RecentFiles } from './recent';

/** What differs between the desktop app and the web harness: how the user picks paths. */
export interface Host {
  askOpenPath(): Promise<string | undefined>;
  askSavePath(suggestedName: string): Promise<string | undefined>;
  readonly recent: RecentFiles;
}

export type Handlers = {
  [K in ApiCall]: (payload: unknown) => ReturnType<Api[K]>;
};

export function createHandlers(host: Host): Handlers {
  return {
    loadSample: async () => ({ path: null, name: 'shop (sample)', diagram: SAMPLE_DIAGRAM }),
    openDiagram: async (payload) => {
      const request = checkOpenRequest(payload);
      const path = request.path ?? (await host.askOpenPath());
      if (!path) return { status: 'canceled' };
      return openFromDisk(path, host.recent);
    },
    openDiagramText: async (payload) => {
      const request = checkOpenTextRequest(payload);
      return openFromText(request.name, request.text, null);
    },
    saveDiagram: async (payload) => {
      const request = checkSaveRequest(payload);
      const path = request.path ?? withExtension(await host.askSavePath(request.suggestedName ?? 'diagram.strata'));
      if (!path) return { status: 'canceled' };
      return save(path, serializeDiagram(request.diagram), host.recent);
    },
    recentFiles: async () => host.recent.list(),
  };
}

async function openFromDisk(path: string, recent: RecentFiles): Promise<OpenResult> {
  let text: string;
  try {
    text = await readTextFile(path);
  } catch (error) {
    return { status: 'invalid', name: basename(path), errors: [{ path: '$', message: describeFileError(error, path) }] };
  }
  const result = openFromText(basename(path), text, path);
  if (result.status === 'opened') await recent.add(path);
  return result;
}

function openFromText(name: string, text: string, path: string | null): OpenResult {
  const result = parseDiagram(text);
  if (!result.ok) return { status: 'invalid', name, errors: result.errors };
  return { status: 'opened', file: { path, name, diagram: result.diagram } };
}

async function save(path: string, text: string, recent: RecentFiles): Promise<SaveResult> {
  try {
    await writeFileAtomic(path, text);
  } catch (error) {
    return { status: 'failed', message: describeFileError(error, path) };
  }
  await recent.add(path);
  return { status: 'saved', path, name: basename(path) };
}

function withExtension(path: string | undefined): string | undefined {
  if (!path) return undefined;
  return path.endsWith('.strata') ? path : `${path}.strata`;
}

/** A message for people, never a stack trace. */
export function describeFileError(error: unknown, path: string): string {
  if (error instanceof FileProblem) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  const name = basename(path);
  switch (code) {
    case 'ENOENT':
      return `${name} does not exist.`;
    case 'EACCES':
    case 'EPERM':
      return `Strata may not access ${name}.`;
    case 'EISDIR':
      return `${name} is a folder, not a file.`;
    case 'ENOSPC':
      return `The disk is full; ${name} was not changed.`;
    default:
      return `${name}: ${(error as Error).message}`;
  }
}
