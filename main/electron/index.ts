/** The Electron main process: one window, the native menu, and the contract's handlers. */
import { app, dialog } from 'electron';
import { join } from 'node:path';
import { createHandlers } from '../handlers';
import { RecentFiles } from '../recent';
import { registerHandlers } from './ipc';
import { installMenu } from './menu';
import { hardenSession, hardenWebContents } from './security';
import { createMainWindow } from './window';

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  const window = createMainWindow();
  const handlers = createHandlers({
    askOpenPath: async () => {
      const result = await dialog.showOpenDialog(window, {
        properties: ['openFile'],
        filters: [{ name: 'Strata diagrams', extensions: ['strata'] }],
      });
      return result.canceled ? undefined : result.filePaths[0];
    },
    askSavePath: async (suggestedName) => {
      const result = await dialog.showSaveDialog(window, {
        defaultPath: suggestedName,
        filters: [{ name: 'Strata diagrams', extensions: ['strata'] }],
      });
      return result.canceled ? undefined : result.filePath;
    },
    recent: new RecentFiles(app.getPath('userData')),
  });
  registerHandlers(handlers, window);
  installMenu(window);
  await window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

start().catch((error: unknown) => {
  dialog.showErrorBox('Strata could not start', (error as Error).message);
  app.exit(1);
});
