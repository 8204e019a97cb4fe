/**
 * Crash recovery for real: the server (the app's main side) is SIGKILLed with unsaved work in
 * the page, the page is closed without saving, and a new server on the same user-data folder
 * offers the work back. Each test runs its own server, on a free port, and opens pages through
 * the address it prints; the renderer must be built first.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagram } from '../domain/diagram';
import { diagramOf, nodeByName } from './fixtures';

test.describe.configure({ mode: 'serial' });

let userData: string;
let server: ChildProcess | undefined;
/** The address the running server printed. */
let entry: string;

test.beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'strata-recovery-e2e-'));
});

test.afterEach(async () => {
  if (server) await kill(server);
  server = undefined;
  await rm(userData, { recursive: true, force: true });
});

/** Starts `main/web/start.ts` on a free port and this spec's user-data folder; resolves with the address it prints. */
function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/web/start.ts'], {
    env: { ...process.env, STRATA_PORT: '0', STRATA_USER_DATA: userData, STRATA_WEB_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const printed = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
      if (printed) {
        entry = printed[0];
        resolve(child);
      }
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
  await page.goto(entry);
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

const recoveryFolder = () => join(userData, 'recovery');

/** The recovery slots on disk (one per page that had unsaved work). */
async function recoverySlots(): Promise<string[]> {
  return (await readdir(recoveryFolder()).catch(() => [] as string[])).filter((name) => name.endsWith('.json'));
}

/** The diagram in the recovery store, once the autosave has written one without the worker. */
async function waitForRecoveredEdit(): Promise<void> {
  await expect
    .poll(async () => {
      const [slot] = await recoverySlots();
      if (!slot) return 'no recovery file yet';
      const record = JSON.parse(await readFile(join(recoveryFolder(), slot), 'utf8')) as { diagram: string };
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
  await next.goto(entry);
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
  // Still protected: the restored work stays in the recovery store until it is saved.
  await expect.poll(async () => (await recoverySlots()).length).toBe(1);
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
  await expect.poll(recoverySlots).toEqual([]);
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
  await expect.poll(recoverySlots).toEqual([]);
});

test('each tab keeps its own recovery: saving in one never removes the other’s', async ({ browser }) => {
  server = await startServer();
  const context = await browser.newContext();
  const first = await context.newPage();
  await first.goto(entry);
  await expect(first.locator('.react-flow__node')).toHaveCount(7);
  const second = await context.newPage();
  await second.goto(entry);
  await expect(second.locator('.react-flow__node')).toHaveCount(7);
  // Both tabs are live, so neither offers the other's work.
  await deleteNotifications(first);
  await waitForRecoveredEdit();
  await deleteNotifications(second);
  await expect.poll(async () => (await recoverySlots()).length).toBe(2);
  await expect(second.getByTestId('recovery-prompt')).toHaveCount(0);

  const download = second.waitForEvent('download');
  await second.getByRole('button', { name: 'Save', exact: true }).click();
  await download;
  await expect.poll(async () => (await recoverySlots()).length).toBe(1);

  // The first tab's work is still there, and a new tab offers it once the first is gone.
  await first.close({ runBeforeUnload: false });
  const third = await context.newPage();
  await third.goto(entry);
  await expect(third.getByTestId('recovery-prompt')).toBeVisible();
  await context.close();
});
