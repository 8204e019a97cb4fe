import { expect, test } from '@playwright/test';
import { readZip, zipProblems } from '../main/testing/read-zip';
import { SAMPLE_DIAGRAM } from '../domain/sample';
import { serializeDiagram } from '../domain/serialize';
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

test('the preview follows the options; choices that cannot export say why before they are picked', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export Python project' });
  await dialog.getByRole('button', { name: 'pyproject.toml', exact: true }).click();
  await expect(dialog.getByTestId('file-text')).toContainText('"celery');
  await dialog.getByLabel('Task framework').selectOption('rq');
  await dialog.getByRole('button', { name: 'pyproject.toml', exact: true }).click();
  await expect(dialog.getByTestId('file-text')).toContainText('"rq');
  await expect(dialog.getByTestId('file-text')).not.toContainText('"celery');

  // Every framework exports; "none" for a diagram with workers is marked before it is picked.
  for (const framework of ['fastapi', 'flask', 'django']) await expect(dialog.getByLabel(/^Framework/).locator(`option[value="${framework}"]`)).toBeEnabled();
  await expect(dialog.getByLabel('Task framework').locator('option[value="none"]')).toBeDisabled();
  await expect(dialog.getByLabel('Task framework').locator('option[value="none"]')).toHaveAttribute('title', /worker/);
});

test('after an export, changing an option clears the result line', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export Python project' });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export zip…' }).click();
  await downloading;
  await expect(dialog.getByTestId('export-status')).toContainText('Exported');
  await dialog.getByLabel('Layout').selectOption('flat');
  await expect(dialog.getByTestId('export-status')).toHaveCount(0);
  await expect(dialog.getByRole('tree', { name: 'Files to export' })).toBeVisible();
});

test('picking Flask previews a Flask project, and the result line of an earlier export goes', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export Python project' });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export zip…' }).click();
  await downloading;
  await expect(dialog.getByTestId('export-status')).toContainText('Exported');
  await dialog.getByLabel(/^Framework/).selectOption('flask');
  await expect(dialog.getByTestId('export-status')).toHaveCount(0);
  await expect(dialog.getByTestId('export-unavailable')).toHaveCount(0);
  await expect(dialog.getByRole('tree', { name: 'Files to export' })).toBeVisible();
  await dialog.getByRole('button', { name: 'pyproject.toml', exact: true }).click();
  await expect(dialog.getByTestId('file-text')).toContainText('"flask==');
  await expect(dialog.getByRole('button', { name: 'Export zip…' })).toBeEnabled();
});

test('a diagram whose settings cannot export opens the dialog with the reason in place of the files', async ({ page }, testInfo) => {
  await openApp(page);
  const noTasks = { ...SAMPLE_DIAGRAM, project: { ...SAMPLE_DIAGRAM.project, tasks: 'none' as const } };
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles({ name: 'no-tasks.strata', mimeType: 'application/json', buffer: Buffer.from(serializeDiagram(noTasks)) });
  await expect(page.getByTestId('file-name')).toHaveText('no-tasks.strata');
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export Python project' });
  const reason = dialog.getByTestId('export-unavailable');
  await expect(reason).toContainText('cannot export this diagram');
  await expect(reason).toContainText(/the task framework is "none"/);
  const box = await reason.boundingBox();
  expect(box!.height, 'the reason fills the place of the file explorer, not a sliver').toBeGreaterThan(200);
  await expect(dialog.getByRole('button', { name: 'Export zip…' })).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('export-unavailable.png') });
  await dialog.getByLabel('Task framework').selectOption('celery');
  await expect(dialog.getByRole('tree', { name: 'Files to export' })).toBeVisible();
  await expect(reason).toHaveCount(0);
});

test('a file that new options no longer make gives way to the README, and Escape closes the dialog', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export Python project' });
  await dialog.getByRole('button', { name: 'env.py', exact: true }).click();
  await expect(dialog.getByTestId('file-text')).toContainText('alembic');
  // Django writes no alembic/: its path over an empty box would be a stale line.
  await dialog.getByLabel(/^Framework/).selectOption('django');
  await expect(dialog.getByLabel('File preview')).toContainText('shop/README.md');
  await expect(dialog.getByTestId('file-text')).toContainText('Django');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});
