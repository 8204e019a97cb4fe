import { expect, test, type Page } from '@playwright/test';
import { CURRENT_VERSION, KINDS, type Diagram } from '../domain/diagram';
import { diagramOf, nodeByName, openApp } from './fixtures';

/** Runs Ctrl+Shift+L and waits until the diagram has moved. */
async function autoLayout(page: Page): Promise<void> {
  const before = JSON.stringify((await diagramOf(page)).nodes.map((node) => node.position));
  await page.keyboard.press('Control+Shift+L');
  await expect.poll(async () => JSON.stringify((await diagramOf(page)).nodes.map((node) => node.position))).not.toBe(before);
}

/** Pairs of node boxes that overlap on screen. */
async function overlappingBoxes(page: Page): Promise<string[]> {
  await expect(page.locator('.react-flow__node-strata')).toHaveCount((await diagramOf(page)).nodes.length);
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll('.react-flow__node-strata')].map((element) => ({
      id: element.getAttribute('data-id'),
      box: element.getBoundingClientRect(),
    }));
    const found: string[] = [];
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart = a.box.right <= b.box.left || b.box.right <= a.box.left || a.box.bottom <= b.box.top || b.box.bottom <= a.box.top;
        if (!apart) found.push(`${a.id}/${b.id}`);
      }
    }
    return found;
  });
}

/** 30 nodes of every kind, piled up and wired across each other. */
function tangled(): Diagram {
  const nodes = Array.from({ length: 30 }, (_, i) => ({
    id: `t${i}`,
    kind: KINDS[i % KINDS.length],
    name: `${KINDS[i % KINDS.length]}_${i}`,
    position: { x: (i * 37) % 200, y: (i * 53) % 150 },
    ...(i % 3 === 0 && { feature: `feature_${i % 2}` }),
  }));
  const edges = Array.from({ length: 45 }, (_, i) => ({ id: `e${i}`, source: `t${(i * 7) % 30}`, target: `t${(i * 11 + 3) % 30}` }))
    .filter((edge) => edge.source !== edge.target);
  return { version: CURRENT_VERSION, project: { name: 'tangled', framework: 'fastapi', tasks: 'celery', layout: 'auto' }, nodes, edges };
}

test('auto-layout puts the sample in lanes by layer without overlaps, off the main thread, undone in one step', async ({ page }) => {
  await openApp(page);
  const before = (await diagramOf(page)).nodes.map((node) => node.position);
  await autoLayout(page);
  await expect.poll(() => overlappingBoxes(page)).toEqual([]);
  const top = async (name: string) => (await nodeByName(page, name).boundingBox())!.y;
  const order = ['orders', 'order_service', 'order_repository', 'order', 'db'];
  const tops = await Promise.all(order.map(top));
  for (let i = 1; i < tops.length; i++) expect(tops[i], `${order[i]} below ${order[i - 1]}`).toBeGreaterThan(tops[i - 1]);
  // The layout ran in the worker, which the Content-Security-Policy allows.
  expect(await page.evaluate(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('layout.worker')))).toBe(true);

  await page.keyboard.press('Control+Z');
  await expect.poll(async () => (await diagramOf(page)).nodes.map((node) => node.position)).toEqual(before);
});

test('auto-layout untangles a crowded 30-node diagram, and the toolbar button does the same', async ({ page }) => {
  await openApp(page);
  await page.evaluate((diagram) => {
    (window as unknown as { strata: { getState(): { load(file: unknown): void } } }).strata.getState().load({ path: null, name: 'tangled', diagram });
  }, tangled());
  await expect.poll(async () => (await overlappingBoxes(page)).length).toBeGreaterThan(0);
  const before = (await diagramOf(page)).nodes.map((node) => node.position);
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await expect.poll(async () => (await diagramOf(page)).nodes.map((node) => node.position)).not.toEqual(before);
  await expect.poll(() => overlappingBoxes(page)).toEqual([]);
  const diagram = await diagramOf(page);
  const y = (kind: string) => Math.max(...diagram.nodes.filter((node) => node.kind === kind).map((node) => node.position.y));
  const minY = (kind: string) => Math.min(...diagram.nodes.filter((node) => node.kind === kind).map((node) => node.position.y));
  for (const [above, below] of [['router', 'service'], ['service', 'repository'], ['repository', 'model'], ['model', 'database']]) {
    expect(y(above), `${above} above ${below}`).toBeLessThan(minY(below));
  }
  await page.keyboard.press('Control+Z');
  await expect.poll(async () => (await diagramOf(page)).nodes.map((node) => node.position)).toEqual(before);
});
