/**
 * Where the canvas spends its time: loads a generated diagram into an unminified build, records a
 * CPU profile of one gesture and prints the functions with the most self time.
 *
 *   npx tsx e2e/bench/profile.ts [drag|pan|open] [nodes] [fit]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { createHandlers } from '../../main/handlers';
import { browserHost } from '../../main/web/host';
import { startWebServer } from '../../main/web/server';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { benchDiagram } from './graph';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

async function run(): Promise<void> {
  const [what = 'drag', count = '3000'] = process.argv.slice(2);
  const folder = resolve('out/bench/profile');
  const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--config', 'renderer/vite.config.ts', '--outDir', folder, '--emptyOutDir', '--minify', 'false'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('build failed');
  const userData = mkdtempSync(join(tmpdir(), 'strata-profile-'));
  const handlers = createHandlers(browserHost(userData));
  const server = await startWebServer({ handlers, rendererFolder: folder, port: 0 });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.addInitScript({ path: resolve('e2e/bench/probe.js') });
    // The printed address: it opens a session, then redirects to the page.
    await page.goto(server.entryUrl);
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length > 0);
    // An experiment's extra CSS, e.g. PROFILE_CSS='.react-flow__minimap{display:none}'.
    if (process.env.PROFILE_CSS) await page.addStyleTag({ content: process.env.PROFILE_CSS });
    const diagram = benchDiagram(Number(count), Number(count));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    type Bench = { __bench: Record<string, (...args: unknown[]) => Promise<unknown>> };
    if (what !== 'open') await page.evaluate((d) => (window as unknown as Bench).__bench.open(d, { width: 180, height: 52 }), diagram);
    if (process.argv[4] === 'fit') await page.evaluate(() => (window as unknown as Bench).__bench.fitAll());
    await cdp.send('Profiler.start');
    const events: { name: string; dur?: number; ph: string; tid: number }[] = [];
    cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as typeof events)));
    const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    const result = await page.evaluate(
      ([w, d]) => (w === 'open' ? (window as unknown as Bench).__bench.open(d, { width: 180, height: 52 }) : (window as unknown as Bench).__bench[w as string](60)),
      [what, diagram] as const,
    );
    await cdp.send('Tracing.end');
    await traced;
    const main = events.find((e) => e.name === 'thread_name' && (e as unknown as { args: { name: string } }).args.name === 'CrRendererMain')?.tid;
    const totals = new Map<string, number>();
    for (const e of events) if (e.tid === main && e.ph === 'X' && e.dur) totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
    console.log([...totals].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([n, t]) => `${t.toFixed(0)} ms ${n}`).join('\n'));
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    // PROFILE_OUT=file.cpuprofile keeps the whole profile, for Chromium DevTools or other tools.
    if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
    const sorted = Array.isArray(result) ? [...result].sort((a, b) => a - b) : [];
    console.log(what, Array.isArray(result) ? `frame p50 ${sorted[sorted.length >> 1]} ms, p95 ${sorted[Math.floor(sorted.length * 0.95)]} ms` : result);
    const self = new Map<string, number>();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const node = byId.get(id)!;
      const key = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
    for (const [key, time] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${time.toFixed(0).padStart(7)} ms  ${key}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
