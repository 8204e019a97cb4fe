/**
 * Memory as Chrome counts it: the page's JavaScript heap once the file is open (after a full
 * garbage collection, so only what is kept counts), and after 100 drags the DOM nodes Chrome holds
 * alive compared with the elements the page actually shows; more kept than shown means detached
 * nodes are being kept alive.
 */
import type { CDPSession } from 'playwright-core';
import { NODE_ID_PREFIX } from '../graph';
import type { Measurement } from './types';

interface Probe {
  __bench: { middleNode(prefix: string): { id: string; x: number; y: number } | undefined; elements(): number };
}

const DRAGS = 100;
const MB = 1024 * 1024;

async function metric(cdp: CDPSession, name: string): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === name)?.value ?? NaN;
}

const collectGarbage = (cdp: CDPSession) => cdp.send('HeapProfiler.collectGarbage');

export const heapAfterOpen: Measurement = {
  name: 'heap after open',
  async run({ cdp }) {
    await collectGarbage(cdp);
    return { heapMb: (await metric(cdp, 'JSHeapUsedSize')) / MB };
  },
  rows: (size) => [{ metric: `JS heap after opening ${size.toLocaleString('en')} nodes`, goal: '≤ ½ baseline', key: 'heapMb', unit: 'MB' }],
};

export const domAfterDrags: Measurement = {
  name: 'DOM after 100 drags',
  async run({ page, cdp }) {
    for (let i = 0; i < DRAGS; i++) {
      const node = await page.evaluate((prefix) => (window as unknown as Probe).__bench.middleNode(prefix), NODE_ID_PREFIX);
      if (!node) throw new Error('no node to drag near the middle of the canvas');
      const direction = i % 2 === 0 ? 1 : -1;
      await page.mouse.move(node.x, node.y);
      await page.mouse.down();
      for (let step = 1; step <= 4; step++) await page.mouse.move(node.x + direction * step * 15, node.y + step * 5);
      await page.mouse.up();
    }
    const elements = await page.evaluate(() => (window as unknown as Probe).__bench.elements());
    const { nodes } = await cdp.send('Memory.getDOMCounters');
    await collectGarbage(cdp);
    const { nodes: kept } = await cdp.send('Memory.getDOMCounters');
    return { elements, domNodes: nodes, domRatio: nodes / elements, domRatioAfterGc: kept / elements };
  },
  rows: (size) => {
    const n = size.toLocaleString('en');
    return [
      { metric: `${n} nodes, open + 100 drags: elements in the page`, goal: '—', key: 'elements', unit: 'n' },
      { metric: `${n} nodes, open + 100 drags: Chrome's DOM nodes ÷ elements`, goal: '≤ 2×', key: 'domRatio', unit: 'x' },
      { metric: `${n} nodes, open + 100 drags: the same after a full GC`, goal: '≤ 2×', key: 'domRatioAfterGc', unit: 'x' },
    ];
  },
};
