/** Serves the built renderer's files to a browser that has a session. */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { rendererFile } from '../renderer-files';
import { CONTENT_SECURITY_POLICY } from '../security-policy';

export async function serveStatic(folder: string, pathname: string, response: ServerResponse) {
  const found = rendererFile(folder, pathname);
  if (found.status === 'malformed') return sendPage(response, 400, 'That address is malformed.');
  if (found.status === 'outside') return notFound(response);
  let body: Buffer;
  try {
    body = await readFile(found.path);
  } catch {
    return notFound(response);
  }
  const headers: Record<string, string> = { 'content-type': found.type, 'x-content-type-options': 'nosniff' };
  if (found.isPage) {
    headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    headers['cache-control'] = 'no-store';
    headers['referrer-policy'] = 'no-referrer';
  }
  response.writeHead(200, headers);
  response.end(body);
}

/** A short page for people who arrive without a session: it says what to do and reveals nothing. */
export function sendPage(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(`<!doctype html><meta charset="utf-8"><title>Strata</title><p>${message}</p>\n`);
}

function notFound(response: ServerResponse) {
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
  response.end('not found');
}
