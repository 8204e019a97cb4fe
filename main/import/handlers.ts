/**
 * The import handlers of the contract: read a project the user picked (a folder dialog in the
 * desktop app; the browser uploads file texts) into a new diagram, or compare it with one.
 */
import { basename } from 'node:path';
import { checkDrift, type ImportResult, type ProjectSource } from '../../domain/import';
import { isRecord } from '../../domain/json';
import type { CompareResult, ImportProjectResult } from '../../preload/api';
import type { Host } from '../handlers';
import { checkDiagram, PayloadError } from '../payload';
import { FolderProblem, importSource } from './import-folder';
import { readProjectFolder } from './read-folder';
import { checkUpload, uploadSource } from './upload';

type Read = { readonly result: ImportResult; readonly folder: string } | { readonly status: 'canceled' } | { readonly status: 'failed'; readonly message: string };

/** The project of the upload, or of a folder the user picks now (then granted to this window). */
async function readChosen(host: Host, upload: unknown, purpose: 'import' | 'compare'): Promise<Read> {
  const uploaded = checkUpload(upload);
  let source: ProjectSource;
  if (uploaded) {
    source = uploadSource(uploaded);
  } else {
    const folder = await host.askFolderPath(purpose);
    if (!folder) return { status: 'canceled' };
    host.grants.grant(folder, 'folder');
    try {
      source = await readProjectFolder(folder);
    } catch (error) {
      if (error instanceof FolderProblem) return { status: 'failed', message: error.message };
      throw error;
    }
  }
  return { result: await importSource(source), folder: source.folderName };
}

export async function importProjectHandler(host: Host, payload: unknown): Promise<ImportProjectResult> {
  if (!isRecord(payload)) throw new PayloadError('request must be an object');
  const read = await readChosen(host, payload.upload, 'import');
  if ('status' in read) return read;
  const { diagram, report } = read.result;
  return { status: 'imported', file: { path: null, name: `${basename(read.folder)} (imported)`, diagram }, report };
}

export async function compareWithCodeHandler(host: Host, payload: unknown): Promise<CompareResult> {
  if (!isRecord(payload)) throw new PayloadError('request must be an object');
  const diagram = checkDiagram(payload.diagram);
  const read = await readChosen(host, payload.upload, 'compare');
  if ('status' in read) return read;
  return { status: 'compared', folder: read.folder, findings: checkDrift(diagram, read.result.code), report: read.result.report };
}
