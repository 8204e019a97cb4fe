/**
 * Export speed: generate + zip a 200-component diagram along the app's own path (the export
 * worker, bundled as the desktop build bundles it, then an atomic write), next to fflate's zipSync
 * of the same files (the floor), and the longest event-loop stall in the main thread meanwhile.
 * Run: npx tsx main/export/export.bench.ts
 */
import { strToU8, zipSync } from 'fflate';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { build } from 'vite';
import { generate } from '../../domain/generate';
import { validate } from '../../domain/rules';
import { buildArchiveOffThread, useBuiltArchiveWorker } from './archive-thread';
import { benchDiagram } from './bench-diagram';
import { writeArchive } from './zip';

const RUNS = 15;
/** Runs before timing, for both sides: V8 needs a few dozen passes to optimise the generator. */
const WARM_UP = 30;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The worker as electron.config.ts ships it: one ES module bundled by Vite, not TypeScript through tsx. */
async function bundleWorker(folder: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: resolve('main/export/archive-worker.ts'),
      outDir: folder,
      emptyOutDir: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'archive-worker.js' } },
    },
  });
  useBuiltArchiveWorker(join(folder, 'archive-worker.js'));
}

async function timeOurs(folder: string): Promise<{ times: number[]; stallMs: number; warmUpMs: number }> {
  const diagram = benchDiagram();
  const stall = monitorEventLoopDelay({ resolution: 1 });
  stall.enable();
  const times: number[] = [];
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    const start = performance.now();
    const archive = await buildArchiveOffThread(diagram, {});
    if (!archive.ok) throw new Error(archive.message);
    await writeArchive(join(folder, `bench-${run % 2}.zip`), archive.bytes, { overwrite: true });
    times.push(performance.now() - start);
  }
  stall.disable();
  // The first run starts the worker; it is reported apart.
  return { times: times.slice(WARM_UP), stallMs: stall.max / 1e6, warmUpMs: times[0]! };
}

function timeFloor(): { floor: number[]; generateOnly: number[]; fileCount: number } {
  const diagram = benchDiagram();
  const floor: number[] = [];
  const generateOnly: number[] = [];
  let fileCount = 0;
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    const start = performance.now();
    const result = generate(diagram);
    if (!result.ok) throw new Error(result.error.message);
    generateOnly.push(performance.now() - start);
    fileCount = result.files.size;
    const entries: Record<string, Uint8Array> = {};
    for (const [path, text] of result.files) entries[path] = strToU8(text);
    const zipStart = performance.now();
    zipSync(entries, { level: 6 });
    floor.push(performance.now() - zipStart);
  }
  return { floor: floor.slice(WARM_UP), generateOnly: generateOnly.slice(WARM_UP), fileCount };
}

async function main() {
  const diagram = benchDiagram();
  const errors = validate(diagram).filter((f) => f.severity === 'error');
  if (errors.length > 0) throw new Error(`bench diagram has errors: ${errors[0]!.message}`);
  const folder = await mkdtemp(join(tmpdir(), 'strata-bench-'));
  try {
    await bundleWorker(folder);
    const ours = await timeOurs(folder);
    const { floor, generateOnly, fileCount } = timeFloor();
    const ratio = median(ours.times) / median(floor);
    const ms = (value: number) => value.toFixed(1).padStart(8);
    console.log(`export of a ${diagram.nodes.length}-component diagram (${fileCount} files), median of ${RUNS} runs after ${WARM_UP} to warm up`);
    console.log(`  generate + zip to disk (Strata)    ${ms(median(ours.times))} ms   (first export, starting the worker: ${ours.warmUpMs.toFixed(0)} ms)`);
    console.log(`  fflate zipSync, same files (floor) ${ms(median(floor))} ms   (generate alone, unbundled: ${median(generateOnly).toFixed(1)} ms)`);
    console.log(`  ratio                              ${ratio.toFixed(2).padStart(8)} ×    goal ≤ 1.5 ×`);
    console.log(`  longest main-thread stall          ${ms(ours.stallMs)} ms   goal ≤ 50 ms`);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

await main();
