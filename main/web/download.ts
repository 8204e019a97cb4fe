/**
 * In the browser there is no save dialog: an export is built in memory and sent back as the
 * response body, which the page hands to the browser as a download. Nothing touches the disk.
 */
import type { ServerResponse } from 'node:http';
import type { ExportResult } from '../../preload/api';
import { buildExport } from '../export/export-project';
import { checkExportRequest } from '../payload';
import { sendJson } from './server';

export async function exportAsDownload(payload: unknown, response: ServerResponse): Promise<void> {
  const built = await buildExport(checkExportRequest(payload), { sendExportProgress: () => undefined });
  if (built.status !== 'built') return sendJson(response, 200, { result: built });
  const result: ExportResult = { status: 'exported', path: null, files: built.files, bytes: built.bytes.byteLength };
  response.writeHead(200, {
    'content-type': 'application/zip',
    'content-length': String(built.bytes.byteLength),
    'cache-control': 'no-store',
    'x-strata-result': JSON.stringify(result),
  });
  response.end(built.bytes);
}
