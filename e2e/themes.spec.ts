import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { openApp } from './fixtures';

/** The canvas's zoom, read from React Flow's viewport transform. */
async function zoomOf(page: Page): Promise<number> {
  const transform = await page.locator('.react-flow__viewport').evaluate((element) => (element as HTMLElement).style.transform);
  return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1]);
}

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Zooms out with the canvas's own button until the zoom is about one half. */
async function zoomToHalf(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Zoom Out' }).click();
  await expect.poll(() => zoomOf(page)).toBeLessThan(1.2);
  while ((await zoomOf(page)) > 0.55) {
    const before = await zoomOf(page);
    await page.getByRole('button', { name: 'Zoom Out' }).click();
    await expect.poll(() => zoomOf(page)).toBeLessThan(before);
  }
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test(`follows the system and stays readable at 100% and 50% (${scheme})`, async ({ page }, testInfo) => {
      await openApp(page);
      // Select a node so that the inspector, the selection outline and the badges are all shown.
      await page.locator('.react-flow__node-strata').first().click();
      const background = await page.locator('.canvas').evaluate((element) => getComputedStyle(element).backgroundColor);
      const text = await page.locator('.node-name').first().evaluate((element) => getComputedStyle(element).color);
      const light = (colour: string) => (colour.match(/\d+/g) ?? []).slice(0, 3).reduce((sum, part) => sum + Number(part), 0) > 382;
      expect(light(background)).toBe(scheme === 'light');
      expect(light(text)).toBe(scheme === 'dark');
      await shoot(page, testInfo, `${scheme}-100`);
      await zoomToHalf(page);
      await shoot(page, testInfo, `${scheme}-50`);
    });
  });
}
