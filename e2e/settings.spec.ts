/** One source of truth for the project's settings: the toolbar and the Export dialog show and change the same ones. */
import { expect, test } from '@playwright/test';
import { nodeByName, openApp } from './fixtures';

test('auto picks feature once a feature is drawn, says why, and the Export dialog shows and changes the same setting', async ({ page }, testInfo) => {
  await openApp(page);
  const toolbarLayout = page.locator('.toolbar').getByRole('combobox', { name: 'Layout' });
  await toolbarLayout.selectOption('auto');
  await expect(toolbarLayout.locator('option[value="auto"]')).toHaveText('auto → flat');

  await nodeByName(page, 'orders').click();
  await nodeByName(page, 'order_service').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+g');
  await page.getByRole('textbox', { name: 'Group into feature' }).fill('orders');
  await page.keyboard.press('Enter');
  await expect(toolbarLayout.locator('option[value="auto"]')).toHaveText('auto → feature');

  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export Python project' });
  await expect(dialog.getByLabel('Layout')).toHaveValue('auto');
  await expect(dialog.getByTestId('layout-reason')).toContainText('auto → feature');
  await expect(dialog.getByTestId('layout-reason')).toContainText('the feature orders');
  await page.screenshot({ path: testInfo.outputPath('export-auto-feature.png') });

  await dialog.getByLabel('Layout').selectOption('layered');
  await dialog.getByLabel('Task framework').selectOption('rq');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(toolbarLayout).toHaveValue('layered');
  await expect(page.locator('.toolbar').getByRole('combobox', { name: 'Tasks' })).toHaveValue('rq');
  await page.screenshot({ path: testInfo.outputPath('toolbar-after-export.png') });
});
