/**
 * The third-party APIs a diagram draws as external nodes do not exist on this machine, so the
 * suite serves one on loopback in their place, as a developer running the project locally would:
 * a plain HTTP server that accepts any JSON request, answers 200, and remembers what it got.
 * The exported clients really connect to it (their `*_BASE_URL` setting names it).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Upstream {
  readonly url: string;
  /** `METHOD /path` of every request received, in order. */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

export function startUpstream(): Promise<Upstream> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      requests.push(`${request.method} ${request.url}`);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"ok": true}');
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
