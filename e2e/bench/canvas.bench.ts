/**
 * Benchmark of the canvas in headless Chromium (not a test: nothing here asserts timings).
 *
 *   npx tsx e2e/bench/canvas.bench.ts        (or `npm run bench`, which runs every benchmark)
 *
 * Builds Strata's renderer and a baseline page (React Flow with default settings), serves both
 * on loopback, and measures on the same generated graphs: time from load to interactive, then
 * dragging a node and panning with synthetic input sent from inside the page, one event per
 * animation frame, each after an untimed warm-up of the same gesture. Main-thread time comes from
 * Chromium's own TaskDuration counter.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { Diagram } from '../../domain/diagram';
import { createHandlers } from '../../main/handlers';
import { browserHost } from '../../main/web/host';
import { startWebServer, type WebServer } from '../../main/web/server';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { benchDiagram } from './graph';

const OUT = resolve('out/bench');
const FRAMES = 120;
/** The box a node occupies, to count the nodes a viewport must show. */
const NODE_SIZE = { strata: { width: 180, height: 52 }, baseline: { width: 150, height: 36 } };

export interface Row {
  readonly metric: string;
  readonly goal: string;
  readonly strata: string;
  readonly baseline: string;
}

function build(): void {
  const run = (args: string[]) => {
    const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', ...args], { stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`vite build ${args.join(' ')} failed`);
  };
  run(['--config', 'renderer/vite.config.ts', '--outDir', join(OUT, 'strata'), '--emptyOutDir']);
  run(['--config', 'e2e/bench/baseline/vite.config.ts']);
}

async function serve(folder: string): Promise<WebServer> {
  const userData = mkdtempSync(join(tmpdir(), 'strata-bench-'));
  const handlers = createHandlers(browserHost(userData));
  return startWebServer({ handlers, rendererFolder: folder, port: Number(process.env.STRATA_BENCH_PORT ?? 0) });
}

interface Gesture {
  readonly p50: number;
  readonly p95: number;
  readonly mainMs: number;
}

/** Frames of the same gesture run first, untimed, on both pages: what is measured is the steady
 * cost of a drag or pan, not V8 compiling the handlers on their first use. */
const WARM_UP_FRAMES = 30;

/** Runs a gesture in the page and reads frame intervals and main-thread time per frame. */
async function measure(page: Page, gesture: 'drag' | 'pan'): Promise<Gesture> {
  await page.evaluate(
    ([name, frames]) => (window as unknown as Probe).__bench[name as 'drag' | 'pan'](frames as number),
    [gesture, WARM_UP_FRAMES],
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  const before = await taskSeconds();
  const intervals: number[] = await page.evaluate(
    ([name, frames]) => (window as unknown as Probe).__bench[name as 'drag' | 'pan'](frames as number),
    [gesture, FRAMES],
  );
  const busy = (await taskSeconds()) - before;
  await cdp.detach();
  const sorted = [...intervals].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p95: at(0.95), mainMs: (busy * 1000) / (intervals.length + 2) };
}

interface Probe {
  __bench: {
    open(diagram: unknown, size: unknown): Promise<{ ms: number; shown: number; expected: number }>;
    drag(frames: number): Promise<number[]>;
    pan(frames: number): Promise<number[]>;
    fitAll(): Promise<{ x: number; y: number; zoom: number }>;
    viewport(): { x: number; y: number; zoom: number };
    autoLayout(): Promise<number>;
  };
  baseline?: { setViewport(viewport: unknown): void };
}

type Side = 'strata' | 'baseline';

interface Figures {
  open?: number;
  shown?: number;
  drag?: Gesture;
  pan?: Gesture;
  drag1k?: Gesture;
  layout500?: number | void;
}

async function runSide(side: Side, url: string, big: Diagram, small: Diagram, layout: Diagram): Promise<Figures> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.addInitScript({ path: resolve('e2e/bench/probe.js') });
    const figures: Figures = {};
    const open = async (diagram: Diagram) => {
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as Probe).__bench && document.querySelector('.react-flow__pane'));
      if (side === 'strata') await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length > 0);
      else await page.evaluate((viewport) => (window as unknown as Probe).baseline!.setViewport(viewport), STRATA_VIEWPORT);
      return page.evaluate(([d, size]) => (window as unknown as Probe).__bench.open(d, size), [diagram, NODE_SIZE[side]] as const);
    };

    const opened = await open(big);
    if (side === 'strata') STRATA_VIEWPORT = await page.evaluate(() => (window as unknown as Probe).__bench.viewport());
    figures.open = opened.ms;
    figures.shown = opened.expected;
    figures.drag = await measure(page, 'drag');
    figures.pan = await measure(page, 'pan');

    await open(small);
    await page.evaluate(() => (window as unknown as Probe).__bench.fitAll());
    figures.drag1k = await measure(page, 'drag');

    if (side === 'strata') {
      await open(layout);
      figures.layout500 = await page
        .evaluate(() => (window as unknown as Probe).__bench.autoLayout())
        .catch((error: Error) => void console.warn(`auto-layout: ${error.message}`));
    }
    console.log(`${side}: ${JSON.stringify(figures)}`);
    return figures;
  } finally {
    await browser.close();
  }
}

