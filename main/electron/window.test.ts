import { describe, expect, it, vi } from 'vitest';
import { createMainWindow } from './window';

const constructed = vi.hoisted(() => [] as Electron.BrowserWindowConstructorOptions[]);

vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(options: Electron.BrowserWindowConstructorOptions) {
      constructed.push(options);
    }
  },
}));

describe('createMainWindow', () => {
  it('writes out Electron’s secure webPreferences rather than trusting defaults', () => {
    createMainWindow();
    const preferences = constructed[0]?.webPreferences;
    expect(preferences).toMatchObject({
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
      disableBlinkFeatures: 'Auxclick',
    });
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
    expect(preferences?.preload).toMatch(/preload[\\/]index\.cjs$/);
  });
});
