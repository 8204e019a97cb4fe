import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../handlers';
import { testHost } from '../test-host';
import { startWebServer, type WebServer } from './server';

let server: WebServer;

beforeAll(async () => {
  const folder = await mkdtemp(join(tmpdir(), 'strata-web-'));
  const renderer = join(folder, 'renderer');
  await mkdir(renderer);
  await writeFile(join(renderer, 'index.html'), '<meta name="strata-token" content="%STRATA_TOKEN%">');
  await writeFile(join(folder, 'secret.txt'), 'secret');
  const handlers = createHandlers(testHost(folder));
  server = await startWebServer({ handlers, rendererFolder: renderer });
});

afterAll(() => server.close());

function call(name: string, body: unknown, headers: Record<string, string> = { 'x-strata-token': server.token }) {
  return fetch(`${server.url}/api/${name}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

describe('web transport', () => {
  it('serves the page with its token and a CSP', async () => {
    const response = await fetch(`${server.url}/`);
    expect(await response.text()).toContain(server.token);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).not.toContain('unsafe-eval');
  });

  it('answers a contract call', async () => {
    const response = await call('loadSample', null);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { result: { name: string } }).result.name).toBe('shop (sample)');
  });

  it('refuses calls without the token, unknown calls and bad payloads', async () => {
    expect((await call('loadSample', null, {})).status).toBe(403);
    expect((await call('loadSample', null, { 'x-strata-token': 'f'.repeat(48) })).status).toBe(403);
    expect((await call('deleteEverything', null)).status).toBe(404);
    expect((await call('openDiagram', { path: 5 })).status).toBe(400);
  });

  it('never serves files outside the renderer folder', async () => {
    expect((await fetch(`${server.url}/..%2Fsecret.txt`)).status).toBe(404);
    expect((await fetch(`${server.url}/%2e%2e/secret.txt`)).status).toBe(404);
  });
});
