/**
 * Benchmark of edge routing, run in Node by `npm run bench` beside the canvas figures (not a
 * test: nothing here asserts timings). The canvas routes the same way in a worker, so these are
 * the worker's costs, not the main thread's.
 *
 *   npx tsx domain/routing/routing.bench.ts
 *
 * CPU time is printed beside wall time: on a shared machine a run's wall time is mostly waiting
 * for a core.
 */
import { performance } from 'node:perf_hooks';
import { benchDiagram } from '../../e2e/bench/graph';
import { layOutWithRoutes } from '../layout/routed';
import { Router } from './router';

const LAYOUT_GOAL_MS = 500;

function timed<T>(work: () => T): { result: T; wall: number; cpu: number } {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = work();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { result, wall, cpu: (cpu.user + cpu.system) / 1000 };
}

const ms = (value: number) => value.toFixed(0);

function routing(nodes: number, edges: number): void {
  const diagram = benchDiagram(nodes, edges);
  const router = new Router();
  const full = timed(() => router.route(diagram.nodes, diagram.edges));
  // A drag step: the node in the middle of the diagram moves a little; only what it touches is searched again.
  const middle = Math.floor(diagram.nodes.length / 2);
  const moves: { wall: number; cpu: number }[] = [];
  let placed = [...diagram.nodes];
  for (let step = 1; step <= 5; step++) {
    const node = placed[middle];
    placed = placed.map((other, i) => (i === middle ? { ...node, position: { x: node.position.x + 7, y: node.position.y + 3 } } : other));
    moves.push(timed(() => router.route(placed, diagram.edges)));
  }
  moves.sort((a, b) => a.cpu - b.cpu);
  const median = moves[2];
  console.log(`| ${nodes} | ${edges} | ${ms(full.wall)} / ${ms(full.cpu)} | ${ms(median.wall)} / ${ms(median.cpu)} |`);
}

function layout(nodes: number, edges: number): void {
  const diagram = benchDiagram(nodes, edges, 13);
  layOutWithRoutes(diagram);
  const runs = [0, 1, 2].map(() => timed(() => layOutWithRoutes(diagram))).sort((a, b) => a.cpu - b.cpu);
  console.log(`| ${nodes} | ${edges} | ${ms(runs[1].wall)} / ${ms(runs[1].cpu)} | ≤ ${LAYOUT_GOAL_MS} |`);
}

console.log('Edge routing (domain/routing, as the canvas worker runs it), ms wall / ms CPU\n');
console.log('| nodes | edges | route all from scratch | a drag step in the middle (median of 5) |');
console.log('|------:|------:|-----------------------:|----------------------------------------:|');
for (const [nodes, edges] of [
  [1_000, 1_000],
  [3_000, 3_000],
]) {
  routing(nodes, edges);
}
console.log('\nAuto-layout with routes (lanes, then every edge routed), ms wall / ms CPU, median of 3 after a warm-up\n');
console.log('| nodes | edges | positions and routes | goal |');
console.log('|------:|------:|---------------------:|-----:|');
layout(500, 600);
// The largest size the canvas bench lays out, against the same goal.
layout(3_000, 3_000);
