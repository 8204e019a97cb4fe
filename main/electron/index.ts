/** The Electron main process: one window, the native menu, and the contract's handlers. */
import { app, dialog, shell } from 'electron';
import { realpath } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { EVENT_CHANNELS } from '../../preload/api';
import { useBuiltArchiveWorker } from '../export/archive-thread';
import { useBuiltParseWorker } from '../import/parse-worker-file';
import { removeStaleTempFiles } from '../files';
import { PathGrants } from '../grants';
import { createHandlers, type SaveKind } from '../handlers';
import { RecentFiles } from '../recent';
import { RecoveryStore } from '../recovery';
import { DocumentState } from './document';
import { APP_PAGE, registerAppScheme, serveRenderer } from './app-protocol';
import { acceptDrops, registerHandlers } from './ipc';
import { installMenu } from './menu';
import { forwardOpenedFiles } from './open-files';
import { hardenSession, hardenWebContents } from './security';
import { createMainWindow } from './window';

const FILTERS: Record<SaveKind, Electron.FileFilter> = {
  diagram: { name: 'Strata diagrams', extensions: ['strata'] },
  zip: { name: 'Zip archives', extensions: ['zip'] },
  png: { name: 'PNG images', extensions: ['png'] },
  svg: { name: 'SVG images', extensions: ['svg'] },
  mermaid: { name: 'Mermaid diagrams', extensions: ['mmd'] },
};

async function start(): Promise<void> {
  await app.whenReady();
  // electron.config.ts builds the export worker beside this bundle.
  useBuiltArchiveWorker(join(import.meta.dirname, 'archive-worker.js'));
  useBuiltParseWorker(join(import.meta.dirname, 'parse-worker.js'));
  hardenSession();
  serveRenderer(join(import.meta.dirname, '../renderer'));
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  const window = createMainWindow();
  const userData = app.getPath('userData');
  const recovery = new RecoveryStore(userData);
  /** The recovery slots this window wrote: "Don't Save" on close discards exactly those. */
  const slots = new Set<string>();
  const document = new DocumentState(window, async () => {
    await Promise.all([...slots].map((slot) => recovery.clear(slot)));
  });
  const recent = new RecentFiles(userData);
  const grants = new PathGrants();
  await cleanInterruptedSaves(userData, recent);
  const handlers = createHandlers({
    askOpenPath: async () => {
      const result = await dialog.showOpenDialog(window, { properties: ['openFile'], filters: [FILTERS.diagram] });
      return result.canceled ? undefined : result.filePaths[0];
    },
    askFolderPath: async (purpose) => {
      const title = purpose === 'import' ? 'Import a Python project' : 'Compare the diagram with a Python project';
      const result = await dialog.showOpenDialog(window, { title, properties: ['openDirectory'] });
      return result.canceled ? undefined : result.filePaths[0];
    },
    askSavePath: async (suggestedName, kind) => {
      const result = await dialog.showSaveDialog(window, { defaultPath: suggestedName, filters: [FILTERS[kind]] });
      return result.canceled ? undefined : result.filePath;
    },
    setDocumentState: (title, dirty) => document.update(title, dirty),
    savedBeforeClose: (saved) => document.savedBeforeClose(saved),
    showInFolder: (path) => shell.showItemInFolder(path),
    sendExportProgress: (progress) => window.webContents.send(EVENT_CHANNELS.exportProgress, progress),
    recent,
    recovery,
    grants,
  });
  // Opening and saving change the recent files, which the native menu lists.
  const rebuildMenu = async () => installMenu(window, await recent.list());
  registerHandlers(
    {
      ...handlers,
      openDiagram: (payload) => handlers.openDiagram(payload).finally(rebuildMenu),
      saveDiagram: (payload) => handlers.saveDiagram(payload).finally(rebuildMenu),
      writeRecovery: async (payload) => {
        await handlers.writeRecovery(payload);
        slots.add((payload as { slot: string }).slot);
      },
    },
    window,
  );
  acceptDrops(window, grants);
  await rebuildMenu();
  forwardOpenedFiles(window, grants);
  await window.loadURL(APP_PAGE);
}

/** Temporary files a crash left beside recently saved diagrams, and in the user-data folder. */
async function cleanInterruptedSaves(userData: string, recent: RecentFiles): Promise<void> {
  const real = await Promise.all((await recent.list()).map((path) => realpath(path).catch(() => path)));
  const folders = new Set([userData, join(userData, 'recovery'), ...real.map((path) => dirname(path))]);
  await Promise.all([...folders].map((folder) => removeStaleTempFiles(folder)));
}

// Every renderer sandboxed, including any a future change creates without saying so.
app.enableSandbox();
// The renderer's own origin, app://strata; only possible before the app is ready.
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Another Strata is running; it receives our files through 'second-instance'.
  app.quit();
} else {
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start().catch((error: unknown) => {
    dialog.showErrorBox('Strata could not start', (error as Error).message);
    app.exit(1);
  });
}
