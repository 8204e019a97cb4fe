/**
 * Where the canvas spends its time, on the benchmark's own path: an unminified build, the file
 * opened through Open…, the view at 100 % in the middle of the diagram (or fit-all), then a CPU
 * profile of one thing a user does. Prints the functions with the most self time and with the
 * most total time.
 *
 *   npx tsx e2e/bench/profile.ts [open|drag|pan|layout] [nodes] [fit]
 *   PROFILE_OUT=file.cpuprofile keeps the whole profile, for Chromium DevTools.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { benchDiagram } from './graph';
import { dragMiddleNode } from './measure/gestures';
import { autoLayout } from './measure/layout';
import { open } from './measure/open';
import { launchBrowser, servePages, startPage, strataCanvasSize, type BenchPage } from './pages';
import { centredAt100, fitAll, showViewport } from './viewports';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

async function run(): Promise<void> {
  const [what = 'drag', count = '3000', where] = process.argv.slice(2);
  const folder = resolve(process.env.STRATA_BENCH_OUT ?? 'out/bench', 'strata');
  const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--config', 'renderer/vite.config.ts', '--outDir', folder, '--emptyOutDir', '--minify', 'false'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('build failed');
  const servers = await servePages();
  const browser = await launchBrowser();
  try {
    const canvas = await strataCanvasSize(browser, servers.url.strata);
    const { page, cdp } = await startPage(browser, 'strata', servers.url.strata, canvas);
    const diagram = benchDiagram(Number(count), Number(count), Number(count));
    const bench: BenchPage = { side: 'strata', page, cdp, diagram, canvas };
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    if (what !== 'open') {
      await open.run(bench, diagram.nodes.length);
      await showViewport(page, where === 'fit' ? fitAll(diagram, canvas) : centredAt100(diagram, canvas));
    }
    await cdp.send('Profiler.start');
    const result =
      what === 'open'
        ? await open.run(bench, diagram.nodes.length)
        : what === 'layout'
          ? await autoLayout.run(bench, diagram.nodes.length)
          : await dragMiddleNode(bench, what);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
    console.log(what, result);
    report(profile);
  } finally {
    await browser.close();
    await servers.close();
  }
}

function report(profile: Profile): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const name = (node: ProfileNode) => `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    self.set(name(byId.get(id)!), (self.get(name(byId.get(id)!)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = name(byId.get(at)!);
      if (!seen.has(key)) total.set(key, (total.get(key) ?? 0) + ms);
      seen.add(key);
    }
  });
  const top = (map: Map<string, number>, n: number) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([key, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${key}`).join('\n');
  console.log(`\nself time\n${top(self, 30)}\n\ntotal time\n${top(total, 40)}`);
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
