import { expect, test } from '@playwright/test';
import { diagramOf, nodeByName, openApp } from './fixtures';

test('a router chooses the model it serves; a scheduler takes a schedule the export can run', async ({ page }, testInfo) => {
  await openApp(page);
  await nodeByName(page, 'orders').click();
  const serves = page.getByRole('combobox', { name: 'Serves' });
  await expect(serves).toHaveValue('');
  await expect(serves.locator('option')).toHaveText(['Automatic', 'order']);
  await serves.selectOption('m1');
  await expect.poll(async () => (await diagramOf(page)).nodes.find((n) => n.id === 'r1')?.resource).toBe('m1');

  await page.locator('.palette-item[data-kind="scheduler"]').click();
  await expect(page.locator('.react-flow__node-strata')).toHaveCount(8);
  const schedule = page.getByRole('textbox', { name: 'Schedule' });
  await expect(schedule).toHaveValue('');
  await schedule.fill('sometimes');
  await expect(page.getByTestId('inspector-node').locator('.field-note.problem')).toContainText('Not a schedule');
  await schedule.fill('every 15 minutes');
  await expect(page.getByTestId('inspector-node')).toContainText('Runs every 900 s');
  await schedule.press('Enter');
  await expect.poll(async () => (await diagramOf(page)).nodes.find((n) => n.kind === 'scheduler')?.schedule).toBe('every 15 minutes');
  await schedule.fill('0 3 * * *');
  await expect(page.getByTestId('inspector-node')).toContainText('cron 0 3 * * * (UTC)');
  await page.screenshot({ path: testInfo.outputPath('inspector-schedule.png') });
});
