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

test('a new diagram offers the guide’s layouts as templates; one click fills it, in one undo step, clean under the rules', async ({ page }, testInfo) => {
  await openApp(page);
  await page.getByRole('button', { name: 'New' }).click();
  const templates = page.getByRole('group', { name: 'Start from a template' });
  await expect(templates.getByRole('button')).toHaveText(['Flat API', 'Feature packages', 'Layered service', 'Django + Celery']);
  await page.screenshot({ path: testInfo.outputPath('templates.png') });
  await templates.getByRole('button', { name: 'Django + Celery' }).click();
  await expect(page.locator('.react-flow__node-strata')).toHaveCount(8);
  await expect(page.locator('.toolbar').getByRole('combobox', { name: 'Framework' })).toHaveValue('django');
  await expect(page.getByTestId('problems').getByText('No problems')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('template-django.png') });
  await page.keyboard.press('Control+Z');
  await expect(page.locator('.react-flow__node-strata')).toHaveCount(0);
  await expect(page.getByTestId('empty-hint')).toBeVisible();
});
