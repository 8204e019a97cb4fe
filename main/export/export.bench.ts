/**
 * Export speed: generate + zip a 200-component diagram, next to fflate's zipSync of the same
 * files (the floor), and the longest event-loop stall while the export runs.
 * Run: npx tsx main/export/export.bench.ts
 */
import { zipSync, strToU8 } from 'fflate';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { generate } from '../../domain/generate';
import { validate } from '../../domain/rules';
import { benchDiagram } from './bench-diagram';
import { writeZip } from './zip';

const RUNS = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main() {
  const diagram = benchDiagram();
  const errors = validate(diagram).filter((f) => f.severity === 'error');
  if (errors.length > 0) throw new Error(`bench diagram has errors: ${errors[0]!.message}`);
  const folder = await mkdtemp(join(tmpdir(), 'strata-bench-'));
  const ours: number[] = [];
  const generateOnly: number[] = [];
  const floor: number[] = [];
  const stall = monitorEventLoopDelay({ resolution: 1 });
  let fileCount = 0;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    stall.enable();
    const result = generate(diagram);
    if (!result.ok) throw new Error(result.error.message);
    const generated = performance.now();
    await writeZip(join(folder, `bench-${run}.zip`), result.files, { overwrite: true });
    stall.disable();
    ours.push(performance.now() - start);
    generateOnly.push(generated - start);
    fileCount = result.files.size;
    const entries: Record<string, Uint8Array> = {};
    for (const [path, text] of result.files) entries[path] = strToU8(text);
    const zipStart = performance.now();
    zipSync(entries, { level: 6 });
    floor.push(performance.now() - zipStart);
  }
  await rm(folder, { recursive: true, force: true });
  const ratio = median(ours) / median(floor);
  console.log(`export of a ${diagram.nodes.length}-component diagram (${fileCount} files), median of ${RUNS} runs`);
  console.log(`  generate + zip to disk (Strata)   ${median(ours).toFixed(1).padStart(8)} ms   (generate alone ${median(generateOnly).toFixed(1)} ms)`);
  console.log(`  fflate zipSync, same files (floor) ${median(floor).toFixed(1).padStart(7)} ms`);
  console.log(`  ratio                              ${ratio.toFixed(2).padStart(8)} ×    goal ≤ 1.5 ×`);
  console.log(`  longest event-loop stall           ${(stall.max / 1e6).toFixed(1).padStart(8)} ms   goal ≤ 50 ms`);
}

await main();
