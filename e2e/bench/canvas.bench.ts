/**
 * Benchmark of the canvas in headless Chromium (not a test: nothing here asserts timings).
 *
 *   npx tsx e2e/bench/canvas.bench.ts        (or `npm run bench`, which runs every benchmark)
 *
 * Measures what a user does, the same way on Strata and on React Flow with default settings
 * (e2e/bench/baseline), on the same generated diagrams, canvas size and viewport, in the same run:
 * opening a file through Open… and the browser's file chooser until a click selects a node;
 * dragging a node and panning with the mouse at 100 % zoom in the middle of the diagram; dragging
 * with a whole 1,000-node diagram in view; Auto-layout until painted and clickable; the heap after
 * opening and the DOM nodes Chrome keeps after 100 drags; on Strata alone, a rename (validation)
 * and exporting a 200-component project. One module per measurement in measure/;
 * README.md ("Benchmarks") says how each figure is taken.
 *
 * STRATA_BENCH_SIZES=1000,3000  node counts (default 1000,3000,10000)
 * STRATA_BENCH_RUNS=3           runs of everything; figures are ranges over the runs (default 1)
 * STRATA_BENCH_ONLY=strata      one side only
 * STRATA_BENCH_JSON=file.json   every figure of every run, for notes and comparisons
 * STRATA_BENCH_PORT=5502        Strata's server port (default: any free port)
 * STRATA_BENCH_OUT=out/bench-a  where the pages are built (default out/bench)
 * STRATA_BENCH_NO_BUILD=1       measure the pages already built there (to compare two builds)
 */
import { writeFileSync } from 'node:fs';
import type { Diagram } from '../../domain/diagram';
import { benchDiagram } from './graph';
import { autoLayout } from './measure/layout';
import { dragAllInView, dragAndPan } from './measure/gestures';
import { exportZip } from './measure/export';
import { domAfterDrags, heapAfterOpen } from './measure/memory';
import { open } from './measure/open';
import type { Measurement } from './measure/types';
import { validation } from './measure/validation';
import { buildPages, launchBrowser, servePages, SIDES, startPage, strataCanvasSize, type Side, type Size } from './pages';
import { lines, Results, table } from './report';

/** In the order they run on one page: each starts where the previous left the page. */
const MEASUREMENTS: readonly Measurement[] = [open, heapAfterOpen, dragAndPan, domAfterDrags, validation, dragAllInView, autoLayout, exportZip];

const SIZES = (process.env.STRATA_BENCH_SIZES ?? '1000,3000,10000').split(',').map(Number);
const RUNS = Number(process.env.STRATA_BENCH_RUNS ?? 1);
const ONLY = process.env.STRATA_BENCH_ONLY as Side | undefined;

/** Same graphs every run: the seed fixes them. */
function diagramOf(size: number): Diagram {
  return benchDiagram(size, size, size);
}

async function measurePage(side: Side, url: string, diagram: Diagram, canvas: Size, results: Results): Promise<void> {
  const size = diagram.nodes.length;
  const browser = await launchBrowser();
  try {
    const { page, cdp } = await startPage(browser, side, url, canvas);
    const bench = { side, page, cdp, diagram, canvas };
    const figures: Record<string, number> = {};
    for (const measurement of MEASUREMENTS) {
      if (measurement.sizes && !measurement.sizes.includes(size)) continue;
      if (measurement.sides && !measurement.sides.includes(side)) continue;
      try {
        Object.assign(figures, await measurement.run(bench, size));
      } catch (error) {
        // A page in an unknown state would skew what follows: its later measurements are skipped.
        console.warn(`${side} ${size}: ${measurement.name} failed: ${(error as Error).message}`);
        break;
      }
    }
    results.add(size, side, figures);
    console.log(`${side} ${size}: ${JSON.stringify(figures, (_key, value: unknown) => (typeof value === 'number' ? Math.round(value * 10) / 10 : value))}`);
  } finally {
    await browser.close();
  }
}

async function run(): Promise<void> {
  if (!process.env.STRATA_BENCH_NO_BUILD) buildPages();
  const servers = await servePages();
  const results = new Results();
  try {
    const probe = await launchBrowser();
    const canvas = await strataCanvasSize(probe, servers.url.strata);
    await probe.close();
    const sides = SIDES.filter((side) => !ONLY || side === ONLY);
    for (let round = 0; round < RUNS; round++) {
      for (const size of SIZES) {
        const diagram = diagramOf(size);
        // Alternating which side goes first spreads any drift of the machine's load over both.
        const order = round % 2 === 0 ? sides : [...sides].reverse();
        for (const side of order) await measurePage(side, servers.url[side], diagram, canvas, results);
      }
    }
    console.log(`\nCanvas: headless Chromium, canvas ${canvas.width}×${canvas.height}, ${RUNS} run(s), ranges over runs\n`);
    console.log(table(lines(results, MEASUREMENTS, SIZES)));
    if (process.env.STRATA_BENCH_JSON) writeFileSync(process.env.STRATA_BENCH_JSON, JSON.stringify(results, null, 1));
  } finally {
    await servers.close();
  }
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
