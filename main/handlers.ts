/**
 * The main-process side of the contract: one handler per call, shared by the Electron IPC
 * transport and the loopback web transport. Each handler validates its payload first, and
 * accepts a path only where main produced or granted it (main/grants.ts).
 */
import { realpath } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { parseDiagram } from '../domain/parse';
import { SAMPLE_DIAGRAM } from '../domain/sample';
import { serializeDiagram } from '../domain/serialize';
import type { Api, ApiCall, ExportProgress, OpenResult, SaveResult } from '../preload/api';
import { exportProject } from './export/export-project';
import { compareWithCodeHandler, importProjectHandler } from './import/handlers';
import { describeFileError, readDiagramFile, removeStaleTempFiles, versionOf, versionOnDisk, writeFileAtomic } from './files';
import type { PathGrants } from './grants';
import {
  checkDocumentState,
  checkOpenRequest,
  checkOpenTextRequest,
  checkPathRequest,
  checkPictureRequest,
  checkRecoveryRead,
  checkRecoveryWrite,
  checkSaveRequest,
  checkSlot,
  PayloadError,
} from './payload';
import type { RecentFiles } from './recent';
import type { RecoveryStore } from './recovery';

export type SaveKind = 'diagram' | 'zip' | 'png' | 'svg' | 'mermaid';

/** What differs between the desktop app and the web harness: dialogs and the window. */
export interface Host {
  askOpenPath(): Promise<string | undefined>;
  /** A folder chosen in a dialog, to import or to compare with the diagram; undefined in the browser. */
  askFolderPath(purpose: 'import' | 'compare'): Promise<string | undefined>;
  /** A path chosen in a save dialog; the dialog itself confirms replacing an existing file. */
  askSavePath(suggestedName: string, kind: SaveKind): Promise<string | undefined>;
  setDocumentState(title: string, dirty: boolean): void;
  /** The renderer's answer to 'save-before-close'. */
  savedBeforeClose(saved: boolean): void;
  showInFolder(path: string): void;
  sendExportProgress(progress: ExportProgress): void;
  readonly recent: RecentFiles;
  readonly recovery: RecoveryStore;
  /** The paths this window's renderer may use; main adds to it, the renderer never can. */
  readonly grants: PathGrants;
}

export type Handlers = {
  [K in ApiCall]: (payload: unknown) => ReturnType<Api[K]>;
};

