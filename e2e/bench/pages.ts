/**
 * The two pages the canvas benchmark compares, built and served the way users get them: Strata's
 * renderer through the app's own web server (main/web/server.ts, the same handlers as the desktop
 * app), and the baseline (React Flow with default settings) as a static page.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import type { Diagram } from '../../domain/diagram';
import { createHandlers } from '../../main/handlers';
import { browserHost } from '../../main/web/host';
import { startWebServer, type WebServer } from '../../main/web/server';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';

export type Side = 'strata' | 'baseline';
export const SIDES: readonly Side[] = ['strata', 'baseline'];

/** The browser window every page gets; the baseline's canvas is then sized to Strata's. */
export const WINDOW = { width: 1400, height: 860 } as const;

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** One page under measurement, with the diagram it was given. */
export interface BenchPage {
  readonly side: Side;
  readonly page: Page;
  readonly cdp: CDPSession;
  readonly diagram: Diagram;
  /** The canvas size, the same on both sides. */
  readonly canvas: Size;
}

/** Where the pages are built; a second folder lets a profile run beside a benchmark. */
const OUT = resolve(process.env.STRATA_BENCH_OUT ?? 'out/bench');

/** Builds Strata's renderer as `npm run web` serves it, and the baseline page. */
export function buildPages(): void {
  const build = (args: string[]) => {
    const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', ...args], { stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`vite build ${args.join(' ')} failed`);
  };
  build(['--config', 'renderer/vite.config.ts', '--outDir', join(OUT, 'strata'), '--emptyOutDir']);
  build(['--config', 'e2e/bench/baseline/vite.config.ts', '--outDir', join(OUT, 'baseline'), '--emptyOutDir']);
}

export interface Servers {
  readonly url: Record<Side, string>;
  close(): Promise<void>;
}

/** Strata on STRATA_BENCH_PORT (or any free port), the baseline on any free port. */
export async function servePages(): Promise<Servers> {
  const strata = await serve(join(OUT, 'strata'), Number(process.env.STRATA_BENCH_PORT ?? 0));
  const baseline = await serve(join(OUT, 'baseline'), 0);
  return {
    // The printed addresses: each opens a session, then shows the page.
    url: { strata: strata.entryUrl, baseline: baseline.entryUrl },
    close: async () => {
      await strata.close();
      await baseline.close();
    },
  };
}

function serve(folder: string, port: number): Promise<WebServer> {
  const handlers = createHandlers(browserHost(mkdtempSync(join(tmpdir(), 'strata-bench-'))));
  return startWebServer({ handlers, rendererFolder: folder, port });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
}

/**
 * A fresh page of one side, ready for a file: Strata showing its sample as a user finds it, the
 * baseline empty with its canvas at `canvas`'s size (when given).
 */
export async function startPage(browser: Browser, side: Side, url: string, canvas?: Size): Promise<{ page: Page; cdp: CDPSession }> {
  const context = await browser.newContext({ viewport: WINDOW });
  const page = await context.newPage();
  await page.addInitScript({ path: resolve('e2e/bench/probe.js') });
  if (canvas) await page.addInitScript((size) => Object.assign(window, { benchCanvas: size }), canvas);
  await page.goto(url);
  if (side === 'strata') await page.locator('.react-flow__node').first().waitFor();
  else await page.locator('.react-flow__pane').waitFor();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp };
}

/** The size of Strata's canvas in the benchmark's window: the baseline's canvas gets the same. */
export async function strataCanvasSize(browser: Browser, url: string): Promise<Size> {
  const { page } = await startPage(browser, 'strata', url);
  const box = (await page.locator('.react-flow').boundingBox())!;
  await page.context().close();
  return { width: Math.round(box.width), height: Math.round(box.height) };
}
