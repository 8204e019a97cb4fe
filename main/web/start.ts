/** `npm run web`: the renderer and the main handlers on http://127.0.0.1, for any browser. */
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHandlers } from '../handlers';
import { RecentFiles } from '../recent';
import { RecoveryStore } from '../recovery';
import { startWebServer } from './server';

async function main(): Promise<void> {
  const port = Number(process.env.STRATA_PORT ?? 5199);
  const userData = process.env.STRATA_USER_DATA ?? join(homedir(), '.config', 'strata-web');
  await mkdir(userData, { recursive: true });
  const handlers = createHandlers({
    // The browser picks and downloads files itself; the server never shows a dialog.
    askOpenPath: async () => undefined,
    askSavePath: async () => undefined,
    setDocumentState: () => undefined,
    showInFolder: () => undefined,
    sendExportProgress: () => undefined,
    recent: new RecentFiles(userData),
    recovery: new RecoveryStore(userData),
  });
  const server = await startWebServer({ handlers, rendererFolder: resolve('out/renderer'), port });
  console.log(`Strata is running at ${server.url}/ (Ctrl+C to stop)`);
}

main().catch((error: unknown) => {
  console.error(`strata web: ${(error as Error).message}`);
  process.exit(1);
});
