import { BrowserWindow } from 'electron';
import { join } from 'node:path';

/** The one window, with Electron's security checklist written out rather than left to defaults. */
export function createMainWindow(): BrowserWindow {
  return new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 800,
    minHeight: 500,
    title: 'Strata',
    show: true,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // A middle-click on a link would otherwise ask for a new window.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
}
