// npm run screenshots: the README's pictures, taken from the app as it is now, so they cannot go stale.
// Builds the renderer, serves it as `npm run web` does (on its own port and data folder), opens the
// sample in Chromium at the size the README shows, and writes each picture under docs/.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from './chromium.mjs';
import { buildRenderer } from './web.mjs';

const PORT = Number(process.env.STRATA_SCREENSHOT_PORT ?? 5198);
const VIEWPORT = { width: 1400, height: 860 };
/** Each picture: the file under docs/ and the theme it is taken in. */
const PICTURES = [
  { file: 'docs/canvas.png', theme: 'light' },
  { file: 'docs/canvas-dark.png', theme: 'dark' },
];

async function main() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  buildRenderer();
  const token = randomBytes(32).toString('base64url');
  const userData = mkdtempSync(join(tmpdir(), 'strata-screenshots-'));
  const server = spawn(process.execPath, ['--import', 'tsx', 'main/web/start.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, STRATA_PORT: String(PORT), STRATA_WEB_TOKEN: token, STRATA_USER_DATA: userData },
  });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    await waitForServer(`http://127.0.0.1:${PORT}/`);
    for (const picture of PICTURES) await take(browser, token, picture);
  } finally {
    await browser.close();
    server.kill();
    rmSync(userData, { recursive: true, force: true });
  }
}

async function take(browser, token, { file, theme }) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.addInitScript((chosen) => window.localStorage.setItem('strata.theme', chosen), theme);
  await page.goto(`http://127.0.0.1:${PORT}/?token=${token}`);
  // The sample drawn whole: every node, every arrow on its route, nothing selected or animating.
  await page.locator('.react-flow__node-strata').first().waitFor();
  await page.waitForFunction(() => {
    const { diagram } = window.strata.getState();
    return document.querySelectorAll('.react-flow__node-strata').length === diagram.nodes.length && document.querySelectorAll('.react-flow__edge path').length >= diagram.edges.length;
  });
  await page.evaluate(() => new Promise((resolve) => window.requestAnimationFrame(() => window.requestAnimationFrame(resolve))));
  await page.screenshot({ path: file });
  console.log(`wrote ${file}`);
  await context.close();
}

async function waitForServer(url) {
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      await globalThis.fetch(url);
      return;
    } catch {
      await sleep(200);
    }
  }
  throw new Error(`the web server did not start at ${url}`);
}

main().catch((error) => {
  console.error(`screenshots: ${error.message}`);
  process.exit(1);
});
