/**
 * Crash recovery for real: the server (the app's main side) is SIGKILLed with unsaved work in
 * the page, the page is closed without saving, and a new server on the same user-data folder
 * offers the work back. Each test runs its own server; the renderer must be built first.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagram } from '../domain/diagram';
import { diagramOf, nodeByName } from './fixtures';

const PORT = 5302;
const URL = `http://127.0.0.1:${PORT}/`;

test.describe.configure({ mode: 'serial' });

let userData: string;
let server: ChildProcess | undefined;

test.beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'strata-recovery-e2e-'));
});

test.afterEach(async () => {
  if (server) await kill(server);
  server = undefined;
  await rm(userData, { recursive: true, force: true });
});

/** Starts `main/web/start.ts` on this spec's port and user-data folder; resolves once it listens. */
function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/web/start.ts'], {
    env: { ...process.env, STRATA_PORT: String(PORT), STRATA_USER_DATA: userData },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Strata is running')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`the web server exited with ${code}: ${errors}`)));
  });
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function openPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(URL);
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  return page;
}

/** An unsaved edit: the notifications worker deleted. */
async function deleteNotifications(page: Page): Promise<void> {
  await nodeByName(page, 'notifications').click();
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(page).toHaveTitle(/^• shop \(sample\)/);
}

const recoveryFile = () => join(userData, 'recovery.json');

/** The diagram in the recovery file, once the autosave has written one without the worker. */
async function waitForRecoveredEdit(): Promise<void> {
  await expect
    .poll(async () => {
      if (!existsSync(recoveryFile())) return 'no recovery file yet';
      const record = JSON.parse(await readFile(recoveryFile(), 'utf8')) as { diagram: string };
      const diagram = JSON.parse(record.diagram) as Diagram;
      return diagram.nodes.some((n) => n.name === 'notifications') ? 'still the old diagram' : 'has the edit';
    })
    .toBe('has the edit');
}

test('work survives a crash: SIGKILL the server, close the page, restore it on the next start', async ({ browser }, testInfo) => {
  server = await startServer();
  const page = await openPage(browser);
  await deleteNotifications(page);
  await waitForRecoveredEdit();
  await kill(server);
  await page.close({ runBeforeUnload: false });

  server = await startServer();
  const next = await browser.newPage();
  await next.goto(URL);
  const prompt = next.getByTestId('recovery-prompt');
  await expect(prompt.getByText(/^Restore unsaved work from \d{1,2}:\d{2}/)).toBeVisible();
  await next.screenshot({ path: testInfo.outputPath('recovery-prompt.png') });
  await testInfo.attach('recovery prompt', { path: testInfo.outputPath('recovery-prompt.png'), contentType: 'image/png' });
  await prompt.getByRole('button', { name: 'Restore' }).click();

  await expect(prompt).toBeHidden();
  await expect(next.locator('.react-flow__node')).toHaveCount(6);
  await expect(nodeByName(next, 'notifications')).toHaveCount(0);
  await expect(next).toHaveTitle('• shop (sample) — Strata');
  await expect(next.getByTestId('file-name')).toContainText('shop (sample)');
  expect((await diagramOf(next)).nodes.map((n) => n.id)).not.toContain('w1');
  // Still protected: the restored work stays in the recovery file until it is saved.
  expect(existsSync(recoveryFile())).toBe(true);
});

test('Discard removes the recovered work for good', async ({ browser }) => {
  server = await startServer();
  const page = await openPage(browser);
  await deleteNotifications(page);
  await waitForRecoveredEdit();
  await page.close({ runBeforeUnload: false });

  const next = await openPage(browser);
  const prompt = next.getByTestId('recovery-prompt');
  await prompt.getByRole('button', { name: 'Discard' }).click();
  await expect(prompt).toBeHidden();
  await expect.poll(() => existsSync(recoveryFile())).toBe(false);
  await expect(nodeByName(next, 'notifications')).toBeVisible();

  await next.reload();
  await expect(next.locator('.react-flow__node')).toHaveCount(7);
  await expect(next.getByTestId('recovery-prompt')).toHaveCount(0);
});

test('saving clears the recovery file', async ({ browser }) => {
  server = await startServer();
  const page = await openPage(browser);
  await deleteNotifications(page);
  await waitForRecoveredEdit();
  // In the browser, Save hands the file over as a download.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await download;
  await expect(page).not.toHaveTitle(/^•/);
  await expect.poll(() => existsSync(recoveryFile())).toBe(false);
});
