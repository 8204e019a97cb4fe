/**
 * The contract over loopback HTTP, for the web app. Calls go to the same main-process handlers
 * as in the desktop app, authenticated by the session cookie the server set when the browser
 * came through its printed address. Picking, saving and downloading files is the browser's own,
 * so no call here carries a path.
 */
import { serializeDiagram } from '../../domain/serialize';
import type { Api, ApiCall, ExportRequest, ExportResult, OpenResult, PictureRequest, SaveRequest, SaveResult } from '../../preload/api';
import { readPickedFile } from '../open-file';
import { pickProjectFolder } from '../upload-folder';
import { readCopy, recentCopies, rememberCopy } from './web-recent';

type Post = (name: ApiCall, payload: unknown) => Promise<Response>;

export function createWebApi(): Api {
  const post: Post = (name, payload) =>
    fetch(`api/${name}`, {
      method: 'POST',
      // JSON, which no cross-site form can send; the cookie goes along on same-origin requests.
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload ?? null),
    });
  const call = async <T>(name: ApiCall, payload?: unknown) => resultOf<T>(name, await post(name, payload));
  /** Opens a file's text; a diagram that opens is kept for Open Recent. */
  const openText = async (request: { name: string; text: string }): Promise<OpenResult> => {
    const result = await call<OpenResult>('openDiagramText', request);
    if (result.status === 'opened') rememberCopy(request.name, request.text);
    return result;
  };
  const never = () => () => undefined;
  return {
    loadSample: () => call('loadSample'),
    // The browser's own file picker, or a copy Open Recent kept in this browser: the browser app has no paths.
    openDiagram: async (request) => (request.path ? openCopy(request.path, openText) : pickAndOpen(openText)),
    openDiagramText: openText,
    saveDiagram: async (request) => downloadDiagram(request),
    recentFiles: async () => recentCopies(),
    setDocumentState: (request) => call('setDocumentState', request),
    // A browser tab has no close question of main's to answer.
    savedBeforeClose: async () => undefined,
    exportProject: async (request) => exportAsDownload(request, post),
    // The browser's own download list shows where files went.
    showInFolder: async () => undefined,
    // The browser reads the folder the user picks and sends its file texts.
    importProject: async (request) => {
      const upload = request.upload ?? (await pickProjectFolder());
      return upload ? call('importProject', { upload }) : { status: 'canceled' };
    },
    compareWithCode: async (request) => {
      const upload = request.upload ?? (await pickProjectFolder());
      return upload ? call('compareWithCode', { diagram: request.diagram, upload }) : { status: 'canceled' };
    },
    savePicture: async (request) => downloadPicture(request),
    writeRecovery: (request) => call('writeRecovery', request),
    readRecovery: (request) => call('readRecovery', request),
    clearRecovery: (request) => call('clearRecovery', request),
    pathOfDroppedFile: () => null,
    onMenuCommand: never,
    onOpenFile: never,
    onExportProgress: never,
  };
}

async function resultOf<T>(name: string, response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as { result?: T; error?: string };
  if (!response.ok) throw new Error(body.error ?? `${name} failed with HTTP ${response.status}`);
  return body.result as T;
}

async function pickAndOpen(openText: (request: { name: string; text: string }) => Promise<OpenResult>): Promise<OpenResult> {
  const file = await pickFile('.strata,application/json');
  if (!file) return { status: 'canceled' };
  const read = await readPickedFile(file);
  return read.ok ? openText({ name: file.name, text: read.text }) : read.result;
}

function pickFile(accept: string): Promise<File | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0]));
    input.addEventListener('cancel', () => resolve(undefined));
    input.click();
  });
}

async function exportAsDownload(request: ExportRequest, post: Post): Promise<ExportResult> {
  const response = await post('exportProject', request);
  if (response.headers.get('content-type') !== 'application/zip') return resultOf<ExportResult>('exportProject', response);
  const result = JSON.parse(response.headers.get('x-strata-result') ?? '{}') as ExportResult;
  download(await response.blob(), `${request.diagram.project.name || 'project'}.zip`);
  return result;
}

async function openCopy(key: string, openText: (request: { name: string; text: string }) => Promise<OpenResult>): Promise<OpenResult> {
  const copy = readCopy(key);
  if (!copy) throw new Error('This browser no longer keeps that copy: its storage was cleared or made room for newer ones.');
  return openText(copy);
}

function downloadDiagram(request: SaveRequest): SaveResult {
  const name = request.suggestedName ?? 'diagram.strata';
  const text = serializeDiagram(request.diagram);
  download(new Blob([text], { type: 'application/json' }), name);
  rememberCopy(name, text);
  return { status: 'saved', path: null, name };
}

function downloadPicture(request: PictureRequest): SaveResult {
  const bytes = request.format === 'png' ? Uint8Array.from(atob(request.data), (c) => c.charCodeAt(0)) : request.data;
  const type = { png: 'image/png', svg: 'image/svg+xml', mermaid: 'text/plain' }[request.format];
  download(new Blob([bytes], { type }), request.suggestedName);
  return { status: 'saved', path: null, name: request.suggestedName };
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
