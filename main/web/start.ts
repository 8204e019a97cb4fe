/**
 * `npm run web`: the renderer and the main handlers on http://127.0.0.1, for any browser. Like
 * Jupyter it prints the address to open, which carries a fresh secret (or `STRATA_WEB_TOKEN`).
 */
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHandlers } from '../handlers';
import { browserHost } from './host';
import { startWebServer } from './server';

async function main(): Promise<void> {
  const port = Number(process.env.STRATA_PORT ?? 5199);
  const userData = process.env.STRATA_USER_DATA ?? join(homedir(), '.config', 'strata-web');
  await mkdir(userData, { recursive: true, mode: 0o700 });
  const server = await startWebServer({
    handlers: createHandlers(browserHost(userData)),
    rendererFolder: resolve('out/renderer'),
    port,
    ...(process.env.STRATA_WEB_TOKEN && { token: process.env.STRATA_WEB_TOKEN }),
  });
  console.log(`Strata is running. Open this address in your browser (Ctrl+C to stop):\n\n    ${server.entryUrl}\n`);
}

main().catch((error: unknown) => {
  console.error(`strata web: ${(error as Error).message}`);
  process.exit(1);
});