export function createHandlers(host: Host): Handlers {
  const { grants } = host;
  /** What each file held when this window last opened or saved it, to notice changes by others. */
  const versions = new Map<string, string>();

  const open = async (path: string): Promise<OpenResult> => {
    const result = await openFromDisk(path, versions);
    if (result.status === 'opened') {
      grants.grant(path, 'open', 'save', 'reveal');
      await host.recent.add(path);
    }
    return result;
  };

  const save = async (path: string, text: string, overwrite: boolean): Promise<SaveResult> => {
    if (!overwrite) {
      const onDisk = await versionOnDisk(path).catch(() => undefined);
      const changedByOthers = onDisk !== undefined && onDisk !== versions.get(path) && onDisk !== versionOf(text);
      if (changedByOthers) return { status: 'conflict', path, name: basename(path) };
    }
    const result = await writeOut(path, text);
    if (result.status === 'saved') {
      versions.set(path, versionOf(text));
      grants.grant(path, 'open', 'save', 'reveal');
      await host.recent.add(path);
    }
    return result;
  };

  return {
    loadSample: async () => ({ path: null, name: 'shop (sample)', diagram: SAMPLE_DIAGRAM }),
    openDiagram: async (payload) => {
      const request = checkOpenRequest(payload);
      if (request.path === undefined) {
        const chosen = await host.askOpenPath();
        return chosen ? open(chosen) : { status: 'canceled' };
      }
      const listed = (await host.recent.list()).includes(request.path);
      return open(listed ? request.path : grants.require(request.path, 'open'));
    },
    openDiagramText: async (payload) => {
      const request = checkOpenTextRequest(payload);
      return openFromText(request.name, request.text, null);
    },
    saveDiagram: async (payload) => {
      const request = checkSaveRequest(payload);
      const text = serializeDiagram(request.diagram);
      if (request.path !== undefined) return save(grants.require(request.path, 'save'), text, request.overwrite === true);
      const chosen = await host.askSavePath(request.suggestedName ?? 'diagram.strata', 'diagram');
      // The dialog has already asked about replacing an existing file.
      return chosen ? save(withExtension(chosen, '.strata'), text, true) : { status: 'canceled' };
    },
    recentFiles: async () => host.recent.list(),
    setDocumentState: async (payload) => {
      const { title, dirty } = checkDocumentState(payload);
      host.setDocumentState(title, dirty);
    },
    savedBeforeClose: async (payload) => {
      const saved = typeof payload === 'object' && payload !== null && (payload as { saved?: unknown }).saved === true;
      host.savedBeforeClose(saved);
    },
    exportProject: async (payload) => {
      const result = await exportProject(payload, host);
      if (result.status === 'exported' && result.path) grants.grant(result.path, 'reveal');
      return result;
    },
    showInFolder: async (payload) => host.showInFolder(grants.require(checkPathRequest(payload).path, 'reveal')),
    importProject: (payload) => importProjectHandler(host, payload),
    compareWithCode: (payload) => compareWithCodeHandler(host, payload),
    savePicture: async (payload) => {
      const request = checkPictureRequest(payload);
      const extension = request.format === 'mermaid' ? '.mmd' : `.${request.format}`;
      const chosen = await host.askSavePath(request.suggestedName, request.format);
      if (!chosen) return { status: 'canceled' };
      const path = withExtension(chosen, extension);
      const result = await writeOut(path, request.format === 'png' ? Buffer.from(request.data, 'base64') : request.data);
      if (result.status === 'saved') grants.grant(path, 'reveal');
      return result;
    },
    writeRecovery: async (payload) => {
      const { slot, file } = checkRecoveryWrite(payload);
      // The path goes back to the renderer in a later session, so it must be one it may save to.
      if (file.path !== null) grants.require(file.path, 'save');
      await host.recovery.write(slot, file);
    },
    readRecovery: async (payload) => {
      const recoveries = await host.recovery.list(checkRecoveryRead(payload).except);
      // Main wrote these paths itself, from grants of an earlier session.
      for (const { file } of recoveries) if (file.path !== null) grants.grant(file.path, 'open', 'save', 'reveal');
      return recoveries;
    },
    clearRecovery: async (payload) => {
      if (typeof payload !== 'object' || payload === null) throw new PayloadError('request must be an object');
      await host.recovery.clear(checkSlot((payload as { slot?: unknown }).slot));
    },
  };
}

async function openFromDisk(path: string, versions: Map<string, string>): Promise<OpenResult> {
  // A save of this file that a crash interrupted is finished (or its leftovers removed) first.
  const real = await realpath(path).catch(() => path);
  await removeStaleTempFiles(dirname(real), basename(real));
  try {
    const { text, version } = await readDiagramFile(path);
    const result = openFromText(basename(path), text, path);
    if (result.status === 'opened') versions.set(path, version);
    return result;
  } catch (error) {
    return { status: 'invalid', name: basename(path), errors: [{ path: '$', message: describeFileError(error, path) }] };
  }
}

function openFromText(name: string, text: string, path: string | null): OpenResult {
  const result = parseDiagram(text);
  if (!result.ok) return { status: 'invalid', name, errors: result.errors };
  return { status: 'opened', file: { path, name, diagram: result.diagram } };
}

async function writeOut(path: string, data: string | Buffer): Promise<SaveResult> {
  try {
    await writeFileAtomic(path, data);
  } catch (error) {
    return { status: 'failed', message: describeFileError(error, path) };
  }
  return { status: 'saved', path, name: basename(path) };
}

function withExtension(path: string, extension: string): string {
  return path.endsWith(extension) ? path : `${path}${extension}`;
}
