/**
 * The command line as a pre-commit hook meets it: whole processes, `node bin/strata.mjs …`, from
 * start to exit, beside `node -e 0` (the floor: starting Node itself) in the same run. The CLI is
 * built once before timing (bin/strata.mjs builds on demand when a source changed).
 * Run: npx tsx main/cli/cli.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { serializeDiagram } from '../../domain/serialize';
import { benchDiagram } from '../export/bench-diagram';
import { writeBenchTree } from '../import/bench-tree';

const RUNS = 9;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** GNU time reports a child's CPU time (user + system, every thread); Node cannot ask for it. */
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

interface Timing {
  readonly wall: number[];
  /** CPU seconds of the whole process, where GNU time is there to say. */
  readonly cpu: number[];
}

function timeProcess(args: readonly string[]): Timing {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const result = TIME
      ? spawnSync(TIME, ['-f', '%U %S', process.execPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
      : spawnSync(process.execPath, args, { stdio: 'ignore' });
    wall.push(performance.now() - start);
    if (result.status !== 0 && result.status !== 1) throw new Error(`node ${args.join(' ')} exited ${result.status}`);
    const used = TIME ? /(\d+\.\d+) (\d+\.\d+)\s*$/.exec(String(result.stderr)) : null;
    if (used) cpu.push((Number(used[1]) + Number(used[2])) * 1000);
  }
  return { wall, cpu };
}

function cell(values: readonly number[]): string {
  return values.length > 0 ? `${median(values).toFixed(0).padStart(4)} ms` : '     –';
}

const folder = await mkdtemp(join(tmpdir(), 'strata-cli-bench-'));
try {
  const diagramFile = join(folder, 'bench.strata');
  await writeFile(diagramFile, serializeDiagram(benchDiagram()));
  const tree = join(folder, 'tree');
  const { modules } = await writeBenchTree(tree);
  const imported = join(folder, 'tree.strata');
  // The first command builds the CLI if a source changed; it is not timed. (It exits 1: the
  // tree's code breaks a layering rule, which the import reports.)
  spawnSync(process.execPath, ['bin/strata.mjs', 'import', tree, '-o', imported], { stdio: 'ignore' });
  const rows: Array<[string, Timing, string]> = [
    ['node -e 0 (floor: starting Node)', timeProcess(['-e', '0']), ''],
    ['strata validate (the sample)', timeProcess(['bin/strata.mjs', 'validate', 'domain/fixtures/spec/shop.strata']), '≤ 150 ms'],
    [`strata export (${benchDiagram().nodes.length} components)`, timeProcess(['bin/strata.mjs', 'export', diagramFile, '-o', join(folder, 'out.zip'), '--overwrite']), '≤ 500 ms'],
    [`strata check (${modules} modules)`, timeProcess(['bin/strata.mjs', 'check', tree, imported]), '≤ 1500 ms'],
  ];
  console.log(`\n| whole process, ${RUNS} runs                  | median  | min     | CPU median | goal      |`);
  console.log('|-----------------------------------------|--------:|--------:|-----------:|-----------|');
  for (const [name, { wall, cpu }, goal] of rows) {
    console.log(`| ${name.padEnd(39)} | ${median(wall).toFixed(0).padStart(4)} ms | ${Math.min(...wall).toFixed(0).padStart(4)} ms | ${cell(cpu).padStart(10)} | ${goal.padEnd(9)} |`);
  }
  console.log(`\nCPU: user + system time of the process (GNU time). Load average: ${loadavg().map((l) => l.toFixed(1)).join(', ')} on ${availableParallelism()} cores.`);
} finally {
  await rm(folder, { recursive: true, force: true });
}
