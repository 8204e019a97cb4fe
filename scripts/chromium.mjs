// Finds a Chromium for the browser tests: $STRATA_CHROMIUM, Debian's /usr/bin/chromium, or Playwright's own.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function findChromium() {
  const candidates = [process.env.STRATA_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', playwrightChromium()];
  return candidates.find((path) => path && existsSync(path));
}

function playwrightChromium() {
  try {
    return require('playwright-core').chromium.executablePath();
  } catch {
    return undefined;
  }
}

export const NO_CHROMIUM_MESSAGE =
  'No Chromium found for the browser tests. Install one (Debian/Ubuntu: sudo apt-get install chromium) ' +
  'or point STRATA_CHROMIUM at a Chrome or Chromium binary.';
