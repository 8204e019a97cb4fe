/**
 * A large diagram opened through Open…: React Flow is handed only what is near the view, yet
 * everything a user reaches is there: edges to nodes off screen, nodes panned into view, a node
 * found by name, a whole selection dragged as one.
 */
import { expect, test, type Page } from '@playwright/test';
import { serializeDiagram } from '../domain/serialize';
import { benchDiagram } from './bench/graph';
import { diagramOf, openApp } from './fixtures';

const DIAGRAM = benchDiagram(1_500, 1_500, 5);

async function openLarge(page: Page): Promise<void> {
  await openApp(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles({ name: 'large.strata', mimeType: 'application/json', buffer: Buffer.from(serializeDiagram(DIAGRAM)) });
  await expect(page.getByTestId('file-name')).toHaveText('large.strata');
  await expect(page.locator('.react-flow__node[data-id="n0"]')).toBeVisible();
}

/** Nodes React Flow holds, drawn or not (it renders only those in view). */
function flowNodeCount(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('.react-flow__node').length);
}

test('a large diagram: only what is near the view is drawn, and panning brings the rest', async ({ page }) => {
  await openLarge(page);
  expect(await flowNodeCount(page)).toBeLessThan(200);
  // An edge from a node in view (top left) to one far away is drawn, though its far end never was.
  const at = new Map(DIAGRAM.nodes.map((node) => [node.id, node.position]));
  const near = (id: string) => at.get(id)!.x < 500 && at.get(id)!.y < 400;
  const far = (id: string) => at.get(id)!.x > 3_000 || at.get(id)!.y > 3_000;
  const leaving = DIAGRAM.edges.find((edge) => (near(edge.source) && far(edge.target)) || (near(edge.target) && far(edge.source)))!;
  await expect(page.getByTestId(`rf__edge-${leaving.id}`)).toHaveCount(1);
  await expect(page.locator(`.react-flow__node[data-id="${far(leaving.source) ? leaving.source : leaving.target}"]`)).toHaveCount(0);

  const last = DIAGRAM.nodes.at(-1)!;
  await expect(page.locator(`.react-flow__node[data-id="${last.id}"]`)).toHaveCount(0);
  await page.evaluate((position) => {
    const strata = (window as unknown as { strata: { setViewport(v: { x: number; y: number; zoom: number }): void } }).strata;
    strata.setViewport({ x: 300 - position.x, y: 300 - position.y, zoom: 1 });
  }, last.position);
  await expect(page.locator(`.react-flow__node[data-id="${last.id}"]`)).toBeVisible();
  expect(await flowNodeCount(page)).toBeLessThan(200);
});

test('a large diagram: every edge crossing the view is drawn once, as a React Flow edge or in the plain layer', async ({ page }) => {
  await openLarge(page);
  const middle = DIAGRAM.nodes[Math.floor(DIAGRAM.nodes.length / 2)].position;
  await page.evaluate((position) => {
    const strata = (window as unknown as { strata: { setViewport(v: { x: number; y: number; zoom: number }): void } }).strata;
    strata.setViewport({ x: 400 - position.x, y: 300 - position.y, zoom: 1 });
  }, middle);
  await expect(page.locator(`.react-flow__node[data-id="${DIAGRAM.nodes[Math.floor(DIAGRAM.nodes.length / 2)].id}"]`)).toBeVisible();
  const view = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    const [, x, y, zoom] = /translate\(([-\d.e]+)px,\s*([-\d.e]+)px\)\s*scale\(([-\d.e]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform)!.map(Number);
    return { left: -x / zoom, top: -y / zoom, right: (pane.width - x) / zoom, bottom: (pane.height - y) / zoom };
  });
  const at = new Map(DIAGRAM.nodes.map((node) => [node.id, node.position]));
  // An edge runs inside the box of its two ends (inset a little, clear of the window's border).
  const crossing = DIAGRAM.edges.filter((edge) => {
    const [a, b] = [at.get(edge.source)!, at.get(edge.target)!];
    const box = { left: Math.min(a.x, b.x) + 90, right: Math.max(a.x, b.x) + 90, top: Math.min(a.y, b.y) + 52, bottom: Math.max(a.y, b.y) };
    return box.left < view.right - 20 && box.right > view.left + 20 && box.top < view.bottom - 20 && box.bottom > view.top + 20;
  });
  await expect.poll(async () => page.locator('.overview-edges path.overview-edge').count()).toBeGreaterThan(0);
  // The view is handed to React Flow a portion a frame: check once the hand-over has settled.
  await expect(async () => {
    const drawn = await page.evaluate(() => [
      ...[...document.querySelectorAll('.react-flow__edge')].map((edge) => edge.getAttribute('data-testid')!.replace('rf__edge-', '')),
      ...[...document.querySelectorAll('.overview-edges path.overview-edge')].map((path) => path.getAttribute('data-id')!),
    ]);
    expect(new Set(drawn).size).toBe(drawn.length);
    expect(crossing.map((edge) => edge.id).filter((id) => !drawn.includes(id))).toEqual([]);
  }).toPass();
});

