/**
 * The same user story in the desktop app. Runs where an Electron binary exists; where none
 * can be downloaded (as on our CI machines) it is reported as skipped, with the reason.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { electronBinary } from '../scripts/electron-binary.mjs';

const binary = electronBinary({ download: false });

test.skip(!binary.path, `Electron target skipped: ${binary.reason ?? ''}; the web target covers the renderer.`);

test('desktop: opens on the sample and adds a service', async () => {
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  expect(build.status).toBe(0);
  const app = await electron.launch({ executablePath: binary.path!, args: ['.'] });
  const page = await app.firstWindow();
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  await page.locator('.palette-item[data-kind="service"]').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(8);
  // With context isolation and the sandbox, the page sees the contract and nothing of Node.
  const exposed = await page.evaluate(() => ({
    api: typeof (window as unknown as { api?: object }).api,
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
  }));
  expect(exposed).toEqual({ api: 'object', require: 'undefined', process: 'undefined' });
  await app.close();
});
