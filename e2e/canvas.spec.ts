import { expect, test } from '@playwright/test';
import { connect, diagramOf, nodeByName, openApp } from './fixtures';

test('opens on the sample shop diagram', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('file-name')).toHaveText('shop (sample)');
  for (const name of ['orders', 'order_service', 'order_repository', 'order', 'db', 'notifications', 'redis']) {
    await expect(nodeByName(page, name)).toBeVisible();
  }
  await expect(page.locator('.react-flow__edge')).toHaveCount(7);
});

test('drag a service from the palette and connect it to the order repository', async ({ page }, testInfo) => {
  await openApp(page);
  const canvas = page.getByTestId('canvas');
  const box = (await canvas.boundingBox())!;
  await page.locator('.palette-item[data-kind="service"]').dragTo(canvas, {
    targetPosition: { x: box.width - 260, y: box.height / 2 - 60 },
  });
  await expect(page.locator('.react-flow__node')).toHaveCount(8);
  await expect(nodeByName(page, 'service')).toBeVisible();

  await connect(page, 'service', 'order_repository');
  await expect(page.locator('.react-flow__edge')).toHaveCount(8);

  const diagram = await diagramOf(page);
  const service = diagram.nodes.find((n) => n.kind === 'service' && n.name === 'service');
  const repository = diagram.nodes.find((n) => n.name === 'order_repository');
  expect(service).toBeDefined();
  expect(diagram.edges).toContainEqual(expect.objectContaining({ source: service!.id, target: repository!.id }));
  await page.screenshot({ path: testInfo.outputPath('canvas.png') });
  await testInfo.attach('canvas', { path: testInfo.outputPath('canvas.png'), contentType: 'image/png' });
});

test('rename a node by double-click', async ({ page }) => {
  await openApp(page);
  await nodeByName(page, 'order_service').locator('.node-name').dblclick();
  const input = page.getByRole('textbox', { name: 'Node name' });
  await input.fill('Checkout Service');
  await input.press('Enter');
  await expect(nodeByName(page, 'Checkout Service')).toBeVisible();
  const diagram = await diagramOf(page);
  expect(diagram.nodes.find((n) => n.id === 's1')?.name).toBe('Checkout Service');
});

test('select and delete a node removes its edges too', async ({ page }) => {
  await openApp(page);
  await nodeByName(page, 'notifications').click();
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  const diagram = await diagramOf(page);
  expect(diagram.edges.some((e) => e.source === 'w1' || e.target === 'w1')).toBe(false);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
});

test('zoomed out to an overview, edges are drawn as one layer; zoomed back in, they are edges again', async ({ page }) => {
  await openApp(page);
  const canvas = page.getByTestId('canvas');
  while (!(await canvas.getAttribute('class'))!.includes('zoom-overview')) {
    await page.getByRole('button', { name: 'Zoom Out' }).click();
  }
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  // One path per edge, each a single route with an arrowhead; the sample breaks no rule.
  const paths = page.locator('.overview-edges path.overview-edge');
  await expect(paths).toHaveCount(7);
  for (const d of await paths.evaluateAll((all) => all.map((p) => p.getAttribute('d') ?? ''))) expect(d.match(/M/g)).toHaveLength(1);
  await expect(page.locator('.overview-edges path.overview-edge[marker-end]')).toHaveCount(7);
  await expect(page.locator('.overview-edges path.error')).toHaveCount(0);

  const edgeCount = (await diagramOf(page)).edges.length;
  while ((await canvas.getAttribute('class'))!.includes('zoom-overview')) {
    await page.getByRole('button', { name: 'Zoom In' }).click();
  }
  await expect(page.locator('.react-flow__edge')).toHaveCount(edgeCount);
  await expect(page.locator('.overview-edges path.overview-edge')).toHaveCount(0);
});
