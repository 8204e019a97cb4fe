import { expect, test } from '@playwright/test';
import { connect, diagramOf, nodeByName, nodeCard, openApp } from './fixtures';

test('an upward edge turns both ends red and is listed; deleting it clears the panel', async ({ page }, testInfo) => {
  await openApp(page);
  const problems = page.getByTestId('problems');
  await expect(problems.getByText('No problems')).toBeVisible();

  await connect(page, 'order_repository', 'order_service');
  await expect(page.locator('.react-flow__edge')).toHaveCount(8);
  await expect(nodeCard(page, 'order_repository')).toHaveClass(/has-error/);
  await expect(nodeCard(page, 'order_service')).toHaveClass(/has-error/);
  await expect(problems.locator('.problem[data-rule="layer-direction"]')).toHaveCount(1);
  await expect(problems.locator('.problem[data-rule="cycle"]')).toHaveCount(1);
  await expect(page.getByTestId('error-count')).toHaveText('2 errors');
  await page.screenshot({ path: testInfo.outputPath('flagged.png') });
  await testInfo.attach('flagged', { path: testInfo.outputPath('flagged.png'), contentType: 'image/png' });

  const diagram = await diagramOf(page);
  const upward = diagram.edges.find((e) => e.source === 'p1' && e.target === 's1')!;
  await page.locator(`.react-flow__edge[data-id="${upward.id}"]`).click({ force: true });
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__edge')).toHaveCount(7);
  await expect(problems.getByText('No problems')).toBeVisible();
  await expect(nodeCard(page, 'order_service')).not.toHaveClass(/has-error/);
});

test('hovering a badge shows the message and the fix', async ({ page }) => {
  await openApp(page);
  await connect(page, 'order_repository', 'order_service');
  const badge = nodeByName(page, 'order_repository').getByTestId('finding-badge');
  await badge.hover();
  const tooltip = badge.getByRole('tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText('repository "order_repository" depends on service "order_service"');
  await expect(tooltip).toContainText('Fix:');
});

test('clicking a problem about nodes selects those nodes', async ({ page }) => {
  await openApp(page);
  await page.locator('.palette-item[data-kind="service"]').click();
  // Moving on from the new service lets its "not connected yet" finding show.
  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 300 } });
  await page.locator('.problem[data-rule="orphan"]').click();
  await expect(page.locator('.strata-node.selected')).toHaveCount(1);
  await expect(page.getByTestId('inspector-node')).toBeVisible();
});

test('changing the task framework re-checks the broker at once', async ({ page }) => {
  await openApp(page);
  await page.getByRole('combobox', { name: 'Tasks' }).selectOption('rq');
  await expect(page.locator('.problem')).toHaveCount(0);
  const diagram = await diagramOf(page);
  expect(diagram.project.tasks).toBe('rq');
  // The broker runs Redis, which RQ supports; switch it to RabbitMQ through the file format's engine.
  await page.evaluate(() => {
    const strata = (window as unknown as { strata: { getState(): { edit(e: unknown): void } } }).strata;
    strata.getState().edit({ type: 'update-node', id: 'b1', changes: { engine: 'rabbitmq' } });
  });
  await expect(page.locator('.problem[data-rule="broker-unsupported"]')).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Tasks' }).selectOption('celery');
  await expect(page.locator('.problem[data-rule="broker-unsupported"]')).toHaveCount(0);
});

test('while connecting, the node under the pointer says whether the edge is allowed; strict mode refuses errors', async ({ page }) => {
  await openApp(page);
  const source = nodeByName(page, 'order_repository').locator('.react-flow__handle-bottom');
  const box = (await source.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 40, box.y + 40, { steps: 4 });
  // Over empty canvas, no hint at all; over a node's body, that node's verdict and no other.
  await expect(page.getByTestId('connection-hint')).toHaveCount(0);
  const service = (await nodeByName(page, 'order_service').boundingBox())!;
  await page.mouse.move(service.x + service.width * 0.7, service.y + service.height / 2, { steps: 6 });
  await expect(nodeByName(page, 'order_service').getByTestId('connection-hint')).toContainText('layer-direction');
  await expect(page.getByTestId('connection-hint')).toHaveCount(1);
  const model = (await nodeByName(page, 'order').boundingBox())!;
  await page.mouse.move(model.x + model.width * 0.3, model.y + model.height * 0.7, { steps: 6 });
  await expect(nodeByName(page, 'order').getByTestId('connection-hint')).toContainText('✓');
  await expect(page.getByTestId('connection-hint')).toHaveCount(1);
  // Let go over empty canvas: nothing is connected.
  await page.mouse.move(box.x + 40, box.y + 40, { steps: 6 });
  await expect(page.getByTestId('connection-hint')).toHaveCount(0);
  await page.mouse.up();
  await expect(page.locator('.react-flow__edge')).toHaveCount(7);

  await page.getByLabel('Strict').check();
  await connect(page, 'order_repository', 'order_service');
  await expect(page.locator('.react-flow__edge')).toHaveCount(7);
  await connect(page, 'notifications', 'order_repository');
  await expect(page.locator('.react-flow__edge')).toHaveCount(8);
});

test('a connection dropped anywhere on a node’s body connects to that node', async ({ page }) => {
  await openApp(page);
  const source = (await nodeByName(page, 'order_service').locator('.react-flow__handle-bottom').boundingBox())!;
  const target = (await nodeByName(page, 'redis').boundingBox())!;
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  // The lower left of the node's body: far from its handle at the middle of its top edge.
  const drop = { x: target.x + target.width * 0.25, y: target.y + target.height * 0.75 };
  await page.mouse.move(drop.x, drop.y, { steps: 8 });
  await expect(nodeByName(page, 'redis').getByTestId('connection-hint')).toHaveCount(1);
  await page.mouse.up();
  await expect(page.locator('.react-flow__edge')).toHaveCount(8);
  expect((await diagramOf(page)).edges).toContainEqual(expect.objectContaining({ source: 's1', target: 'b1' }));
});

test('a diagram with hundreds of problems lists the first 200 and the rest on request', async ({ page }) => {
  await openApp(page);
  // 250 services each depending on a router: 250 upward edges, each a layer-direction error.
  await page.evaluate(() => {
    const nodes = [];
    const edges = [];
    for (let i = 0; i < 250; i++) {
      nodes.push({ id: `r${i}`, kind: 'router', name: `router_${i}`, position: { x: i * 200, y: 0 } });
      nodes.push({ id: `s${i}`, kind: 'service', name: `service_${i}`, position: { x: i * 200, y: 200 } });
      edges.push({ id: `e${i}`, source: `s${i}`, target: `r${i}` });
    }
    const project = { name: 'tangled', framework: 'fastapi', tasks: 'none', layout: 'auto' };
    const strata = (window as unknown as { strata: { getState(): { load(file: unknown): void } } }).strata;
    strata.getState().load({ path: null, name: 'tangled', diagram: { version: 1, project, nodes, edges } });
  });
  const errors = Number((await page.getByTestId('error-count').textContent())!.split(' ')[0]);
  expect(errors).toBeGreaterThanOrEqual(250);
  await expect(page.locator('.problem')).toHaveCount(200);
  const total = errors + Number((await page.getByTestId('warning-count').textContent())!.split(' ')[0]);
  await page.getByRole('button', { name: `Show all ${total} problems (${total - 200} more)` }).click();
  await expect(page.locator('.problem')).toHaveCount(total);
});
