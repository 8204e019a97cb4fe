import { defineConfig } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';

const port = Number(process.env.STRATA_E2E_PORT ?? 5287);
// The web server's secret for this run, as `npm run web` would print it. Set once, in the runner;
// its workers inherit it (e2e/fixtures.ts opens pages through it). Only this user's processes see it.
process.env.STRATA_E2E_TOKEN ??= randomBytes(32).toString('base64url');

/** Browser tests against the web harness; the Electron project runs where a binary exists. */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  // Specs wait on state, never on time; these bounds only stop a hang. They are generous because
  // CI runs on 2 shared cores, where a CPU-heavy job beside the browser slows every step.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    viewport: { width: 1400, height: 860 },
  },
  projects: [
    { name: 'web', testIgnore: /electron\.spec\.ts$/ },
    { name: 'electron', testMatch: /electron\.spec\.ts$/ },
  ],
  webServer: {
    command: 'node --import tsx main/web/start.ts',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: {
      STRATA_PORT: String(port),
      STRATA_USER_DATA: mkdtempSync(join(tmpdir(), 'strata-e2e-')),
      STRATA_WEB_TOKEN: process.env.STRATA_E2E_TOKEN,
    },
  },
});
