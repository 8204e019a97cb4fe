/** Notes, free text, arrow labels and the title: written on the canvas, saved, and opened again. */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { diagramOf, nodeByName, openApp } from './fixtures';

async function writeNote(page: Page, style: 'Sticky note' | 'Text', text: string) {
  await page.getByRole('button', { name: style, exact: true }).click();
  const input = page.getByRole('textbox', { name: 'Note text' });
  await expect(input).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press('Control+Enter');
  await expect(input).toHaveCount(0);
}

test('a title, a sticky note with Markdown, free text and an arrow label are drawn, saved and read back', async ({ page }, testInfo) => {
  await openApp(page);
  await page.getByTestId('diagram-title').click();
  await page.keyboard.type('Checkout flow');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('diagram-title')).toHaveText('Checkout flow');

  await writeNote(page, 'Sticky note', '**Why** a queue:\n- spikes at noon\n- retries, see https://example.org/retry');
  const sticky = page.locator('.note-sticky');
  await expect(sticky.locator('strong')).toHaveText('Why');
  await expect(sticky.locator('li')).toHaveCount(2);
  const link = sticky.getByRole('link', { name: 'https://example.org/retry' });
  await expect(link).toBeVisible();
  // A plain click on a link only selects the note: nothing opens.
  await link.click();
  expect(page.context().pages()).toHaveLength(1);
  await expect(sticky).toHaveClass(/selected/);

  await writeNote(page, 'Text', 'Payments are out of scope');
  await expect(page.locator('.note.note-text', { hasText: 'Payments are out of scope' })).toBeVisible();

  // Notes are not components: the rules see nothing new.
  await expect(page.getByTestId('problems').getByText('No problems')).toBeVisible();

  await page.locator('.react-flow__edge[data-id="e5"]').dblclick({ force: true });
  const label = page.getByRole('textbox', { name: 'Label' });
  await expect(label).toBeFocused();
  await page.keyboard.type('enqueues');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('edge-label')).toHaveText('enqueues');
  await page.screenshot({ path: testInfo.outputPath('notes.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('notes-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const saved = await readFile((await (await download).path())!, 'utf8');
  const file = JSON.parse(saved) as { title: string; notes: { style: string; text: string }[]; edges: { id: string; label?: string }[] };
  expect(file.title).toBe('Checkout flow');
  expect(file.notes.map((note) => note.style)).toEqual(['sticky', 'text']);
  expect(file.edges.find((edge) => edge.id === 'e5')?.label).toBe('enqueues');

  await page.getByRole('button', { name: 'New' }).click();
  await expect(page.locator('.note')).toHaveCount(0);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles({ name: 'meeting.strata', mimeType: 'application/json', buffer: Buffer.from(saved) });
  await expect(page.getByTestId('diagram-title')).toHaveText('Checkout flow');
  await expect(page.locator('.note')).toHaveCount(2);
  await expect(page.getByTestId('edge-label')).toHaveText('enqueues');
});

test('a note is moved by dragging, edited by double-click and deleted with Delete, one undo step each', async ({ page }) => {
  await openApp(page);
  await writeNote(page, 'Sticky note', 'first');
  const note = page.locator('.note-sticky');
  const before = (await note.boundingBox())!;
  await page.mouse.move(before.x + 20, before.y + 20);
  await page.mouse.down();
  await page.mouse.move(before.x + 80, before.y + 60, { steps: 6 });
  await page.mouse.up();
  await expect.poll(async () => Math.round((await note.boundingBox())!.x - before.x)).toBeGreaterThan(40);

  await note.dblclick();
  await expect(page.getByRole('textbox', { name: 'Note text' })).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('second');
  await page.keyboard.press('Escape');
  await expect(note).toHaveText('second');

  await note.click();
  await page.keyboard.press('Delete');
  await expect(page.locator('.note')).toHaveCount(0);
  await expect(page.locator('.react-flow__node.react-flow__node-strata')).toHaveCount(7);
  await page.keyboard.press('Control+Z');
  await expect(note).toHaveText('second');
  await page.keyboard.press('Control+Z');
  await expect(note).toHaveText('first');
});

test('notes go where nodes go: arrow keys nudge them, Ctrl+D duplicates them, copy and paste carry them', async ({ page, context }, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await writeNote(page, 'Sticky note', 'ask about **retries**');
  const note = page.locator('.note-sticky');
  await note.click();
  const start = (await diagramOf(page)).notes![0]!.position;
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(async () => (await diagramOf(page)).notes![0]!.position).toEqual({ x: start.x + 1, y: start.y + 10 });

  await nodeByName(page, 'order_service').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+d');
  await expect(page.locator('.note-sticky')).toHaveCount(2);
  await expect(page.locator('.react-flow__node-strata')).toHaveCount(8);
  await expect(page.locator('.note-sticky').nth(1)).toContainText('retries');
  await page.screenshot({ path: testInfo.outputPath('note-duplicated.png') });
  await page.keyboard.press('Control+Z');
  await expect(page.locator('.note-sticky')).toHaveCount(1);
  await expect(page.locator('.react-flow__node-strata')).toHaveCount(7);

  await note.click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(page.locator('.note-sticky')).toHaveCount(2);
  const notes = (await diagramOf(page)).notes!;
  expect(new Set(notes.map((n) => n.id)).size).toBe(2);
  expect(notes[1]!.text).toBe('ask about **retries**');
});
