/**
 * In the browser there is no save dialog: an export without a path is written to a private
 * temporary folder by the same handler, then sent back as the response body, a download.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRecord } from '../../domain/json';
import type { Handlers } from '../handlers';
import { sendJson } from './server';

export function wantsDownload(call: string, payload: unknown): boolean {
  return call === 'exportProject' && isRecord(payload) && payload.path === undefined;
}

export async function exportAsDownload(payload: Record<string, unknown>, handlers: Handlers, response: ServerResponse) {
  const folder = await mkdtemp(join(tmpdir(), 'strata-export-'));
  try {
    const path = join(folder, 'project.zip');
    const result = await handlers.exportProject({ ...payload, path, overwrite: true });
    if (result.status !== 'exported') return sendJson(response, 200, { result });
    const zip = await readFile(path);
    response.writeHead(200, {
      'content-type': 'application/zip',
      'content-length': String(zip.length),
      'x-strata-result': JSON.stringify({ ...result, path: null }),
    });
    response.end(zip);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
