/**
 * Pictures through the UI: the toolbar's "Picture…" dialog downloads PNG, SVG and Mermaid in
 * the web app; each file is then read back and checked.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { diagramOf, openApp } from './fixtures';

const PADDING = 32;

/** The nodes' bounds in canvas units: diagram positions plus rendered (unzoomed) sizes. */
async function nodeBounds(page: Page): Promise<{ width: number; height: number }> {
  const diagram = await diagramOf(page);
  const sizes = await page.locator('.react-flow__node').evaluateAll((elements) =>
    elements.map((element) => ({ id: element.getAttribute('data-id')!, width: (element as HTMLElement).offsetWidth, height: (element as HTMLElement).offsetHeight })),
  );
  const boxes = diagram.nodes.map((node) => ({ ...node.position, ...sizes.find((size) => size.id === node.id)! }));
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  return {
    width: Math.max(...boxes.map((b) => b.x + b.width)) - left,
    height: Math.max(...boxes.map((b) => b.y + b.height)) - top,
  };
}

/** Chooses the options in the dialog, exports, and returns the downloaded file's bytes. */
async function exportThroughDialog(page: Page, choices: string[]): Promise<{ name: string; bytes: Buffer }> {
  await page.getByRole('button', { name: 'Picture…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export picture' });
  for (const choice of choices) await dialog.getByLabel(choice, { exact: true }).check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const download = await downloading;
  await expect(dialog).toBeHidden();
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

/** Width, height, colour type and the first pixel of a PNG (which no row filter changes). */
function readPng(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const rows = inflateSync(Buffer.concat(chunks));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png[25], firstPixel: [...rows.subarray(1, 4)] };
}

test('exports the sample as PNG at 2× on dark, SVG on light, and Mermaid', async ({ page }, testInfo) => {
  await openApp(page);
  const diagram = await diagramOf(page);
  const bounds = await nodeBounds(page);
  const frame = { width: bounds.width + 2 * PADDING, height: bounds.height + 2 * PADDING };

  const png = await exportThroughDialog(page, ['PNG', '2×', 'Dark']);
  expect(png.name).toBe('shop.png');
  await testInfo.attach('picture-2x-dark', { body: png.bytes, contentType: 'image/png' });
  writeFileSync(testInfo.outputPath('picture-2x-dark.png'), png.bytes);
  const image = readPng(png.bytes);
  expect(Math.abs(image.width - 2 * frame.width)).toBeLessThanOrEqual(4);
  expect(Math.abs(image.height - 2 * frame.height)).toBeLessThanOrEqual(4);
  expect([2, 6]).toContain(image.colourType); // RGB or RGBA, 8 bits
  expect(Math.max(...image.firstPixel)).toBeLessThan(60); // the dark canvas, #181b20

  const svg = await exportThroughDialog(page, ['SVG', '1×', 'Light']);
  expect(svg.name).toBe('shop.svg');
  writeFileSync(testInfo.outputPath('picture-1x-light.svg'), svg.bytes);
  const svgText = svg.bytes.toString('utf8');
  const parsed = await page.evaluate((text) => {
    const document = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = document.documentElement;
    return {
      error: document.querySelector('parsererror')?.textContent ?? null,
      root: root.localName,
      width: Number(root.getAttribute('width')),
      background: root.querySelector(':scope > rect')?.getAttribute('fill'),
    };
  }, svgText);
  expect(parsed).toMatchObject({ error: null, root: 'svg', background: '#fbfbfc' }); // the light canvas
  expect(Math.abs(parsed.width - frame.width)).toBeLessThanOrEqual(2);
  for (const node of diagram.nodes) expect(svgText).toContain(`>${node.name}<`);

  const mermaid = await exportThroughDialog(page, ['Mermaid']);
  expect(mermaid.name).toBe('shop.mmd');
  const text = mermaid.bytes.toString('utf8');
  expect(text.startsWith('flowchart TB\n')).toBe(true);
  for (const node of diagram.nodes) expect(text).toContain(`n_${node.id}`);
  for (const node of diagram.nodes) expect(text).toContain(`"${node.name}<br/>${node.kind}"`);
  for (const edge of diagram.edges) expect(text).toContain(`n_${edge.source} --> n_${edge.target}\n`);
});

test('the dialog greys out scale and background for Mermaid', async ({ page }, testInfo) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Picture…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export picture' });
  await expect(dialog.getByLabel('2×', { exact: true })).toBeChecked();
  await dialog.getByLabel('Dark', { exact: true }).check();
  await page.screenshot({ path: testInfo.outputPath('picture-dialog.png') });
  await dialog.getByLabel('Mermaid', { exact: true }).check();
  await expect(dialog.getByLabel('4×', { exact: true })).toBeDisabled();
  await expect(dialog.getByLabel('Light', { exact: true })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('a picture taken at an overview zoom is drawn in full detail: every edge, icon and kind line', async ({ page }) => {
  await openApp(page);
  const diagram = await diagramOf(page);
  const canvas = page.getByTestId('canvas');
  while (!(await canvas.getAttribute('class'))!.includes('zoom-overview')) {
    await page.getByRole('button', { name: 'Zoom Out' }).click();
  }
  const svg = (await exportThroughDialog(page, ['SVG', '1×', 'Light'])).bytes.toString('utf8');
  expect(svg.match(/class="react-flow__edge-path"/g)).toHaveLength(diagram.edges.length);
  expect(svg).not.toContain('overview-edges');
  // html-to-image writes each element's computed style inline: kind lines and icons must show
  // (handles are left out of every picture, by design).
  const hidden = await page.evaluate((text) => {
    const picture = new DOMParser().parseFromString(text, 'image/svg+xml');
    const parts = [...picture.querySelectorAll('.node-kind, .node-icon svg')];
    return { parts: parts.length, hidden: parts.filter((part) => /display: none|visibility: hidden/.test(part.getAttribute('style') ?? '')).length };
  }, svg);
  expect(hidden).toEqual({ parts: 2 * diagram.nodes.length, hidden: 0 });
  // Back on screen, the overview is drawn again.
  await expect(page.locator('.overview-edges')).toHaveCount(1);
});
