import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../security-policy';
import { respond } from './app-protocol';

vi.mock('electron', () => ({ protocol: {} }));

let folder: string;

beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'strata-app-protocol-'));
  folder = join(root, 'renderer');
  await mkdir(join(folder, 'assets'), { recursive: true });
  await writeFile(join(folder, 'index.html'), '<!doctype html>');
  await writeFile(join(folder, 'assets', 'main.js'), 'export {}');
  await writeFile(join(root, 'secret.txt'), 'secret');
});

describe('the app:// protocol', () => {
  it('serves the page and its scripts with the CSP as a real header', async () => {
    const page = await respond(folder, 'app://strata/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    const script = await respond(folder, 'app://strata/assets/main.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('export {}');
  });

  it('serves nothing outside the renderer folder, nor for another host', async () => {
    for (const url of ['app://strata/../secret.txt', 'app://strata/..%2Fsecret.txt', 'app://strata/%2e%2e/secret.txt', 'app://other/index.html', 'app://strata/missing.js']) {
      expect((await respond(folder, url)).status, url).toBe(404);
    }
  });

  it('answers a malformed escape with 400', async () => {
    expect((await respond(folder, 'app://strata/%E0%A4%A')).status).toBe(400);
  });
});
