/** Right-click menus and the "?" list: what a meeting reaches for with the pointer and the keyboard. */
import { expect, test } from '@playwright/test';
import { diagramOf, nodeByName, nodeCard, openApp } from './fixtures';

test('a node’s menu renames, duplicates and deletes it, with the keys the "?" list shows', async ({ page }, testInfo) => {
  await openApp(page);
  await nodeByName(page, 'order_service').click({ button: 'right' });
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem')).toContainText(['Rename', 'Duplicate', 'Group into a feature']);
  await expect(menu.getByRole('menuitem', { name: /Duplicate/ })).toContainText('Ctrl+D');
  await page.screenshot({ path: testInfo.outputPath('node-menu.png') });
  await menu.getByRole('menuitem', { name: /Rename/ }).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('checkout');
  await page.keyboard.press('Enter');
  await expect(nodeByName(page, 'checkout')).toHaveCount(1);

  await nodeByName(page, 'checkout').click({ button: 'right' });
  await page.getByRole('menuitem', { name: /Duplicate/ }).click();
  await expect(page.locator('.strata-node')).toHaveCount(8);
  await page.keyboard.press('Control+Z');
  await expect(page.locator('.strata-node')).toHaveCount(7);

  // The menu acts on the node under the pointer alone, even when another one was selected.
  await nodeByName(page, 'order').click();
  await nodeByName(page, 'checkout').click({ button: 'right' });
  await page.getByRole('menuitem', { name: /Delete/ }).click();
  await expect(page.locator('.strata-node')).toHaveCount(6);
  await expect(nodeByName(page, 'order')).toHaveCount(1);

  await page.keyboard.press('?');
  const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(list).toBeVisible();
  await expect(list.locator('.shortcut-row', { hasText: 'Duplicate' })).toContainText('Ctrl+D');
  await expect(list.locator('.shortcut-row', { hasText: 'Reverse the dependency' })).toContainText('Shift+R');
  await page.screenshot({ path: testInfo.outputPath('shortcuts.png') });
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
});

test('an arrow’s menu reverses it in one undo step; the canvas menu adds a component and a note where it was opened', async ({ page }, testInfo) => {
  await openApp(page);
  await page.locator('.react-flow__edge[data-id="e2"]').click({ button: 'right', force: true });
  await page.getByRole('menuitem', { name: /Reverse the dependency/ }).click();
  // order_repository now depends on order_service: upward, flagged at once.
  await expect(page.locator('.problem[data-rule="layer-direction"]')).toHaveCount(1);
  await expect(nodeCard(page, 'order_service')).not.toHaveClass(/selected/);
  await page.keyboard.press('Control+Z');
  await expect(page.getByTestId('problems').getByText('No problems')).toBeVisible();

  const pane = (await page.getByTestId('canvas').boundingBox())!;
  const at = { x: pane.x + pane.width - 160, y: pane.y + 120 };
  await page.mouse.click(at.x, at.y, { button: 'right' });
  await page.getByRole('menuitem', { name: /Add a component here/ }).click();
  await page.screenshot({ path: testInfo.outputPath('canvas-menu.png') });
  await page.getByRole('group', { name: 'Components' }).getByRole('menuitem', { name: 'Cache' }).click();
  const cache = nodeByName(page, 'cache');
  await expect(cache).toHaveCount(1);
  const box = (await cache.boundingBox())!;
  expect(Math.abs(box.x + box.width / 2 - at.x)).toBeLessThan(60);

  await page.mouse.click(pane.x + 120, pane.y + pane.height - 60, { button: 'right' });
  await page.getByRole('menuitem', { name: /Add a sticky note here/ }).click();
  await expect(page.getByRole('textbox', { name: 'Note text' })).toBeFocused();
  await page.keyboard.type('decide on retries');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.note')).toContainText('decide on retries');
});

test('Shift+R reverses the selected arrow from the keyboard, and F2 opens its label', async ({ page }) => {
  await openApp(page);
  await page.locator('.react-flow__edge[data-id="e3"]').click({ force: true });
  await page.keyboard.press('Shift+R');
  await expect(page.locator('.problem[data-rule="layer-direction"]')).toHaveCount(1);
  await page.keyboard.press('F2');
  await expect(page.getByRole('textbox', { name: 'Label' })).toBeFocused();
});

test('the "?" list reads in order (Save before Save As, Undo before Redo), and the Shift keys still reach their own commands', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog.getByRole('region', { name: 'File' }).locator('dt')).toHaveText(['New diagram', 'Open…', 'Save', 'Save As…', 'Export…']);
  await expect(dialog.getByRole('region', { name: 'Edit' }).locator('dt').first()).toHaveText('Undo');
  await expect(dialog.getByRole('region', { name: 'Canvas' }).locator('dt').first()).toHaveText('Group into a feature');
  await page.keyboard.press('Escape');

  await nodeByName(page, 'order_service').click();
  await page.keyboard.press('Control+g');
  await page.keyboard.type('orders');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await diagramOf(page)).nodes.find((n) => n.name === 'order_service')?.feature).toBe('orders');
  await nodeByName(page, 'order_service').click();
  await page.keyboard.press('Control+Shift+G');
  await expect.poll(async () => (await diagramOf(page)).nodes.find((n) => n.name === 'order_service')?.feature).toBeUndefined();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await diagramOf(page)).nodes.find((n) => n.name === 'order_service')?.feature).toBe('orders');
  await page.keyboard.press('Control+Shift+Z');
  await expect.poll(async () => (await diagramOf(page)).nodes.find((n) => n.name === 'order_service')?.feature).toBeUndefined();
});