test('a large diagram: search finds a node far off screen, centres and selects it', async ({ page }) => {
  await openLarge(page);
  const far = DIAGRAM.nodes.at(-1)!;
  await page.keyboard.press('Control+f');
  await page.getByRole('combobox', { name: 'Find a node' }).fill(far.name);
  await page.getByRole('combobox', { name: 'Find a node' }).press('Enter');
  const drawn = page.locator(`.react-flow__node[data-id="${far.id}"]`);
  await expect(drawn).toBeVisible();
  await expect(drawn).toHaveClass(/selected/);
  const box = (await drawn.boundingBox())!;
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  expect(Math.abs(box.x + box.width / 2 - (canvas.x + canvas.width / 2))).toBeLessThan(60);
});

test('a large diagram: a selection reaching off screen is dragged as one, in one undo step', async ({ page }) => {
  await openLarge(page);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+a');
  const node = page.locator('.react-flow__node[data-id="n0"]');
  const box = (await node.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 20, { steps: 4 });
  await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 40, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await diagramOf(page)).nodes.at(-1)!.position.x).not.toBe(DIAGRAM.nodes.at(-1)!.position.x);
  const moved = await diagramOf(page);
  const dx = moved.nodes[0].position.x - DIAGRAM.nodes[0].position.x;
  expect(dx).toBeGreaterThan(0);
  expect(moved.nodes.every((n, i) => n.position.x - DIAGRAM.nodes[i].position.x === dx)).toBe(true);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await diagramOf(page)).nodes.map((n) => n.position)).toEqual(DIAGRAM.nodes.map((n) => n.position));
});

test('a large diagram: a click on an edge of the plain layer selects it, like a click on any edge', async ({ page }) => {
  await openLarge(page);
  const middle = DIAGRAM.nodes[Math.floor(DIAGRAM.nodes.length / 2)].position;
  await page.evaluate((position) => {
    const strata = (window as unknown as { strata: { setViewport(v: { x: number; y: number; zoom: number }): void } }).strata;
    strata.setViewport({ x: 400 - position.x, y: 300 - position.y, zoom: 1 });
  }, middle);
  await expect.poll(async () => page.locator('.overview-edges path.overview-edge').count()).toBeGreaterThan(0);
  // A point on a plain path, on screen, where a press reaches empty canvas (no node or edge on top of it).
  const target = await page.evaluate(() => {
    for (const path of document.querySelectorAll<SVGPathElement>('.overview-edges path.overview-edge')) {
      for (let step = 1; step < 10; step++) {
        const at = path.getPointAtLength((path.getTotalLength() * step) / 10);
        const screen = new DOMPoint(at.x, at.y).matrixTransform(path.getScreenCTM()!);
        const around = [-10, 0, 10].flatMap((dx) => [-10, 0, 10].map((dy) => document.elementFromPoint(screen.x + dx, screen.y + dy)));
        if (around.every((element) => element?.classList.contains('react-flow__pane'))) return { id: path.dataset.id!, x: screen.x, y: screen.y };
      }
    }
    return undefined;
  });
  expect(target).toBeDefined();
  const selection = () => page.evaluate(() => {
    const { selection } = (window as unknown as { strata: { getState(): { selection: { nodes: Set<string>; edges: Set<string> } } } }).strata.getState();
    return { nodes: [...selection.nodes], edges: [...selection.edges] };
  });
  await page.mouse.click(target!.x, target!.y + 3);
  await expect.poll(selection).toEqual({ nodes: [], edges: [target!.id] });
  await expect(page.locator(`.overview-edges path[data-id="${target!.id}"]`)).toHaveClass(/selected/);
  // Clicking it again with Ctrl takes it out of the selection.
  await page.keyboard.down('Control');
  await page.mouse.click(target!.x, target!.y);
  await page.keyboard.up('Control');
  await expect.poll(selection).toEqual({ nodes: [], edges: [] });
});
