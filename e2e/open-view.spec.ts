/** Opening a file shows the diagram: never a blank canvas because it was saved elsewhere on it. */
import { expect, test, type Page } from '@playwright/test';
import type { Diagram } from '../domain/diagram';
import { serializeDiagram } from '../domain/serialize';
import { SAMPLE_DIAGRAM } from '../domain/sample';
import { openApp } from './fixtures';

async function openFile(page: Page, name: string, diagram: Diagram): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(serializeDiagram(diagram)) });
  await expect(page.getByTestId('file-name')).toHaveText(name);
}

test('a diagram saved far from where the view is opens in view, whole, at no more than 100 %', async ({ page }, testInfo) => {
  await openApp(page);
  const far = { ...SAMPLE_DIAGRAM, nodes: SAMPLE_DIAGRAM.nodes.map((n) => ({ ...n, position: { x: n.position.x + 8000, y: n.position.y + 6000 } })) };
  await openFile(page, 'far.strata', far);

  const pane = (await page.locator('.react-flow').boundingBox())!;
  const cards = page.locator('.react-flow__node-strata');
  await expect(cards).toHaveCount(far.nodes.length);
  await expect
    .poll(async () => {
      const boxes = await Promise.all((await cards.all()).map((card) => card.boundingBox()));
      return boxes.every((b) => b !== null && b.x >= pane.x && b.y >= pane.y && b.x + b.width <= pane.x + pane.width && b.y + b.height <= pane.y + pane.height);
    })
    .toBe(true);
  const zoom = await page.evaluate(() => new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a);
  expect(zoom).toBeLessThanOrEqual(1);
  await page.screenshot({ path: testInfo.outputPath('far.png') });
});

test('a diagram partly in view when it opens keeps the view as it is (the user\'s place, and what the bench sets up)', async ({ page }) => {
  await openApp(page);
  const before = await page.locator('.react-flow__viewport').getAttribute('style');
  await openFile(page, 'same.strata', SAMPLE_DIAGRAM);
  await expect(page.locator('.react-flow__node-strata')).toHaveCount(SAMPLE_DIAGRAM.nodes.length);
  expect(await page.locator('.react-flow__viewport').getAttribute('style')).toBe(before);
});
