/**
 * The contract over loopback HTTP, for the web harness. Calls go to the same main-process
 * handlers as in the desktop app; only picking and downloading files is the browser's own.
 */
import { serializeDiagram } from '../../domain/serialize';
import type { Api, ApiCall, OpenResult, SaveRequest, SaveResult } from '../../preload/api';

export function createWebApi(): Api {
  const token = document.querySelector<HTMLMetaElement>('meta[name="strata-token"]')?.content ?? '';
  const call = async <T>(name: ApiCall, payload?: unknown): Promise<T> => {
    const response = await fetch(`api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-strata-token': token },
      body: JSON.stringify(payload ?? null),
    });
    const body = (await response.json()) as { result?: T; error?: string };
    if (!response.ok) throw new Error(body.error ?? `${name} failed with HTTP ${response.status}`);
    return body.result as T;
  };
  return {
    loadSample: () => call('loadSample'),
    openDiagram: async (request) => (request.path ? call('openDiagram', request) : pickAndOpen(call)),
    openDiagramText: (request) => call('openDiagramText', request),
    saveDiagram: async (request) => (request.path ? call('saveDiagram', request) : download(request)),
    recentFiles: () => call('recentFiles'),
    onMenuCommand: () => () => undefined,
  };
}

type Call = <T>(name: ApiCall, payload?: unknown) => Promise<T>;

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

function download(request: SaveRequest): SaveResult {
  const name = request.suggestedName ?? 'diagram.strata';
  const url = URL.createObjectURL(new Blob([serializeDiagram(request.diagram)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { status: 'saved', path: null, name };
}
