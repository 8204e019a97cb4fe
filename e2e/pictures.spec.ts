/**
 * Pictures through the UI: the toolbar's "Picture…" dialog downloads PNG, SVG and Mermaid in
 * the web app; each file is then read back and checked. The SVG is real SVG: Chromium and resvg
 * (a renderer that is no browser) draw it alike, and the PNG draws the same picture.
 */
import { expect, test, type Page } from '@playwright/test';
import { Resvg } from '@resvg/resvg-js';
import { readFileSync, writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { readDrawn } from './drawn';
import { diagramOf, openApp } from './fixtures';

/** Pixels whose colour differs by more than this in some channel count as different. */
const CHANNEL_TOLERANCE = 64;

/** RGBA pixels of an image (SVG or PNG bytes) as Chromium draws it at the given size. */
async function chromiumPixels(page: Page, bytes: Buffer, type: string, width: number, height: number): Promise<Buffer> {
  const pixels = await page.evaluate(
    async ({ base64, type, width, height }) => {
      const image = new Image();
      image.src = `data:${type};base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [width, height];
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0, width, height);
      // Handed back as base64 text: a plain array of millions of numbers is slow to pass over.
      const data = context.getImageData(0, 0, width, height).data;
      let text = '';
      for (let i = 0; i < data.length; i += 0x8000) text += String.fromCharCode(...data.subarray(i, i + 0x8000));
      return btoa(text);
    },
    { base64: bytes.toString('base64'), type, width, height },
  );
  return Buffer.from(pixels, 'base64');
}

/** The share of pixels that differ visibly between two RGBA images of one size. */
function differingShare(a: Buffer, b: Buffer): number {
  expect(a.length).toBe(b.length);
  let differing = 0;
  for (let i = 0; i < a.length; i += 4) {
    const far = [0, 1, 2, 3].some((channel) => Math.abs(a[i + channel] - b[i + channel]) > CHANNEL_TOLERANCE);
    if (far) differing++;
  }
  return differing / (a.length / 4);
}

function resvgPixels(svg: Buffer, width: number): { pixels: Buffer; width: number; height: number; png: Buffer } {
  const rendered = new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: true } }).render();
  return { pixels: Buffer.from(rendered.pixels), width: rendered.width, height: rendered.height, png: rendered.asPng() };
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

  const svg = await exportThroughDialog(page, ['SVG', '1×', 'Light']);
  expect(svg.name).toBe('shop.svg');
  writeFileSync(testInfo.outputPath('picture-1x-light.svg'), svg.bytes);
  const svgText = svg.bytes.toString('utf8');
  expect(svg.bytes.length).toBeLessThan(100_000);
  expect(svgText).not.toMatch(/foreignObject|<div|<span|xhtml/);
  const parsed = await page.evaluate((text) => {
    const document = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = document.documentElement;
    return {
      error: document.querySelector('parsererror')?.textContent ?? null,
      root: root.localName,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      background: root.querySelector(':scope > rect')?.getAttribute('fill'),
      edges: [...root.querySelectorAll('path.edge')].map((path) => ({ id: path.getAttribute('data-id'), d: path.getAttribute('d') })),
      texts: [...root.querySelectorAll('text')].map((text) => text.textContent),
    };
  }, svgText);
  expect(parsed).toMatchObject({ error: null, root: 'svg', background: '#fbfbfc' }); // the light canvas
  for (const node of diagram.nodes) expect(parsed.texts).toContain(node.name);
  expect(parsed.texts).toContain('shop'); // the project's name
  for (const layer of ['interface', 'application', 'data', 'domain', 'infrastructure']) expect(parsed.texts).toContain(layer);
  // The same routes as the canvas draws, edge for edge.
  const drawn = await readDrawn(page, { nodes: diagram.nodes.length, edges: diagram.edges.length });
  const onCanvas = await page.locator('.react-flow__edge').evaluateAll((edges) => edges.map((edge) => ({ id: edge.getAttribute('data-id'), d: edge.querySelector('.react-flow__edge-path')!.getAttribute('d') })));
  expect(parsed.edges.sort((a, b) => a.id!.localeCompare(b.id!))).toEqual(onCanvas.sort((a, b) => a.id!.localeCompare(b.id!)));
  expect(drawn.edges).toHaveLength(diagram.edges.length);

  // Drawn by resvg and by Chromium: the same picture.
  const byResvg = resvgPixels(svg.bytes, parsed.width);
  writeFileSync(testInfo.outputPath('picture-1x-light.resvg.png'), byResvg.png);
  expect([byResvg.width, byResvg.height]).toEqual([parsed.width, parsed.height]);
  const byChromium = await chromiumPixels(page, svg.bytes, 'image/svg+xml', byResvg.width, byResvg.height);
  expect(differingShare(byResvg.pixels, byChromium)).toBeLessThan(0.02);

  // The PNG at 1× on the same background is that picture too.
  const flat = await exportThroughDialog(page, ['PNG', '1×', 'Light']);
  writeFileSync(testInfo.outputPath('picture-1x-light.png'), flat.bytes);
  const flatImage = readPng(flat.bytes);
  expect([flatImage.width, flatImage.height]).toEqual([parsed.width, parsed.height]);
  expect(differingShare(byResvg.pixels, await chromiumPixels(page, flat.bytes, 'image/png', flatImage.width, flatImage.height))).toBeLessThan(0.02);

  const png = await exportThroughDialog(page, ['PNG', '2×', 'Dark']);
  expect(png.name).toBe('shop.png');
  await testInfo.attach('picture-2x-dark', { body: png.bytes, contentType: 'image/png' });
  writeFileSync(testInfo.outputPath('picture-2x-dark.png'), png.bytes);
  const image = readPng(png.bytes);
  expect([image.width, image.height]).toEqual([2 * parsed.width, 2 * parsed.height]);
  expect([2, 6]).toContain(image.colourType); // RGB or RGBA, 8 bits
  expect(Math.max(...image.firstPixel)).toBeLessThan(60); // the dark canvas, #181b20

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

test('a picture taken at an overview zoom holds every node and arrow in full detail', async ({ page }) => {
  await openApp(page);
  const diagram = await diagramOf(page);
  const canvas = page.getByTestId('canvas');
  while (!(await canvas.getAttribute('class'))!.includes('zoom-overview')) {
    await page.getByRole('button', { name: 'Zoom Out' }).click();
  }
  const svg = (await exportThroughDialog(page, ['SVG', '1×', 'Light'])).bytes.toString('utf8');
  expect(svg.match(/<path class="edge"/g)).toHaveLength(diagram.edges.length);
  expect(svg.match(/<g class="node"/g)).toHaveLength(diagram.nodes.length);
  // Every node keeps its icon and its kind line, whatever the zoom on screen.
  for (const node of diagram.nodes) expect(svg).toContain(`data-id="${node.id}"`);
  expect(svg.match(/<svg width="24" height="24" viewBox="0 0 24 24"/g)).toHaveLength(diagram.nodes.length);
  // Back on screen, the overview is drawn again.
  await expect(page.locator('.overview-edges')).toHaveCount(1);
});
