/** Lining things up in a meeting: guides while dragging, align and distribute from the keys and the menu. */
import { expect, test, type Page } from '@playwright/test';
import { diagramOf, nodeByName, openApp } from './fixtures';

const box = async (page: Page, name: string) => (await nodeByName(page, name).boundingBox())!;
const positionOf = async (page: Page, id: string) => (await diagramOf(page)).nodes.find((node) => node.id === id)!.position;

test('a dragged node snaps to another’s edge and shows the guide; the drag is one undo step', async ({ page }, testInfo) => {
  await openApp(page);
  const target = await box(page, 'notifications');
  const start = await box(page, 'order_service');
  const from = { x: start.x + start.width / 2, y: start.y + start.height / 2 };
  // Three screen pixels short of notifications' left edge, at the same height as before.
  const to = { x: from.x + target.x - start.x + 3, y: from.y };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  // React Flow starts the drag once the pointer moved more than a pixel, and measures from there.
  await page.mouse.move(from.x + 2, from.y);
  await page.mouse.move((from.x + to.x) / 2, from.y + 30, { steps: 8 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await expect(page.locator('.alignment-guide')).not.toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('guide.png') });
  await page.mouse.up();
  await expect(page.locator('.alignment-guide')).toHaveCount(0);
  expect((await positionOf(page, 's1')).x).toBe((await positionOf(page, 'w1')).x);
  await page.keyboard.press('Control+Z');
  expect(await positionOf(page, 's1')).toEqual({ x: 0, y: 160 });
});

test('Alt+H centres the selection on one line, undone in one step; the menu spreads three evenly', async ({ page }, testInfo) => {
  await openApp(page);
  await nodeByName(page, 'notifications').click();
  await nodeByName(page, 'redis').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Alt+H');
  await expect.poll(async () => {
    const [a, b] = [await box(page, 'notifications'), await box(page, 'redis')];
    return Math.abs(a.x + a.width / 2 - (b.x + b.width / 2));
  }).toBeLessThan(1.5);
  await page.keyboard.press('Control+Z');
  await expect.poll(() => positionOf(page, 'w1')).toEqual({ x: 320, y: 0 });
  expect(await positionOf(page, 'b1')).toEqual({ x: 440, y: 480 });

  await nodeByName(page, 'notifications').click();
  await nodeByName(page, 'redis').click({ modifiers: ['Shift'] });
  await nodeByName(page, 'order_service').click({ modifiers: ['Shift'] });
  await nodeByName(page, 'order_service').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Align and distribute' }).click();
  const arrange = page.getByRole('group', { name: 'Align and distribute' });
  await expect(arrange.getByRole('menuitem', { name: /Align left/ })).toContainText('Alt+A');
  // Unfolded near the window's foot, the menu grows upwards rather than past it.
  await expect.poll(async () => (await page.getByRole('menu').boundingBox())!.y + (await page.getByRole('menu').boundingBox())!.height).toBeLessThanOrEqual(860);
  await page.screenshot({ path: testInfo.outputPath('arrange-menu.png') });
  await arrange.getByRole('menuitem', { name: /Distribute vertically/ }).click();
  await expect.poll(async () => {
    const [top, middle, bottom] = [await box(page, 'notifications'), await box(page, 'order_service'), await box(page, 'redis')];
    return Math.abs(middle.y - (top.y + top.height) - (bottom.y - (middle.y + middle.height)));
  }).toBeLessThan(1.5);
  // The outer two stay where they were.
  expect((await positionOf(page, 'w1')).y).toBe(0);
  expect((await positionOf(page, 'b1')).y).toBe(480);

  await page.keyboard.press('?');
  const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(list.locator('.shortcut-row', { hasText: 'Distribute horizontally' })).toContainText('Alt+Shift+H');
});
