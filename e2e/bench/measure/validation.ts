/**
 * Validation as an edit sets it off: the node nearest the middle renamed as a user does it
 * (double-click, type, Enter), at 100 % in the middle of the diagram, until the new name is drawn.
 * Every edit other than a move re-validates the diagram before the canvas draws it; the longest
 * main-thread task meanwhile is how long that held up input. Strata only: React Flow has no rules.
 */
import { NODE_ID_PREFIX } from '../graph';
import { traceMainThread } from '../trace';
import { centredAt100, showViewport } from '../viewports';
import type { Measurement } from './types';

interface Probe {
  __bench: { middleNode(prefix: string): { id: string; x: number; y: number } | undefined };
}

export const validation: Measurement = {
  name: 'validation after an edit',
  sides: ['strata'],
  async run({ page, cdp, diagram, canvas }) {
    await showViewport(page, centredAt100(diagram, canvas));
    const node = await page.evaluate((prefix) => (window as unknown as Probe).__bench.middleNode(prefix), NODE_ID_PREFIX);
    if (!node) throw new Error('no node of the diagram near the middle to rename');
    await page.mouse.dblclick(node.x, node.y);
    const input = page.getByRole('textbox', { name: 'Node name' });
    await input.waitFor();
    const name = `renamed_${Date.now()}`;
    await input.fill(name);
    const stop = await traceMainThread(cdp);
    const start = performance.now();
    await input.press('Enter');
    await page.locator(`.react-flow__node[data-id="${node.id}"] .node-name`).filter({ hasText: name }).waitFor();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const validateMs = performance.now() - start;
    const main = await stop();
    return { validateMs, validateLongestMs: main.longestMs, validateLongestCpuMs: main.longestCpuMs };
  },
  rows: (size) => {
    const n = size.toLocaleString('en');
    return [
      { metric: `rename at ${n} nodes (re-validates): Enter → drawn`, goal: '—', key: 'validateMs', unit: 'ms' },
      { metric: `rename at ${n} nodes: longest task`, goal: '≤ 200 ms', key: 'validateLongestMs', unit: 'ms' },
      { metric: `rename at ${n} nodes: most CPU one task got`, goal: '—', key: 'validateLongestCpuMs', unit: 'ms' },
    ];
  },
};
