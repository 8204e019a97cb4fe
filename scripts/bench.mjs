// npm run bench: every benchmark in the repository, then one summary table. Benchmarks print
// their own figures next to their goals; none asserts a timing. The canvas benchmark (headless
// Chromium, Strata beside React Flow's defaults) is run last, being the slowest.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const SKIP = new Set(['node_modules', 'out', 'dist', '.git', '.tsbuild', 'test-results', 'playwright-report']);
const CANVAS = 'e2e/bench/canvas.bench.ts';

function findBenches(folder, found = []) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory() && !SKIP.has(entry.name) && !entry.name.startsWith('.')) findBenches(join(folder, entry.name), found);
    else if (entry.isFile() && entry.name.endsWith('.bench.ts')) found.push(relative('.', join(folder, entry.name)));
  }
  return found;
}

const benches = findBenches('.').sort((a, b) => (a === CANVAS) - (b === CANVAS) || a.localeCompare(b));
const results = [];
for (const bench of benches) {
  console.log(`\n━━ ${bench} ━━`);
  const start = Date.now();
  const run = spawnSync('npx', ['tsx', bench], { stdio: 'inherit' });
  results.push({ bench, status: run.status === 0 ? 'ran' : `failed (${run.status ?? run.signal})`, seconds: (Date.now() - start) / 1000 });
}

const width = Math.max(...results.map((r) => r.bench.length), 9);
console.log(`\n| ${'benchmark'.padEnd(width)} | status     | seconds |`);
console.log(`|${'-'.repeat(width + 2)}|------------|--------:|`);
for (const r of results) console.log(`| ${r.bench.padEnd(width)} | ${r.status.padEnd(10)} | ${r.seconds.toFixed(1).padStart(7)} |`);
process.exit(results.every((r) => r.status === 'ran') ? 0 : 1);
