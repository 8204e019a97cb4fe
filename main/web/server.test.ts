/**
 * The web transport as another local user would attack it: anyone can reach 127.0.0.1, but only
 * a browser that came through the printed address gets a session, and no call carries a path.
 */
import { mkdtemp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_DIAGRAM } from '../../domain/sample';
import { createHandlers } from '../handlers';
import { browserHost } from './host';
import { startWebServer, type WebServer } from './server';

let server: WebServer;
let folder: string;
let cookie: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'strata-web-'));
  const renderer = join(folder, 'renderer');
  await mkdir(renderer);
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Strata</title>');
  await writeFile(join(folder, 'secret.txt'), 'secret');
  server = await startWebServer({ handlers: createHandlers(browserHost(join(folder, 'user-data'))), rendererFolder: renderer });
  const entry = await fetch(server.entryUrl, { redirect: 'manual' });
  cookie = entry.headers.get('set-cookie')!.split(';')[0]!;
});

afterAll(() => server.close());

function call(name: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/${name}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', origin: server.url, ...headers },
    body: JSON.stringify(body),
  });
}

/** A raw request, for what fetch will not send (a bad escape, a forged Host). */
function raw(path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(server.url);
    const request = httpRequest({ host: '127.0.0.1', port, path, headers }, (response) => {
      response.resume();
      resolve(response.statusCode!);
    });
    request.on('error', reject);
    request.end();
  });
}

describe('sessions, as Jupyter does them', () => {
  it('opens a session through the printed address, as an HttpOnly SameSite=Strict cookie, then drops the secret from the URL', async () => {
    const token = new URL(server.entryUrl).searchParams.get('token')!;
    expect(token.length).toBeGreaterThanOrEqual(43);
    const response = await fetch(server.entryUrl, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toContain(token);
  });

  it('serves the page to a session, with a CSP, and nothing secret in it', async () => {
    const response = await fetch(`${server.url}/`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).not.toContain(new URL(server.entryUrl).searchParams.get('token'));
  });

  it('shows anyone else a page that reveals no token and no session, and refuses them the API', async () => {
    const token = new URL(server.entryUrl).searchParams.get('token')!;
    for (const path of ['/', '/index.html', '/?token=wrong', `/?token=${token.slice(0, -1)}`, `/?token=${token}x`]) {
      const response = await fetch(`${server.url}${path}`, { redirect: 'manual' });
      expect(response.status, path).toBe(403);
      expect(response.headers.get('set-cookie'), path).toBeNull();
      expect(await response.text(), path).not.toContain(token);
    }
    expect((await call('loadSample', null, { cookie: '' })).status).toBe(403);
    expect((await call('loadSample', null, { cookie: 'strata-session-1=forged' })).status).toBe(403);
    expect((await call('loadSample', null, { cookie: `${cookie.split('=')[0]}=${'A'.repeat(43)}` })).status).toBe(403);
  });

  it('answers a contract call in a session', async () => {
    const response = await call('loadSample', null);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { result: { name: string } }).result.name).toBe('shop (sample)');
  });

  it('refuses cross-origin and non-JSON posts (CSRF from another port of 127.0.0.1 is same-site)', async () => {
    expect((await call('loadSample', null, { origin: 'http://127.0.0.1:1' })).status).toBe(403);
    expect((await call('loadSample', null, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await call('loadSample', null, { 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await call('loadSample', null, { 'content-type': 'text/plain' })).status).toBe(403);
    expect((await call('loadSample', null, { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(403);
  });

  it('answers only the loopback name (DNS rebinding)', async () => {
    expect(await raw('/', { host: 'attacker.example:80', cookie })).toBe(403);
    expect(await raw('/', { host: '127.0.0.1.attacker.example', cookie })).toBe(403);
  });
});

describe('what the browser app may do', () => {
  it('serves no call that carries a path or drives a native dialog', async () => {
    const path = join(folder, 'written.strata');
    for (const name of ['openDiagram', 'saveDiagram', 'recentFiles', 'showInFolder', 'savePicture', 'savedBeforeClose', 'deleteEverything']) {
      expect((await call(name, { path, diagram: SAMPLE_DIAGRAM })).status, name).toBe(404);
    }
    expect((await call('exportProject', { path: join(folder, 'x.zip'), diagram: SAMPLE_DIAGRAM, options: {} })).status).toBe(400);
    expect((await readdir(folder)).sort()).toEqual(['renderer', 'secret.txt']);
  });

  it('exports as a download, built in memory', async () => {
    const response = await call('exportProject', { diagram: SAMPLE_DIAGRAM, options: {} });
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(JSON.parse(response.headers.get('x-strata-result')!)).toMatchObject({ status: 'exported', path: null });
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
  });

  it('answers bad payloads and malformed URLs with 400, never 500', async () => {
    expect((await call('openDiagramText', { name: 5 })).status).toBe(400);
    expect((await call('writeRecovery', { slot: '../../x', file: { path: null, name: 'x', diagram: SAMPLE_DIAGRAM } })).status).toBe(400);
    expect(await raw('/%E0%A4%A', { host: new URL(server.url).host, cookie })).toBe(400);
    expect(await raw('/api/%zz', { host: new URL(server.url).host, cookie })).toBe(400);
    expect(await raw('/%', { host: new URL(server.url).host, cookie })).toBe(400);
  });

  it('never serves files outside the renderer folder', async () => {
    expect((await fetch(`${server.url}/..%2Fsecret.txt`, { headers: { cookie } })).status).toBe(404);
    expect((await fetch(`${server.url}/%2e%2e/secret.txt`, { headers: { cookie } })).status).toBe(404);
  });
});

describe('hostile requests over HTTP', () => {
  it('answers 2,000 random calls and payloads without a 500, and writes nothing outside its user data', { timeout: 300_000 }, async () => {
    const names = fc.oneof(fc.constantFrom('loadSample', 'openDiagram', 'openDiagramText', 'saveDiagram', 'exportProject', 'writeRecovery', 'readRecovery', 'clearRecovery', 'showInFolder', 'savePicture', 'setDocumentState'), fc.string({ maxLength: 12 }));
    const paths = fc.constantFrom(join(folder, 'secret.txt'), join(folder, 'new.strata'), '/etc/passwd', '../../x', join(folder, 'renderer', 'index.html'));
    const payloads = fc.oneof(
      fc.anything({ maxDepth: 2 }),
      fc.record({ path: paths, slot: fc.string({ maxLength: 34 }), diagram: fc.anything({ maxDepth: 1 }), file: fc.record({ path: paths }), except: fc.array(fc.string()) }, { requiredKeys: [] }),
    );
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(names, payloads, async (name, payload) => {
        const response = await fetch(`${server.url}/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json', origin: server.url },
          body: JSON.stringify(payload) ?? 'null',
        });
        await response.arrayBuffer();
        statuses.add(response.status);
        expect(response.status).not.toBe(500);
      }),
      { numRuns: 2000 },
    );
    expect([...statuses].every((status) => [200, 400, 404].includes(status))).toBe(true);
    expect((await readdir(folder)).filter((entry) => !['renderer', 'secret.txt', 'user-data'].includes(entry))).toEqual([]);
    expect(await readFile(join(folder, 'secret.txt'), 'utf8')).toBe('secret');
    expect(await readdir(join(folder, 'renderer'))).toEqual(['index.html']);
  });
});
