/**
 * Auto-layout as a user runs it (the toolbar button), until the new positions are painted and a
 * click on a node selects it; the longest main-thread task meanwhile is how long input was blocked.
 * Strata only: React Flow has no auto-layout of its own.
 */
import type { Diagram } from '../../../domain/diagram';
import { NODE_ID_PREFIX } from '../graph';
import { traceMainThread } from '../trace';
import { clickUntilSelected } from './open';
import type { Measurement } from './types';

interface Strata {
  strata: { getState(): { diagram: Diagram } };
  __benchBeforeLayout?: Diagram;
}

export const autoLayout: Measurement = {
  name: 'auto-layout',
  sides: ['strata'],
  // At 10,000 nodes computing the layout (in its worker) takes minutes of CPU: not yet measured.
  sizes: [1_000, 3_000],
  async run({ page, cdp }) {
    await page.evaluate(() => {
      const hooks = window as unknown as Strata;
      hooks.__benchBeforeLayout = hooks.strata.getState().diagram;
    });
    const stop = await traceMainThread(cdp);
    const start = performance.now();
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await page.waitForFunction(
      (prefix) => {
        const hooks = window as unknown as Strata;
        const { diagram } = hooks.strata.getState();
        if (diagram === hooks.__benchBeforeLayout) return false;
        const positions = new Map(diagram.nodes.map((node) => [node.id, node.position]));
        const drawn = [...document.querySelectorAll<HTMLElement>(`.react-flow__node[data-id^="${prefix}"]`)];
        // Every node on screen stands where the new layout put it.
        return (
          drawn.length > 0 &&
          drawn.every((element) => {
            const position = positions.get(element.dataset.id!);
            return position !== undefined && element.style.transform === `translate(${position.x}px, ${position.y}px)`;
          })
        );
      },
      NODE_ID_PREFIX,
      { polling: 'raf', timeout: 600_000 },
    );
    const paintedMs = performance.now() - start;
    await clickUntilSelected(page);
    const clickMs = performance.now() - start;
    const main = await stop();
    return { layoutPaintedMs: paintedMs, layoutClickMs: clickMs, layoutLongestMs: main.longestMs, layoutLongestCpuMs: main.longestCpuMs };
  },
  rows: (size) => {
    const n = size.toLocaleString('en');
    return [
      { metric: `auto-layout ${n} nodes: new positions painted`, goal: '—', key: 'layoutPaintedMs', unit: 'ms' },
      { metric: `auto-layout ${n} nodes: a click selects a node`, goal: '—', key: 'layoutClickMs', unit: 'ms' },
      { metric: `auto-layout ${n} nodes: longest task (input blocked)`, goal: size === 3_000 ? '≤ 100 ms' : '≤ 200 ms', key: 'layoutLongestMs', unit: 'ms' },
      { metric: `auto-layout ${n} nodes: most CPU one task got`, goal: '—', key: 'layoutLongestCpuMs', unit: 'ms' },
    ];
  },
};
