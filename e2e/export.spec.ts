import { expect, test } from '@playwright/test';
import { readZip, zipProblems } from '../main/testing/read-zip';
import { connect, openApp } from './fixtures';

test('explore the generated files, then export the zip', async ({ page }, testInfo) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export Python project' });
  await expect(dialog.getByRole('tree', { name: 'Files to export' })).toBeVisible();
  await dialog.getByRole('button', { name: 'order_service.py', exact: true }).click();
  await expect(dialog.getByTestId('file-text')).toContainText('class OrderService');

  await dialog.getByLabel('Layout').selectOption('auto');
  await expect(dialog.getByTestId('layout-reason')).toContainText('auto →');
  await dialog.getByLabel('Layout').selectOption('layered');
  await page.screenshot({ path: testInfo.outputPath('export-dialog.png') });

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export zip…' }).click();
  const download = await downloading;
  const path = testInfo.outputPath('shop.zip');
  await download.saveAs(path);
  await expect(dialog.getByTestId('export-status')).toContainText('Exported');
  const entries = await readZip(path);
  expect(zipProblems(entries, 'shop')).toEqual([]);
  expect(entries.map((e) => e.name)).toContain('shop/src/shop/services/order_service.py');
});

test('a diagram with errors is refused until the user chooses to export anyway', async ({ page }) => {
  await openApp(page);
  await connect(page, 'order_repository', 'order_service');
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export Python project' });
  await expect(dialog.getByRole('alert')).toContainText('2 errors');
  const exportButton = dialog.getByRole('button', { name: 'Export zip…' });
  await expect(exportButton).toBeDisabled();
  await dialog.getByLabel('Export anyway').check();
  await expect(exportButton).toBeEnabled();
});

test('the preview follows the options, and a framework Strata cannot generate is explained', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export Python project' });
  await dialog.getByRole('button', { name: 'pyproject.toml', exact: true }).click();
  await expect(dialog.getByTestId('file-text')).toContainText('"celery');
  await dialog.getByLabel('Task framework').selectOption('rq');
  await dialog.getByRole('button', { name: 'pyproject.toml', exact: true }).click();
  await expect(dialog.getByTestId('file-text')).toContainText('"rq');
  await expect(dialog.getByTestId('file-text')).not.toContainText('"celery');

  await dialog.getByLabel(/^Framework/).selectOption('flask');
  await expect(dialog.locator('.export-problem')).toContainText(/flask/i);
  await expect(dialog.getByRole('button', { name: 'Export zip…' })).toBeDisabled();
});
