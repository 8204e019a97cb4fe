/** Calm sketching: a component just placed is not told off for lacking connections; real breaks show at once. */
import { expect, test } from '@playwright/test';
import { connect, nodeByName, openApp } from './fixtures';

test('a new worker is quiet until the user moves on, while a real break on a new node shows at once', async ({ page }) => {
  await openApp(page);
  await page.locator('.palette-item[data-kind="worker"]').click();
  const worker = nodeByName(page, 'worker');
  await expect(worker).toHaveCount(1);
  await expect(page.getByTestId('error-count')).toHaveText('0 errors');
  await expect(worker.getByTestId('finding-badge')).toHaveCount(0);

  // Moving on: the worker still has no broker, and now it says so.
  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 300 } });
  await expect(page.locator('.problem[data-rule="worker-without-broker"]')).toHaveCount(1);
  await expect(worker.getByTestId('finding-badge')).toHaveCount(1);

  await page.locator('.palette-item[data-kind="repository"]').click();
  await expect(page.locator('.problem[data-rule="repository-without-model"]')).toHaveCount(0);
  await connect(page, 'repository', 'order_service');
  await expect(page.locator('.problem[data-rule="layer-direction"]')).toHaveCount(1);
});

test('a new diagram shows a hint in the canvas until something is placed', async ({ page }, testInfo) => {
  await openApp(page);
  await expect(page.getByTestId('empty-hint')).toHaveCount(0);
  await page.getByRole('button', { name: 'New' }).click();
  await expect(page.getByTestId('empty-hint')).toBeVisible();
  await expect(page.getByTestId('empty-hint')).toContainText('Drag a component from the left');
  await page.screenshot({ path: testInfo.outputPath('empty.png') });
  await page.keyboard.press('n');
  await expect(page.getByRole('textbox', { name: 'Note text' })).toBeFocused();
  await expect(page.getByTestId('empty-hint')).toHaveCount(0);
});
