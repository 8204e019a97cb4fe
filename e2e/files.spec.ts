/** Opening files in the browser: broken files are explained and change nothing; unsaved work is guarded. */
import { expect, test, type Page } from '@playwright/test';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyDiagram, type Diagram } from '../domain/diagram';
import { serializeDiagram } from '../domain/serialize';
import { diagramOf, nodeByName, openApp } from './fixtures';

/** Two problems: a kind that does not exist and a coordinate that is not a number. */
const BROKEN = JSON.stringify({
  format: 'strata',
  version: 1,
  nodes: [
    { id: 'r1', kind: 'gateway', name: 'orders', position: { x: 0, y: 0 } },
    { id: 'd1', kind: 'database', name: 'db', position: { x: 0, y: 'top' } },
  ],
});

const LIBRARY: Diagram = {
  ...emptyDiagram({ name: 'library' }),
  nodes: [
    { id: 's1', kind: 'service', name: 'loan_service', position: { x: 0, y: 0 } },
    { id: 'p1', kind: 'repository', name: 'loan_repository', position: { x: 0, y: 160 } },
  ],
  edges: [{ id: 'e1', source: 's1', target: 'p1' }],
};

async function expectBrokenFileExplained(page: Page, name: string): Promise<void> {
  const dialog = page.getByRole('alertdialog');
  await expect(dialog.getByRole('heading')).toHaveText(`${name} could not be opened`);
  await expect(dialog).toContainText('$.nodes[0].kind: is "gateway"; expected one of "router"');
  await expect(dialog).toContainText('$.nodes[1].position.y: must be a number');
}

/** The sample, untouched: same diagram, same name, nothing unsaved. */
async function expectSampleUntouched(page: Page, before: Diagram): Promise<void> {
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  await expect(page.getByTestId('file-name')).toHaveText('shop (sample)');
  expect(await diagramOf(page)).toEqual(before);
}

test('a broken file picked with Open… is explained field by field, and the diagram stays as it was', async ({ page }, testInfo) => {
  await openApp(page);
  const before = await diagramOf(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles({ name: 'broken.strata', mimeType: 'application/json', buffer: Buffer.from(BROKEN) });

  await expectBrokenFileExplained(page, 'broken.strata');
  await page.screenshot({ path: testInfo.outputPath('broken-file.png') });
  await testInfo.attach('broken file', { path: testInfo.outputPath('broken-file.png'), contentType: 'image/png' });
  await page.getByRole('alertdialog').getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expectSampleUntouched(page, before);
});

/** Drops a file on the window the way a file manager does. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ([fileName, content]) => {
      const data = new DataTransfer();
      data.items.add(new File([content], fileName, { type: 'application/json' }));
      return data;
    },
    [name, text] as const,
  );
  await page.dispatchEvent('.app', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('.app', 'drop', { dataTransfer: transfer });
}

test('a broken file dropped on the window is explained, and the diagram stays as it was', async ({ page }) => {
  await openApp(page);
  const before = await diagramOf(page);
  await dropFile(page, 'dropped.strata', BROKEN);
  await expectBrokenFileExplained(page, 'dropped.strata');
  await page.keyboard.press('Enter');
  await expectSampleUntouched(page, before);
});

test('a good file dropped on the window opens', async ({ page }) => {
  await openApp(page);
  await dropFile(page, 'library.strata', serializeDiagram(LIBRARY));
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
  await expect(page.getByTestId('file-name')).toHaveText('library.strata');
  expect(await diagramOf(page)).toEqual(LIBRARY);
});

test('an edit shows the unsaved marker; New asks first, and dismissing keeps the diagram', async ({ page }) => {
  await openApp(page);
  const marker = page.getByTestId('file-name').getByTitle('Unsaved changes');
  await expect(marker).toHaveCount(0);
  await nodeByName(page, 'notifications').click();
  await page.keyboard.press('Delete');
  await expect(marker).toBeVisible();
  await expect(page).toHaveTitle(/^• /);
  const edited = await diagramOf(page);

  const dismissed = new Promise<string>((resolve) =>
    page.once('dialog', (dialog) => {
      resolve(dialog.message());
      void dialog.dismiss();
    }),
  );
  await page.getByRole('button', { name: 'New', exact: true }).click();
  expect(await dismissed).toMatch(/unsaved changes/);
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(marker).toBeVisible();
  expect(await diagramOf(page)).toEqual(edited);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await expect(page.getByTestId('file-name')).toHaveText('Untitled');
});

test('Open Recent lists a file main has opened, and opens it', async ({ page }, testInfo) => {
  const folder = await mkdtemp(join(tmpdir(), 'strata-recent-e2e-'));
  const path = join(folder, `library-${Date.now()}.strata`);
  await writeFile(path, serializeDiagram(LIBRARY));
  await openApp(page);
  // Saving in the browser is a download, so main records the file through the contract directly.
  const token = await page.locator('meta[name="strata-token"]').getAttribute('content');
  const response = await fetch(new URL('api/openDiagram', page.url()), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-strata-token': token ?? '' },
    body: JSON.stringify({ path }),
  });
  expect(((await response.json()) as { result: { status: string } }).result.status).toBe('opened');

  await page.getByRole('button', { name: 'Open Recent' }).click();
  const menu = page.getByRole('menu', { name: 'Recent files' });
  const item = menu.getByRole('menuitem').first();
  await expect(item).toHaveAttribute('title', path);
  await page.screenshot({ path: testInfo.outputPath('open-recent.png') });
  await testInfo.attach('open recent', { path: testInfo.outputPath('open-recent.png'), contentType: 'image/png' });
  await item.click();

  await expect(menu).toHaveCount(0);
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
  await expect(page.getByTestId('file-name')).toHaveText(path.split('/').pop()!);
  expect(await diagramOf(page)).toEqual(LIBRARY);

  await page.getByRole('button', { name: 'Open Recent' }).click();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
});
