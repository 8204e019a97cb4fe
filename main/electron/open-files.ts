import { app, type BrowserWindow } from 'electron';
import { resolve } from 'node:path';
import { EVENT_CHANNELS } from '../../preload/api';
import type { PathGrants } from '../grants';

/** `.strata` paths among command-line arguments, made absolute against the launch folder. */
export function diagramPaths(argv: readonly string[], cwd: string): string[] {
  return argv.filter((arg) => arg.endsWith('.strata') && !arg.startsWith('-')).map((arg) => resolve(cwd, arg));
}

/**
 * Files to open from the command line, a file association (macOS `open-file`) or a second
 * launch, which hands its files to this running instance and quits.
 */
export function forwardOpenedFiles(window: BrowserWindow, grants: PathGrants): void {
  // Each of these paths came from the user (a command line, a file manager): a grant to open it.
  const send = (path: string) => window.webContents.send(EVENT_CHANNELS.openFile, grants.grant(path, 'open'));
  const pending = diagramPaths(process.argv.slice(1), process.cwd());
  window.webContents.once('did-finish-load', () => pending.splice(0).forEach(send));
  app.on('second-instance', (_event, argv, cwd) => {
    diagramPaths(argv.slice(1), cwd).forEach(send);
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (window.webContents.isLoading()) pending.push(path);
    else send(path);
  });
}
