import { expect, test, type Page } from '@playwright/test';
import type { Diagram } from '../domain/diagram';
import { diagramOf, nodeByName, openApp } from './fixtures';

/** Undo depth and selection, read from the running app's store. */
function editorState(page: Page): Promise<{ undoSteps: number; nodes: string[]; edges: string[] }> {
  return page.evaluate(() => {
    const strata = (window as unknown as { strata: { getState(): { history: { past: unknown[] }; selection: { nodes: Set<string>; edges: Set<string> } } } }).strata;
    const state = strata.getState();
    return { undoSteps: state.history.past.length, nodes: [...state.selection.nodes], edges: [...state.selection.edges] };
  });
}

function nodeIn(diagram: Diagram, name: string) {
  const node = diagram.nodes.find((n) => n.name === name);
  if (!node) throw new Error(`no node named ${name}`);
  return node;
}

async function dragBy(page: Page, from: { x: number; y: number }, dx: number, dy: number): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + dx / 2, from.y + dy / 2, { steps: 5 });
  await page.mouse.move(from.x + dx, from.y + dy, { steps: 5 });
  await page.mouse.up();
}

async function centreOf(selector: ReturnType<Page['locator']>) {
  const box = (await selector.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Clicks empty canvas (top right: the search box is top left, the mini map bottom right). */
async function clickEmptyCanvas(page: Page): Promise<void> {
  const pane = page.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  await pane.click({ position: { x: box.width - 30, y: 30 } });
}

/** Presses Tab until `target` has focus; each press is checked, so nothing waits on time. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('a drag is one undo step', async ({ page }) => {
  await openApp(page);
  const before = nodeIn(await diagramOf(page), 'order_service').position;
  const steps = (await editorState(page)).undoSteps;
  await dragBy(page, await centreOf(nodeByName(page, 'order_service').locator('.node-name')), 140, 70);
  await expect.poll(async () => nodeIn(await diagramOf(page), 'order_service').position.x).toBeGreaterThan(before.x + 50);
  expect((await editorState(page)).undoSteps).toBe(steps + 1);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => nodeIn(await diagramOf(page), 'order_service').position).toEqual(before);
  expect((await editorState(page)).undoSteps).toBe(steps);
});

test('copy and paste two connected nodes, here and in another tab', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await nodeByName(page, 'order_service').click();
  await nodeByName(page, 'order_repository').click({ modifiers: ['Shift'] });
  await expect.poll(async () => (await editorState(page)).nodes.sort()).toEqual(['p1', 's1']);
  const steps = (await editorState(page)).undoSteps;
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(page.locator('.react-flow__node-strata')).toHaveCount(9);
  await expect(page.locator('.react-flow__edge')).toHaveCount(8);

  const diagram = await diagramOf(page);
  const service = nodeIn(diagram, 'order_service_2');
  const repository = nodeIn(diagram, 'order_repository_2');
  expect(diagram.edges).toContainEqual(expect.objectContaining({ source: service.id, target: repository.id }));
  expect(service.position).toEqual({ x: nodeIn(diagram, 'order_service').position.x + 40, y: nodeIn(diagram, 'order_service').position.y + 40 });
  const state = await editorState(page);
  expect(state.nodes.sort()).toEqual([repository.id, service.id].sort());
  expect(state.undoSteps).toBe(steps + 1);

  // A second paste lands further on; undo takes one paste away at a time.
  await page.keyboard.press('Control+v');
  await expect(page.locator('.react-flow__node-strata')).toHaveCount(11);
  expect(nodeIn(await diagramOf(page), 'order_service_3').position.x).toBe(service.position.x + 40);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__node-strata')).toHaveCount(9);

  const other = await context.newPage();
  await openApp(other);
  await clickEmptyCanvas(other);
  await other.keyboard.press('Control+v');
  await expect(other.locator('.react-flow__node-strata')).toHaveCount(9);
  expect((await diagramOf(other)).edges).toHaveLength(8);
});

test('cut removes the selection; paste brings the node back', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await nodeByName(page, 'db').click();
  await page.keyboard.press('Control+x');
  await expect(page.locator('.react-flow__node-strata')).toHaveCount(6);
  await page.keyboard.press('Control+v');
  await expect(page.locator('.react-flow__node-strata')).toHaveCount(7);
  // Only the node travelled: the edge to it went with the cut and stays gone.
  const diagram = await diagramOf(page);
  expect(nodeIn(diagram, 'db').engine).toBe('postgres');
  expect(diagram.edges.some((edge) => edge.target === nodeIn(diagram, 'db').id)).toBe(false);
});

test('duplicate and arrow-key nudges are one undo step each', async ({ page }) => {
  await openApp(page);
  await nodeByName(page, 'db').click();
  const start = nodeIn(await diagramOf(page), 'db').position;
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(async () => nodeIn(await diagramOf(page), 'db').position).toEqual({ x: start.x + 1, y: start.y + 10 });
  await page.keyboard.press('Control+z');
  await expect.poll(async () => nodeIn(await diagramOf(page), 'db').position).toEqual({ x: start.x + 1, y: start.y });

  // Undo clears the selection; duplicate what is selected again.
  await nodeByName(page, 'db').click();
  await page.keyboard.press('Control+d');
  await expect(page.locator('.react-flow__node-strata')).toHaveCount(8);
  const copy = nodeIn(await diagramOf(page), 'db_2');
  expect(copy.position).toEqual({ x: start.x + 41, y: start.y + 40 });
  expect((await editorState(page)).nodes).toEqual([copy.id]);
});

test('group two nodes into a feature and move them by its label', async ({ page }, testInfo) => {
  await openApp(page);
  await nodeByName(page, 'orders').click();
  await nodeByName(page, 'order_service').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+g');
  const field = page.getByRole('textbox', { name: 'Group into feature' });
  await expect(field).toBeFocused();
  await field.fill('class');
  await expect(page.getByTestId('inspector')).toContainText('which is a Python keyword');
  await field.fill('orders');
  await field.press('Enter');

  const container = page.locator('.react-flow__node-feature');
  await expect(container).toHaveCount(1);
  await expect(container.locator('.feature-label')).toHaveText('orders');
  let diagram = await diagramOf(page);
  expect(['r1', 's1'].map((id) => diagram.nodes.find((n) => n.id === id)?.feature)).toEqual(['orders', 'orders']);

  const before = diagram.nodes.filter((n) => n.feature === 'orders').map((n) => n.position);
  const steps = (await editorState(page)).undoSteps;
  await dragBy(page, await centreOf(container.locator('.feature-label')), -120, 60);
  await expect.poll(async () => nodeIn(await diagramOf(page), 'orders').position.x).toBeLessThan(before[0].x - 50);
  diagram = await diagramOf(page);
  const after = diagram.nodes.filter((n) => n.feature === 'orders').map((n) => n.position);
  const moved = after.map((p, i) => ({ x: p.x - before[i].x, y: p.y - before[i].y }));
  expect(moved[1]).toEqual(moved[0]);
  expect((await editorState(page)).undoSteps).toBe(steps + 1);

  await nodeByName(page, 'order').click();
  await page.keyboard.press('Control+g');
  await page.keyboard.type('billing');
  await page.keyboard.press('Enter');
  await expect(container).toHaveCount(2);
  await clickEmptyCanvas(page);
  await page.screenshot({ path: testInfo.outputPath('feature-groups.png') });
  await testInfo.attach('feature groups', { path: testInfo.outputPath('feature-groups.png'), contentType: 'image/png' });

  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => nodeIn(await diagramOf(page), 'orders').position).toEqual(before[0]);
});

test('dropping a node inside a feature joins it', async ({ page }) => {
  await openApp(page);
  await nodeByName(page, 'orders').click();
  await page.keyboard.press('Control+g');
  await page.keyboard.type('orders');
  await page.keyboard.press('Enter');
  const label = page.locator('.react-flow__node-feature .feature-label');
  await expect(label).toHaveText('orders');
  const into = await centreOf(label);
  const from = await centreOf(nodeByName(page, 'notifications').locator('.node-name'));
  await dragBy(page, from, into.x + 40 - from.x, into.y + 30 - from.y);
  await expect.poll(async () => nodeIn(await diagramOf(page), 'notifications').feature).toBe('orders');
});

test('keyboard only: add a node from the palette, then a dependency from the Inspector', async ({ page }) => {
  await openApp(page);
  await tabTo(page, page.locator('.palette-item[data-kind="service"]'));
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__node-strata')).toHaveCount(8);
  const added = (await editorState(page)).nodes[0];
  await expect(page.getByTestId('inspector-node')).toBeVisible();

  const dependsOn = page.getByRole('combobox', { name: 'Depends on' });
  await tabTo(page, dependsOn);
  for (let i = 0; i < 12 && (await dependsOn.inputValue()) !== 'p1'; i++) await page.keyboard.press('ArrowDown');
  await expect(dependsOn).toHaveValue('p1');
  await expect(page.getByTestId('inspector-node').locator('.verdict')).toContainText('may depend on');
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__edge')).toHaveCount(8);
  expect((await diagramOf(page)).edges).toContainEqual(expect.objectContaining({ source: added, target: 'p1' }));
});

test('inspector: rename checks the naming rules, a model gains a field', async ({ page }, testInfo) => {
  await openApp(page);
  await expect(page.getByTestId('inspector')).toContainText('Select a node');
  await nodeByName(page, 'order_service').click();
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await expect(name).toHaveValue('order_service');
  await name.fill('Order Service');
  await expect(page.getByTestId('inspector')).toContainText('Python: order_service');
  await name.fill('import');
  await expect(page.getByTestId('inspector')).toContainText('"import" becomes "import", which is a Python keyword');
  expect(nodeIn(await diagramOf(page), 'order_service').id).toBe('s1');
  await name.press('Enter');
  await expect.poll(async () => (await diagramOf(page)).nodes.find((n) => n.id === 's1')?.name).toBe('import');
  await expect(page.getByTestId('problems').locator('[data-rule="invalid-name"]')).toHaveCount(1);

  await nodeByName(page, 'order').click();
  await page.getByRole('button', { name: '+ Add field' }).click();
  await page.getByRole('textbox', { name: 'Field 4 name' }).fill('paid');
  await page.getByRole('textbox', { name: 'Field 4 name' }).press('Enter');
  await page.getByRole('combobox', { name: 'Field 4 type' }).selectOption('bool');
  await page.getByRole('checkbox', { name: 'Field 4 optional' }).check();
  await expect
    .poll(async () => (await diagramOf(page)).nodes.find((n) => n.id === 'm1')?.fields?.[3])
    .toEqual({ name: 'paid', type: 'bool', optional: true });
  await page.screenshot({ path: testInfo.outputPath('inspector.png') });
  await testInfo.attach('inspector', { path: testInfo.outputPath('inspector.png'), contentType: 'image/png' });

  // Each committed change was its own step: undo the flag, then the type.
  await clickEmptyCanvas(page);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await diagramOf(page)).nodes.find((n) => n.id === 'm1')?.fields?.[3]).toEqual({ name: 'paid', type: 'str' });
});

test('an edge shows both ends and the rules’ verdict', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('rf__edge-e7').focus();
  await page.keyboard.press('Enter');
  const inspector = page.getByTestId('inspector-edge');
  await expect(inspector.getByLabel('From')).toContainText('notifications');
  await expect(inspector.getByLabel('To')).toContainText('order_service');
  await expect(inspector.getByTestId('edge-verdict')).toContainText(/Allowed/);
});

test('find a node by name and centre it', async ({ page }) => {
  await openApp(page);
  await clickEmptyCanvas(page);
  await page.keyboard.press('Control+f');
  const search = page.getByRole('combobox', { name: 'Find a node' });
  await expect(search).toBeFocused();
  await search.fill('REPO');
  await expect(page.getByRole('listbox', { name: 'Matching nodes' })).toContainText('order_repository');
  await search.press('Enter');
  await expect.poll(async () => (await editorState(page)).nodes).toEqual(['p1']);
});

test('Shift+drag on empty canvas draws a marquee; a plain drag pans', async ({ page }) => {
  await openApp(page);
  const a = (await nodeByName(page, 'db').boundingBox())!;
  const b = (await nodeByName(page, 'redis').boundingBox())!;
  await page.keyboard.down('Shift');
  await dragBy(page, { x: a.x - 15, y: a.y - 15 }, b.x + b.width + 30 - a.x, b.y + b.height + 30 - a.y);
  await page.keyboard.up('Shift');
  await expect.poll(async () => (await editorState(page)).nodes.sort()).toEqual(['b1', 'd1']);

  const steps = (await editorState(page)).undoSteps;
  const before = (await nodeByName(page, 'db').boundingBox())!;
  await dragBy(page, { x: before.x - 40, y: before.y + 120 }, 80, -60);
  await expect.poll(async () => (await nodeByName(page, 'db').boundingBox())!.x).toBeGreaterThan(before.x + 40);
  expect((await editorState(page)).undoSteps).toBe(steps);
});

test('with snap on, a dragged node lands on the 20px grid', async ({ page }) => {
  await openApp(page);
  await page.getByRole('checkbox', { name: 'Snap' }).check();
  await dragBy(page, await centreOf(nodeByName(page, 'redis').locator('.node-name')), -37, 23);
  await expect.poll(async () => nodeIn(await diagramOf(page), 'redis').position.x).not.toBe(440);
  const { x, y } = nodeIn(await diagramOf(page), 'redis').position;
  // Math.abs: a negative coordinate on the grid gives -0, which toEqual tells apart from 0.
  expect([Math.abs(x % 20), Math.abs(y % 20)]).toEqual([0, 0]);
});
