/** The zoom as a percentage with 100 % and Zoom to selection; the app's own light / dark / system choice. */
import { expect, test } from '@playwright/test';
import { nodeByName, openApp } from './fixtures';

test('the zoom shows as a percentage; Shift+0 and a click on it go to 100 %, Zoom to selection frames the node', async ({ page }) => {
  await openApp(page);
  const percent = page.getByTestId('zoom-percent');
  await expect(percent).toHaveText(/^\d+ %$/);
  await page.getByRole('button', { name: 'Zoom Out' }).click();
  await expect(percent).not.toHaveText('100 %');
  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 300 } });
  await page.keyboard.press('Shift+0');
  await expect(percent).toHaveText('100 %');

  await nodeByName(page, 'order').click();
  await page.getByRole('button', { name: 'Zoom to selection' }).click();
  await expect(percent).toHaveText('200 %');
  await percent.click();
  await expect(percent).toHaveText('100 %');
});

test('the theme can be set in the app, whatever the system says, and is remembered', async ({ page }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page);
  const canvasColour = () => page.locator('.workspace').evaluate((element) => getComputedStyle(element).getPropertyValue('--canvas').trim());
  expect(await canvasColour()).toBe('#fbfbfc');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect.poll(canvasColour).toBe('#181b20');
  await expect(page.locator('.react-flow')).toHaveClass(/dark/);
  await page.screenshot({ path: testInfo.outputPath('dark-chosen.png') });

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
  await expect.poll(canvasColour).toBe('#181b20');

  await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
  await expect.poll(canvasColour).toBe('#fbfbfc');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(canvasColour).toBe('#181b20');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
  await expect.poll(canvasColour).toBe('#fbfbfc');
  await page.screenshot({ path: testInfo.outputPath('light-chosen-on-dark-system.png') });
});

test('opening the app makes no failing request, the icon included', async ({ page }) => {
  const failed: string[] = [];
  // A request the browser itself cancels (headless Chromium may drop an icon load it has no use for)
  // is not a failure of the app; every other failed request and every 4xx/5xx answer is.
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${request.url()} ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.url()} ${response.status()}`);
  });
  await openApp(page);
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(icon).toMatch(/\.svg$/);
  const response = await page.request.get(new URL(icon!, page.url()).toString());
  expect(response.status()).toBe(200);
  expect(failed).toEqual([]);
});
