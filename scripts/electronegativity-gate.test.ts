import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const folder = mkdtempSync(join(tmpdir(), 'strata-bad-window-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function gate(...folders: string[]) {
  return spawnSync(process.execPath, ['scripts/electronegativity-gate.mjs', ...folders], { encoding: 'utf8' });
}

function windowFile(webPreferences: string): string {
  return [
    "import { BrowserWindow } from 'electron';",
    'export const window = new BrowserWindow({',
    `  webPreferences: ${webPreferences},`,
    '});',
  ].join('\n');
}

describe('electronegativity gate', () => {
  it('fails on a window with Node integration, naming the finding and where it is', () => {
    writeFileSync(join(folder, 'window.ts'), windowFile('{ nodeIntegration: true }'));
    const result = gate(folder);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/NODE_INTEGRATION_JS_CHECK .* at .*window\.ts:3:/);
  });

  it('fails on a window without context isolation or the sandbox', () => {
    writeFileSync(join(folder, 'window.ts'), windowFile('{ contextIsolation: false, sandbox: false }'));
    const result = gate(folder);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/CONTEXT_ISOLATION_JS_CHECK .* at .*window\.ts:3:/);
    expect(result.stderr).toMatch(/SANDBOX_JS_CHECK .* at .*window\.ts:3:/);
  });

  it('fails rather than passing when a folder does not exist', () => {
    const result = gate(join(folder, 'missing'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no such folder/);
  });
});
