/**
 * Import speed (spec/import.md): reading a 650-module, 4 MB tree from disk into a diagram — walk,
 * read, parse with tree-sitter, analyse — beside grimp (the import-graph library behind
 * import-linter) building the same tree's graph, in the same run. grimp runs in its own venv,
 * created once and cached outside the checkout. Run: npx tsx main/import/import.bench.ts
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, homedir, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeBenchTree } from './bench-tree';
import { importFolder } from './import-folder';

const RUNS = 7;
const GRIMP = '3.19';
const VENV = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'strata-bench', `grimp-${GRIMP}`);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function grimpPython(): string | undefined {
  const python = join(VENV, 'bin', 'python');
  if (existsSync(python)) return python;
  try {
    execFileSync('python3', ['-m', 'venv', VENV], { stdio: 'ignore' });
    execFileSync(python, ['-m', 'pip', 'install', '--quiet', `grimp==${GRIMP}`], { stdio: 'inherit' });
    return python;
  } catch (error) {
    console.log(`grimp could not be installed into ${VENV}: ${String(error).split('\n')[0]}`);
    return undefined;
  }
}

/** grimp's own timing of build_graph, cache off, RUNS runs inside one Python process: wall and CPU (all threads). */
function timeGrimp(python: string, tree: string): { times: number[]; cpu: number[] } {
  const script = [
    'import sys, time, json',
    `sys.path.insert(0, ${JSON.stringify(join(tree, 'src'))})`,
    'import grimp',
    'times = []',
    'cpu = []',
    `for _ in range(${RUNS}):`,
    '    start = time.perf_counter()',
    '    start_cpu = time.process_time()',
    "    graph = grimp.build_graph('bigshop', cache_dir=None)",
    '    times.append((time.perf_counter() - start) * 1000)',
    '    cpu.append((time.process_time() - start_cpu) * 1000)',
    'print(json.dumps({"times": times, "cpu": cpu, "modules": len(graph.modules)}))',
  ].join('\n');
  return JSON.parse(execFileSync(python, ['-c', script], { encoding: 'utf8' })) as { times: number[]; cpu: number[] };
}

const tree = await mkdtemp(join(tmpdir(), 'strata-import-bench-'));
try {
  const { modules, bytes } = await writeBenchTree(tree);
  console.log(`Tree: ${modules} modules, ${(bytes / 1024 / 1024).toFixed(2)} MB of Python`);
  const times: number[] = [];
  // CPU time of the whole process (every thread): on a shared, loaded machine the wall time is
  // mostly waiting for a core, and the CPU time says what a quiet machine would see.
  const cpu: number[] = [];
  let components = 0;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    const result = await importFolder(tree);
    const used = process.cpuUsage(startCpu);
    times.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
    components = result.diagram.nodes.length;
  }
  const python = grimpPython();
  const grimp = python ? timeGrimp(python, tree) : undefined;
  console.log(`\n| import of ${modules} modules            | first run | median of ${RUNS} | goal    |`);
  console.log('|----------------------------------------|----------:|----------:|---------|');
  console.log(`| strata: walk, read, parse, analyse     | ${times[0]!.toFixed(0).padStart(6)} ms | ${median(times).toFixed(0).padStart(6)} ms | ≤ 1000 ms |`);
  console.log(`| strata: CPU time of the same           | ${cpu[0]!.toFixed(0).padStart(6)} ms | ${median(cpu).toFixed(0).padStart(6)} ms |         |`);
  if (grimp) {
    console.log(`| grimp ${GRIMP}: build_graph (same tree)     | ${grimp.times[0]!.toFixed(0).padStart(6)} ms | ${median(grimp.times).toFixed(0).padStart(6)} ms |         |`);
    console.log(`| grimp ${GRIMP}: CPU time of the same       | ${grimp.cpu[0]!.toFixed(0).padStart(6)} ms | ${median(grimp.cpu).toFixed(0).padStart(6)} ms |         |`);
  }
  console.log(`\n${components} components drawn. Load average: ${loadavg().map((l) => l.toFixed(1)).join(', ')} on ${availableParallelism()} cores.`);
} finally {
  await rm(tree, { recursive: true, force: true });
}
