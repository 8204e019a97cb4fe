/**
 * The web transport: serves the built renderer and the same handlers as the desktop app over
 * HTTP on 127.0.0.1. Only the transport differs from Electron's IPC. A per-run token, put into
 * the page it serves, stands in for IPC's sender check: other pages in the browser cannot call it.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_FILE_CHARS } from '../../domain/parse';
import { API_CALLS, type ApiCall } from '../../preload/api';
import type { Handlers } from '../handlers';
import { PayloadError } from '../payload';
import { exportAsDownload, wantsDownload } from './download';
import { serveStatic } from './static';

export const TOKEN_HEADER = 'x-strata-token';
const MAX_BODY_BYTES = MAX_FILE_CHARS * 3;

export interface WebServer {
  readonly url: string;
  readonly token: string;
  close(): Promise<void>;
}

export interface WebServerOptions {
  readonly handlers: Handlers;
  /** The built renderer (index.html and assets). */
  readonly rendererFolder: string;
  readonly port?: number;
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = randomBytes(24).toString('hex');
  const server = createServer((request, response) => {
    route(request, response, options, token).catch((error: unknown) => {
      sendJson(response, 500, { error: `internal error: ${(error as Error).message}` });
    });
  });
  await listen(server, options.port ?? 0);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

async function route(request: IncomingMessage, response: ServerResponse, options: WebServerOptions, token: string) {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (!isLoopbackHost(request.headers.host)) return sendJson(response, 403, { error: 'unexpected Host header' });
  if (url.pathname.startsWith('/api/')) {
    if (request.method !== 'POST') return sendJson(response, 405, { error: 'use POST' });
    if (!hasToken(request, token)) return sendJson(response, 403, { error: 'missing or wrong token' });
    return callHandler(url.pathname.slice('/api/'.length), request, response, options.handlers);
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, { error: 'use GET' });
  return serveStatic(options.rendererFolder, url.pathname, response, token);
}

async function callHandler(name: string, request: IncomingMessage, response: ServerResponse, handlers: Handlers) {
  if (!(API_CALLS as readonly string[]).includes(name)) return sendJson(response, 404, { error: `no operation ${name}` });
  let payload: unknown;
  try {
    payload = await readJsonBody(request);
  } catch (error) {
    return sendJson(response, 400, { error: (error as Error).message });
  }
  try {
    if (wantsDownload(name, payload)) return await exportAsDownload(payload as Record<string, unknown>, handlers, response);
    const result = await handlers[name as ApiCall](payload);
    sendJson(response, 200, { result });
  } catch (error) {
    const status = error instanceof PayloadError ? 400 : 500;
    sendJson(response, status, { error: (error as Error).message });
  }
}

/** DNS rebinding defence: only requests addressed to the loopback name are answered. */
function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host);
}

function hasToken(request: IncomingMessage, token: string): boolean {
  const given = request.headers[TOKEN_HEADER];
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
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
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(text);
}
