/**
 * Opening a file as a user does: Open…, the browser's file chooser, and the app's whole path from
 * there (reading, upload, parsing, validation, drawing), until a click on a node in the middle of
 * the canvas selects it. Both pages are shown the diagram's middle at 100 % before the file is
 * chosen, so both draw the same part of it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { serializeDiagram } from '../../../domain/serialize';
import { NODE_ID_PREFIX } from '../graph';
import type { BenchPage } from '../pages';
import { traceMainThread } from '../trace';
import { centredAt100, showViewport } from '../viewports';
import type { Figures, Measurement } from './types';

interface Probe {
  __bench: { middleNode(prefix: string): { id: string; x: number; y: number } | undefined; isSelected(id: string): boolean };
}

/** Long enough for React Flow's defaults to open 10,000 nodes on a loaded machine. */
const PATIENCE_MS = 180_000;

async function run({ page, cdp, diagram, canvas }: BenchPage): Promise<Figures> {
  await showViewport(page, centredAt100(diagram, canvas));
  // A file on disk, chosen by path as a user's file chooser does (not a buffer the page is handed).
  const folder = mkdtempSync(join(tmpdir(), 'strata-bench-file-'));
  const file = join(folder, `bench-${diagram.nodes.length}.strata`);
  writeFileSync(file, serializeDiagram(diagram));
  try {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open…' }).click();
    const picked = await chooser;
    const stop = await traceMainThread(cdp);
    const start = performance.now();
    await picked.setFiles(file);
    await clickUntilSelected(page);
    const openMs = performance.now() - start;
    const main = await stop();
    return { openMs, openLongestMs: main.longestMs, openLongestCpuMs: main.longestCpuMs, openCpuMs: main.cpuMs };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Clicks the node nearest the middle, once one is drawn, until a click has selected it. */
export async function clickUntilSelected(page: Page): Promise<void> {
  const deadline = performance.now() + PATIENCE_MS;
  while (performance.now() < deadline) {
    const found = await page.waitForFunction((prefix) => (window as unknown as Probe).__bench.middleNode(prefix), NODE_ID_PREFIX, {
      polling: 'raf',
      timeout: PATIENCE_MS,
    });
    const node = (await found.jsonValue())!;
    await page.mouse.click(node.x, node.y);
    const selected = await page
      .waitForFunction((id) => (window as unknown as Probe).__bench.isSelected(id), node.id, { polling: 'raf', timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (selected) return;
  }
  throw new Error('no click selected a node of the opened diagram');
}

export const open: Measurement = {
  name: 'open',
  run,
  rows: (size) => [
    { metric: `open ${size.toLocaleString('en')} nodes: file chosen → a click selects a node`, goal: goalFor(size), key: 'openMs', unit: 'ms' },
    { metric: `open ${size.toLocaleString('en')} nodes: longest main-thread task`, goal: '≤ 200 ms', key: 'openLongestMs', unit: 'ms' },
    { metric: `open ${size.toLocaleString('en')} nodes: most CPU one task got`, goal: '—', key: 'openLongestCpuMs', unit: 'ms' },
    { metric: `open ${size.toLocaleString('en')} nodes: main-thread CPU in all`, goal: '—', key: 'openCpuMs', unit: 'ms' },
  ],
};

function goalFor(size: number): string {
  if (size === 3_000) return '≤ 1,500 ms';
  if (size === 10_000) return '≤ 4,000 ms';
  return '—';
}
