/** Quick fixes from the Problems panel, one undo step each, and a dependency chooser that warns before it is used. */
import { expect, test } from '@playwright/test';
import { connect, nodeByName, openApp } from './fixtures';

test('an upward dependency is reversed by its fix, and one undo brings it back', async ({ page }, testInfo) => {
  await openApp(page);
  await connect(page, 'order_repository', 'order_service');
  await expect(page.getByTestId('error-count')).toHaveText('2 errors');
  const fix = page.getByRole('button', { name: 'Fix: Reverse: order_service depends on order_repository' });
  await page.screenshot({ path: testInfo.outputPath('fix.png') });
  await fix.click();
  // Reversed, it repeats the existing service → repository edge: a warning, no error.
  await expect(page.getByTestId('error-count')).toHaveText('0 errors');
  await page.keyboard.press('Control+Z');
  await expect(page.getByTestId('error-count')).toHaveText('2 errors');
});

test('a router reaching past the services gets a service inserted between, in one undo step', async ({ page }) => {
  await openApp(page);
  await connect(page, 'orders', 'order_repository');
  await expect(page.locator('.problem[data-rule="skip-layer"]')).toHaveCount(1);
  await page.getByRole('button', { name: /^Fix: Insert service order_service_2 between orders and order_repository/ }).click();
  await expect(nodeByName(page, 'order_service_2')).toHaveCount(1);
  await expect(page.getByTestId('problems').getByText('No problems')).toBeVisible();
  await page.keyboard.press('Control+Z');
  await expect(nodeByName(page, 'order_service_2')).toHaveCount(0);
  await expect(page.locator('.problem[data-rule="skip-layer"]')).toHaveCount(1);
});

test('the Depends on chooser marks the choices that would break a rule, and says which', async ({ page }) => {
  await openApp(page);
  await nodeByName(page, 'order_repository').click();
  const chooser = page.getByRole('combobox', { name: 'Depends on' });
  await chooser.focus();
  await expect(chooser.locator('option', { hasText: 'order_service' })).toHaveText(/✕ breaks layer-direction/);
  await expect(chooser.locator('option', { hasText: 'orders' })).toHaveText(/✕ breaks layer-direction/);
  await expect(chooser.locator('option', { hasText: /^order · Model/ })).not.toHaveText(/breaks/);
  await nodeByName(page, 'orders').click();
  await chooser.focus();
  await expect(chooser.locator('option', { hasText: 'order_repository' })).toHaveText(/⚠ breaks skip-layer/);
});
