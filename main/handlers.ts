/**
 * The main-process side of the contract: one handler per call, shared by the Electron IPC
 * transport and the loopback web transport. Each handler validates its payload first.
 */
import { basename } from 'node:path';
import { parseDiagram } from '../domain/parse';
import { SAMPLE_DIAGRAM } from '../domain/sample';
import { serializeDiagram } from '../domain/serialize';
import type { Api, ApiCall, ExportProgress, OpenResult, SaveResult } from '../preload/api';
import { exportProject } from './export/export-project';
import { describeFileError, readTextFile, writeFileAtomic } from './files';
import {
  checkDocumentState,
  checkOpenRequest,
  checkOpenTextRequest,
  checkPathRequest,
  checkPictureRequest,
  checkRecoveryRequest,
  checkSaveRequest,
} from './payload';
import type { RecentFiles } from './recent';
import type { RecoveryStore } from './recovery';

export type SaveKind = 'diagram' | 'zip' | 'png' | 'svg' | 'mermaid';

/** What differs between the desktop app and the web harness: dialogs and the window. */
export interface Host {
  askOpenPath(): Promise<string | undefined>;
  /** A path chosen in a save dialog; the dialog itself confirms replacing an existing file. */
  askSavePath(suggestedName: string, kind: SaveKind): Promise<string | undefined>;
  setDocumentState(title: string, dirty: boolean): void;
  showInFolder(path: string): void;
  sendExportProgress(progress: ExportProgress): void;
  readonly recent: RecentFiles;
  readonly recovery: RecoveryStore;
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
      const path =
        request.path ?? withExtension(await host.askSavePath(request.suggestedName ?? 'diagram.strata', 'diagram'), '.strata');
      if (!path) return { status: 'canceled' };
      return save(path, serializeDiagram(request.diagram), host.recent);
    },
    recentFiles: async () => host.recent.list(),
    setDocumentState: async (payload) => {
      const { title, dirty } = checkDocumentState(payload);
      host.setDocumentState(title, dirty);
    },
    exportProject: (payload) => exportProject(payload, host),
    showInFolder: async (payload) => host.showInFolder(checkPathRequest(payload).path),
    savePicture: async (payload) => {
      const request = checkPictureRequest(payload);
      const extension = request.format === 'mermaid' ? '.mmd' : `.${request.format}`;
      const path = withExtension(await host.askSavePath(request.suggestedName, request.format), extension);
      if (!path) return { status: 'canceled' };
      const data = request.format === 'png' ? Buffer.from(request.data, 'base64') : request.data;
      return writeOut(path, data);
    },
    writeRecovery: async (payload) => host.recovery.write(checkRecoveryRequest(payload).file),
    readRecovery: async () => host.recovery.read(),
    clearRecovery: async () => host.recovery.clear(),
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
  const result = await writeOut(path, text);
  if (result.status === 'saved') await recent.add(path);
  return result;
}

async function writeOut(path: string, data: string | Buffer): Promise<SaveResult> {
  try {
    await writeFileAtomic(path, data);
  } catch (error) {
    return { status: 'failed', message: describeFileError(error, path) };
  }
  return { status: 'saved', path, name: basename(path) };
}

function withExtension(path: string | undefined, extension: string): string | undefined {
  if (!path) return undefined;
  return path.endsWith(extension) ? path : `${path}${extension}`;
}
