/**
 * The contract over loopback HTTP, for the web harness. Calls go to the same main-process
 * handlers as in the desktop app; only picking and downloading files is the browser's own.
 */
import { serializeDiagram } from '../../domain/serialize';
import type { Api, ApiCall, ExportRequest, ExportResult, OpenResult, PictureRequest, SaveRequest, SaveResult } from '../../preload/api';

type Call = <T>(name: ApiCall, payload?: unknown) => Promise<T>;

export function createWebApi(): Api {
  const token = document.querySelector<HTMLMetaElement>('meta[name="strata-token"]')?.content ?? '';
  const post = (name: ApiCall, payload: unknown) =>
    fetch(`api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-strata-token': token },
      body: JSON.stringify(payload ?? null),
    });
  const call: Call = async <T>(name: ApiCall, payload?: unknown) => resultOf<T>(name, await post(name, payload));
  const never = () => () => undefined;
  return {
    loadSample: () => call('loadSample'),
    openDiagram: async (request) => (request.path ? call('openDiagram', request) : pickAndOpen(call)),
    openDiagramText: (request) => call('openDiagramText', request),
    saveDiagram: async (request) => (request.path ? call('saveDiagram', request) : downloadDiagram(request)),
    recentFiles: () => call('recentFiles'),
    setDocumentState: (request) => call('setDocumentState', request),
    exportProject: async (request) => (request.path ? call('exportProject', request) : exportAsDownload(request, post)),
    // The browser's own download list shows where files went.
    showInFolder: async () => undefined,
    savePicture: async (request) => downloadPicture(request),
    writeRecovery: (request) => call('writeRecovery', request),
    readRecovery: () => call('readRecovery'),
    clearRecovery: () => call('clearRecovery'),
    onMenuCommand: never,
    onOpenFile: never,
    onExportProgress: never,
  };
}

async function resultOf<T>(name: string, response: Response): Promise<T> {
  const body = (await response.json()) as { result?: T; error?: string };
  if (!response.ok) throw new Error(body.error ?? `${name} failed with HTTP ${response.status}`);
  return body.result as T;
}

async function pickAndOpen(call: Call): Promise<OpenResult> {
  const file = await pickFile('.strata,application/json');
  if (!file) return { status: 'canceled' };
  return call('openDiagramText', { name: file.name, text: await file.text() });
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

async function exportAsDownload(
  request: ExportRequest,
  post: (name: ApiCall, payload: unknown) => Promise<Response>,
): Promise<ExportResult> {
  const response = await post('exportProject', request);
  if (response.headers.get('content-type') !== 'application/zip') return resultOf<ExportResult>('exportProject', response);
  const result = JSON.parse(response.headers.get('x-strata-result') ?? '{}') as ExportResult;
  download(await response.blob(), `${request.diagram.project.name || 'project'}.zip`);
  return result;
}

function downloadDiagram(request: SaveRequest): SaveResult {
  const name = request.suggestedName ?? 'diagram.strata';
  download(new Blob([serializeDiagram(request.diagram)], { type: 'application/json' }), name);
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
