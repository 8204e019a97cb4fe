/**
 * The web transport: serves the built renderer and the same handlers as the desktop app over
 * HTTP on 127.0.0.1. Only the transport differs from Electron's IPC. A session, opened through
 * the secret address the server prints (main/web/session.ts), stands in for IPC's sender check.
 * Files are picked and downloaded by the browser itself, so no call that carries a path is served.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_FILE_CHARS } from '../../domain/parse';
import type { ApiCall } from '../../preload/api';
import type { Handlers } from '../handlers';
import { PayloadError } from '../payload';
import { exportAsDownload } from './download';
import { Sessions, TOKEN_PARAMETER } from './session';
import { sendPage, serveStatic } from './static';

const MAX_BODY_BYTES = MAX_FILE_CHARS * 3;

/** The calls a browser needs; the rest carry paths or drive native dialogs, and are refused. */
export const WEB_CALLS = [
  'loadSample',
  'openDiagramText',
  'setDocumentState',
  'exportProject',
  'importProject',
  'compareWithCode',
  'writeRecovery',
  'readRecovery',
  'clearRecovery',
] as const satisfies readonly ApiCall[];

export interface WebServer {
  /** The server's origin, e.g. http://127.0.0.1:5199. Pages there need a session. */
  readonly url: string;
  /** The address to open: it carries the secret and opens a session. Print it, never serve it. */
  readonly entryUrl: string;
  close(): Promise<void>;
}

export interface WebServerOptions {
  readonly handlers: Handlers;
  /** The built renderer (index.html and assets). */
  readonly rendererFolder: string;
  readonly port?: number;
  /** A secret chosen by the caller instead of a fresh one (`STRATA_WEB_TOKEN`; tests). */
  readonly token?: string;
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  // The cookie's name carries the port, known only once the server listens.
  const ready: { sessions?: Sessions } = {};
  const server = createServer((request, response) => {
    route(request, response, options, ready.sessions!).catch((error: unknown) => {
      console.error(`strata web: ${(error as Error).stack ?? error}`);
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
      else response.destroy();
    });
  });
  await listen(server, options.port ?? 0);
  const { port } = server.address() as AddressInfo;
  const sessions = new Sessions(port, options.token);
  ready.sessions = sessions;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    entryUrl: `${url}/?${TOKEN_PARAMETER}=${sessions.token}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

async function route(request: IncomingMessage, response: ServerResponse, options: WebServerOptions, sessions: Sessions) {
  // DNS rebinding defence: only requests addressed to the loopback name are answered.
  const host = request.headers.host;
  if (host === undefined || !/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host)) return sendJson(response, 403, { error: 'unexpected Host header' });
  const url = parseUrl(request.url);
  if (!url) return sendJson(response, 400, { error: 'malformed URL' });
  if (url.searchParams.has(TOKEN_PARAMETER)) return openSession(request, response, url, sessions);
  if (!sessions.has(request)) {
    if (url.pathname.startsWith('/api/')) return sendJson(response, 403, { error: 'no session: open the address `npm run web` printed' });
    return sendPage(response, 403, 'Open Strata through the address that <code>npm run web</code> printed in its terminal.');
  }
  if (url.pathname.startsWith('/api/')) {
    if (request.method !== 'POST') return sendJson(response, 405, { error: 'use POST' });
    if (!isSameOrigin(request, host)) return sendJson(response, 403, { error: 'cross-origin request refused' });
    return callHandler(url.pathname.slice('/api/'.length), request, response, options.handlers);
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, { error: 'use GET' });
  return serveStatic(options.rendererFolder, url.pathname, response);
}

/** The path and query of a request, or undefined when it is malformed (a bad % escape included). */
function parseUrl(raw: string | undefined): URL | undefined {
  try {
    const url = new URL(raw ?? '/', 'http://127.0.0.1');
    decodeURIComponent(url.pathname);
    return url;
  } catch {
    return undefined;
  }
}

/** `/?token=…`: the right secret opens a session and redirects to the same page without it. */
function openSession(request: IncomingMessage, response: ServerResponse, url: URL, sessions: Sessions) {
  if (request.method !== 'GET' || !sessions.isToken(url.searchParams.get(TOKEN_PARAMETER))) {
    return sendPage(response, 403, 'That address is not valid for this server. Open the one <code>npm run web</code> printed.');
  }
  url.searchParams.delete(TOKEN_PARAMETER);
  response.writeHead(303, {
    'set-cookie': sessions.open(),
    location: `${url.pathname}${url.search}`,
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
  });
  response.end();
}

/**
 * CSRF defence beside SameSite=Strict: other ports of 127.0.0.1 are the same site, so a page
 * there could still send a simple POST. Browsers name the origin of every POST; it must be ours,
 * and the body must be JSON, which no form or simple cross-origin request can send.
 */
function isSameOrigin(request: IncomingMessage, host: string): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) return false;
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  return (request.headers['content-type'] ?? '').split(';')[0]!.trim() === 'application/json';
}

async function callHandler(name: string, request: IncomingMessage, response: ServerResponse, handlers: Handlers) {
  const call = WEB_CALLS.find((c) => c === name);
  if (!call) return sendJson(response, 404, { error: `no operation ${name} in the browser app` });
  let payload: unknown;
  try {
    payload = await readJsonBody(request);
    if (call === 'exportProject') return await exportAsDownload(payload, response);
    const result = await handlers[call](payload);
    sendJson(response, 200, { result });
  } catch (error) {
    if (!(error instanceof PayloadError)) throw error;
    sendJson(response, 400, { error: error.message });
  }
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new PayloadError('request body is too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new PayloadError('request body is not JSON');
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(text);
}
