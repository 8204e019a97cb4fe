/**
 * Benchmark of auto-layout run in Node (not a test: nothing here asserts timings).
 *
 *   npx tsx domain/layout/layout.bench.ts
 *
 * The canvas benchmark times the same work through the browser's worker.
 */
import { performance } from 'node:perf_hooks';
import { benchDiagram } from '../../e2e/bench/graph';
import { layOut } from './lanes';

const TARGET_MS = 700;

async function run(): Promise<void> {
  console.log('Auto-layout (lanes + barycentre sweeps), Node, median of 5 after one warm-up\n');
  console.log('| nodes | edges | median ms | goal |');
  console.log('|------:|------:|----------:|-----:|');
  for (const [nodes, edges] of [[100, 120], [500, 600], [1000, 1200]]) {
    const diagram = benchDiagram(nodes, edges, nodes);
    layOut(diagram);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      layOut(diagram);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(`| ${nodes} | ${edges} | ${times[2].toFixed(0)} | ${nodes === 500 ? `≤ ${TARGET_MS}` : '—'} |`);
  }
}

void run();
