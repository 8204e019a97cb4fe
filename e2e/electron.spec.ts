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
  const secure = await app.evaluate(({ BrowserWindow }) => {
    const prefs = BrowserWindow.getAllWindows()[0]!.webContents.getLastWebPreferences();
    return { contextIsolation: prefs?.contextIsolation, sandbox: prefs?.sandbox, nodeIntegration: prefs?.nodeIntegration };
  });
  expect(secure).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });
  await app.close();
});