/** The baseline is shown at the same viewport as Strata's opening one. */
let STRATA_VIEWPORT: { x: number; y: number; zoom: number } = { x: 0, y: 0, zoom: 1 };

const ms = (value: number | void) => (value === undefined ? '—' : `${value.toFixed(0)} ms`);
const fps = (g: Gesture | undefined) =>
  g ? `${(1000 / g.p50).toFixed(0)} fps p50 · ${(1000 / g.p95).toFixed(0)} p95` : '—';
const main = (g: Gesture | undefined) => (g ? `${g.mainMs.toFixed(1)} ms` : '—');

function rows(strata: Figures, baseline: Figures): Row[] {
  return [
    { metric: `open 3,000 nodes/3,000 edges → interactive (${strata.shown} in view)`, goal: '≤ 1000 ms', strata: ms(strata.open), baseline: ms(baseline.open) },
    { metric: 'drag a node, 3,000 nodes: frame rate', goal: '≥ 55 fps', strata: fps(strata.drag), baseline: fps(baseline.drag) },
    { metric: 'drag a node, 3,000 nodes: main thread per frame', goal: '≤ 16.7 ms', strata: main(strata.drag), baseline: main(baseline.drag) },
    { metric: 'pan, 3,000 nodes: frame rate', goal: '≥ 55 fps', strata: fps(strata.pan), baseline: fps(baseline.pan) },
    { metric: 'pan, 3,000 nodes: main thread per frame', goal: '≤ 16.7 ms', strata: main(strata.pan), baseline: main(baseline.pan) },
    { metric: 'drag, 1,000 nodes all in view: main thread per frame', goal: '≤ 16.7 ms', strata: main(strata.drag1k), baseline: main(baseline.drag1k) },
    { metric: 'drag, 1,000 nodes all in view: frame rate', goal: '—', strata: fps(strata.drag1k), baseline: fps(baseline.drag1k) },
    { metric: 'auto-layout 500 nodes (worker, to moved)', goal: '≤ 700 ms', strata: ms(strata.layout500), baseline: 'n/a' },
  ];
}

export function table(list: readonly Row[]): string {
  const header: Row = { metric: 'metric', goal: 'goal', strata: 'Strata', baseline: 'React Flow defaults' };
  const all = [header, ...list];
  const width = (key: keyof Row) => Math.max(...all.map((row) => row[key].length));
  const line = (row: Row) =>
    `| ${row.metric.padEnd(width('metric'))} | ${row.goal.padEnd(width('goal'))} | ${row.strata.padEnd(width('strata'))} | ${row.baseline.padEnd(width('baseline'))} |`;
  const rule = `|${['metric', 'goal', 'strata', 'baseline'].map((key) => '-'.repeat(width(key as keyof Row) + 2)).join('|')}|`;
  return [line(header), rule, ...list.map(line)].join('\n');
}

async function run(): Promise<void> {
  build();
  const strataServer = await serve(join(OUT, 'strata'));
  const baselineServer = await serve(join(OUT, 'baseline'));
  try {
    const big = benchDiagram(3_000, 3_000);
    const small = benchDiagram(1_000, 1_000, 11);
    const layout = benchDiagram(500, 600, 13);
    const only = process.env.STRATA_BENCH_ONLY;
    const strata = only === 'baseline' ? {} : await runSide('strata', strataServer.entryUrl, big, small, layout);
    const baseline = only === 'strata' ? {} : await runSide('baseline', baselineServer.entryUrl, big, small, layout);
    const result = rows(strata, baseline);
    console.log('\nCanvas (headless Chromium, synthetic input one event per frame)\n');
    console.log(table(result));
    if (process.env.STRATA_BENCH_JSON) writeFileSync(process.env.STRATA_BENCH_JSON, JSON.stringify(result));
  } finally {
    await strataServer.close();
    await baselineServer.close();
  }
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
