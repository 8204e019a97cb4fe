/** The mini map never hides the diagram: it moves out of the way of nodes, and can be switched off. */
import { expect, test } from '@playwright/test';
import { nodeByName, openApp } from './fixtures';

const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;

test('a node dropped where the mini map stands sends the map to the other corner; M hides it, remembered', async ({ page }, testInfo) => {
  await openApp(page);
  const map = page.getByRole('img', { name: 'Mini map' });
  await expect(map).toHaveAttribute('data-place', 'bottom');
  const spot = (await map.boundingBox())!;
  const redis = (await nodeByName(page, 'redis').boundingBox())!;
  const from = { x: redis.x + redis.width / 2, y: redis.y + redis.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 2, from.y);
  await page.mouse.move(spot.x + spot.width / 2, spot.y + spot.height / 2, { steps: 10 });
  await page.mouse.up();

  await expect(map).toHaveAttribute('data-place', 'top');
  const moved = (await nodeByName(page, 'redis').boundingBox())!;
  expect(overlap(moved, spot)).toBe(true);
  expect(overlap(moved, (await map.boundingBox())!)).toBe(false);
  await page.screenshot({ path: testInfo.outputPath('minimap-moved.png') });

  await page.keyboard.press('m');
  await expect(map).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Map' })).toHaveAttribute('aria-pressed', 'false');
  // Opened afresh in the same browser profile, the choice holds.
  await openApp(page);
  await expect(page.getByRole('button', { name: 'Map' })).toHaveAttribute('aria-pressed', 'false');
  await expect(map).toHaveCount(0);
  await page.getByRole('button', { name: 'Map' }).click();
  await expect(map).toHaveAttribute('data-place', 'bottom');
});
