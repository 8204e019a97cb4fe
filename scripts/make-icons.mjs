// Renders assets/icon.svg with Chromium into the icons electron-builder packs: icon.png
// (1024×1024, Linux and the source of the others), icon.ico (Windows) and icon.icns (macOS).
// ICO and ICNS both hold PNG images, so no converter is needed. The outputs are committed;
// run this after editing the SVG: node scripts/make-icons.mjs
import { chromium } from '@playwright/test';
import { Buffer } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from './chromium.mjs';

const ASSETS = join(import.meta.dirname, '..', 'assets');
const ICO_SIZES = [16, 32, 48, 64, 128, 256];
/** ICNS entry types that hold a PNG of the given size. */
const ICNS_TYPES = { icp4: 16, icp5: 32, icp6: 64, ic07: 128, ic08: 256, ic09: 512, ic10: 1024 };

async function renderer(svg) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const render = async (size) => {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    return page.locator('svg').screenshot({ omitBackground: true });
  };
  return { render, close: () => browser.close() };
}

function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

function icns(images) {
  const entries = images.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + entries.reduce((sum, entry) => sum + entry.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}

const { render, close } = await renderer(readFileSync(join(ASSETS, 'icon.svg'), 'utf8'));
try {
  const sizes = [...new Set([...ICO_SIZES, ...Object.values(ICNS_TYPES)])];
  const pngs = new Map();
  for (const size of sizes) pngs.set(size, await render(size));
  writeFileSync(join(ASSETS, 'icon.png'), pngs.get(1024));
  writeFileSync(join(ASSETS, 'icon.ico'), ico(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))));
  writeFileSync(join(ASSETS, 'icon.icns'), icns(Object.entries(ICNS_TYPES).map(([type, size]) => ({ type, png: pngs.get(size) }))));
  console.log(`assets/: icon.png (1024×1024), icon.ico (${ICO_SIZES.join(', ')}), icon.icns (${Object.values(ICNS_TYPES).join(', ')})`);
} finally {
  await close();
}
