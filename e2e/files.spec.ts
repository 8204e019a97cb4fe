/** Opening files in the browser: broken files are explained and change nothing; unsaved work is guarded. */
import { expect, test, type Page } from '@playwright/test';
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

/** An unsaved edit: the notifications worker deleted. */
async function makeUnsavedEdit(page: Page): Promise<Diagram> {
  await nodeByName(page, 'notifications').click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('file-name').getByTitle('Unsaved changes')).toBeVisible();
  return diagramOf(page);
}

/** The question asked before the diagram is replaced. */
function unsavedQuestion(page: Page) {
  return page.getByTestId('choice-dialog');
}

test('an edit shows the unsaved marker; New asks first, Cancel keeps the diagram, Don’t Save replaces it', async ({ page }, testInfo) => {
  await openApp(page);
  const marker = page.getByTestId('file-name').getByTitle('Unsaved changes');
  await expect(marker).toHaveCount(0);
  const edited = await makeUnsavedEdit(page);
  await expect(page).toHaveTitle(/^• /);

  await page.getByRole('button', { name: 'New', exact: true }).click();
  const question = unsavedQuestion(page);
  await expect(question.getByRole('heading')).toHaveText('Save the changes to shop (sample) before starting a new diagram?');
  await page.screenshot({ path: testInfo.outputPath('unsaved-question.png') });
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toHaveCount(0);
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(marker).toBeVisible();
  expect(await diagramOf(page)).toEqual(edited);

  await page.getByRole('button', { name: 'New', exact: true }).click();
  await question.getByRole('button', { name: 'Don’t Save' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await expect(page.getByTestId('file-name')).toHaveText('Untitled');
});

test('a drop asks first when there are unsaved changes, the same way, and Cancel loses nothing', async ({ page }) => {
  await openApp(page);
  const edited = await makeUnsavedEdit(page);
  await dropFile(page, 'library.strata', serializeDiagram(LIBRARY));
  const question = unsavedQuestion(page);
  await expect(question.getByRole('heading')).toHaveText('Save the changes to shop (sample) before opening another diagram?');
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toHaveCount(0);
  expect(await diagramOf(page)).toEqual(edited);
  // Still undoable: nothing was thrown away.
  await page.keyboard.press('Control+Z');
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  await page.keyboard.press('Control+Shift+Z');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);

  await dropFile(page, 'library.strata', serializeDiagram(LIBRARY));
  await question.getByRole('button', { name: 'Don’t Save' }).click();
  await expect(page.getByTestId('file-name')).toHaveText('library.strata');
  expect(await diagramOf(page)).toEqual(LIBRARY);
});

test('Open… asks first too, before the file picker opens', async ({ page }) => {
  await openApp(page);
  await makeUnsavedEdit(page);
  await page.getByRole('button', { name: 'Open…' }).click();
  const question = unsavedQuestion(page);
  await expect(question).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await question.getByRole('button', { name: 'Don’t Save' }).click();
  await (await chooser).setFiles({ name: 'library.strata', mimeType: 'application/json', buffer: Buffer.from(serializeDiagram(LIBRARY)) });
  await expect(page.getByTestId('file-name')).toHaveText('library.strata');
});

/** Picks a file with Open… and returns the message shown about it. */
async function openPicked(page: Page, name: string, buffer: Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer });
  const dialog = page.getByRole('alertdialog');
  await expect(dialog.getByRole('heading')).toHaveText(`${name} could not be opened`);
  return dialog;
}

test('a file over 16 MiB, UTF-16 or not UTF-8 gets a message naming it, and the diagram stays', async ({ page }) => {
  await openApp(page);
  const before = await diagramOf(page);
  const text = serializeDiagram(LIBRARY);
  const cases: [string, Buffer, RegExp][] = [
    ['huge.strata', Buffer.alloc(16 * 1024 * 1024 + 1, 0x20), /huge\.strata is 16\.0 MiB; Strata opens diagram files up to 16 MiB/],
    ['wide.strata', Buffer.from(`\ufeff${text}`, 'utf16le'), /wide\.strata is UTF-16 text/],
    ['latin.strata', Buffer.from(text.replace('library', 'bibliothèque'), 'latin1'), /latin\.strata is not UTF-8 text/],
  ];
  for (const [name, buffer, message] of cases) {
    const dialog = await openPicked(page, name, buffer);
    await expect(dialog).toContainText(message);
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expectSampleUntouched(page, before);
  }
});

test('the browser app has no paths: Open Recent lists only copies kept in this browser, and the server refuses path-bearing calls', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Open Recent' }).click();
  await expect(page.getByRole('menu', { name: 'Recent files' })).toHaveText('No recent files');
  const statuses = await page.evaluate(async () => {
    const post = (name: string, body: unknown) =>
      fetch(`api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.status);
    return [await post('openDiagram', { path: '/etc/passwd' }), await post('saveDiagram', { path: '/tmp/x.strata' }), await post('recentFiles', null)];
  });
  expect(statuses).toEqual([404, 404, 404]);
});

test('another local user reaching 127.0.0.1 gets no session, no token and no API', async ({ browser, baseURL }) => {
  const stranger = await browser.newPage();
  const response = await stranger.goto(`${baseURL}/`);
  expect(response?.status()).toBe(403);
  const html = await stranger.content();
  expect(html).not.toContain(process.env.STRATA_E2E_TOKEN!);
  await expect(stranger.getByText('npm run web')).toBeVisible();
  const api = await stranger.evaluate(() =>
    fetch('api/loadSample', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'null' }).then((r) => r.status),
  );
  expect(api).toBe(403);
  expect((await stranger.context().cookies()).length).toBe(0);
  await stranger.close();
});
