import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { CATALOG, keysText, labelOf, type CatalogEntry, type Command } from '../../domain/commands';
import { EVENT_CHANNELS, type MenuCommand } from '../../preload/api';

/**
 * The native menu. Every command of the catalog (domain/commands.ts) is listed, under the name
 * and keys the page's shortcuts, context menus and "?" list use; items are sent to the renderer
 * as commands. Cut, copy and paste stay native roles, which raise the page's clipboard events.
 */
export function installMenu(window: BrowserWindow, recentPaths: readonly string[] = []): void {
  const send = (command: MenuCommand) => () => window.webContents.send(EVENT_CHANNELS.menuCommand, command);
  // The page handles its own shortcuts (so text fields keep theirs); the menu only shows them.
  const item = (command: Command, label = labelOf(command)): MenuItemConstructorOptions => {
    const keys = keysText(command);
    return { label, ...(keys && { accelerator: acceleratorOf(keys) }), registerAccelerator: false, click: send(command) };
  };
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        item('new'),
        item('open'),
        { label: 'Open Recent', submenu: recentItems(window, recentPaths) },
        separator,
        item('save'),
        item('save-as'),
        separator,
        { label: 'Import Python Project…', click: send('import-project') },
        { label: 'Compare with Code…', click: send('compare-code') },
        separator,
        item('export', 'Export Project…'),
        {
          label: 'Export Picture',
          submenu: [
            { label: 'PNG…', click: send('export-png') },
            { label: 'SVG…', click: send('export-svg') },
            { label: 'Mermaid…', click: send('export-mermaid') },
          ],
        },
        separator,
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [item('undo'), item('redo'), separator, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, ...group('Edit', ['undo', 'redo']).map((command) => item(command))],
    },
    { label: 'Canvas', submenu: group('Canvas').map((command) => item(command)) },
    { label: 'Arrange', submenu: group('Arrange').map((command) => item(command)) },
    {
      label: 'View',
      submenu: [
        ...group('View').map((command) => item(command)),
        separator,
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    {
      label: 'Help',
      submenu: [
        {
          label: 'About Strata',
          click: () =>
            void dialog.showMessageBox(window, {
              message: `Strata ${app.getVersion()}`,
              detail: 'Draw a Python service, check its layering, export a project that runs.',
            }),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** The catalog's commands of one group, in the catalog's order, less those placed by hand. */
function group(name: CatalogEntry['group'], except: readonly Command[] = []): Command[] {
  return CATALOG.filter((entry) => entry.group === name && !except.includes(entry.command)).map((entry) => entry.command);
}

/** `Ctrl+Shift+S` as Electron writes it: Command on a Mac, Control elsewhere. */
export function acceleratorOf(keys: string): string {
  return keys.replace(/^Ctrl\+/, 'CmdOrCtrl+');
}

/** Open Recent: each path goes to the renderer as a file to open, which asks about unsaved changes first. */
function recentItems(window: BrowserWindow, paths: readonly string[]): MenuItemConstructorOptions[] {
  if (paths.length === 0) return [{ label: 'No Recent Files', enabled: false }];
  return paths.map((path) => ({ label: path, click: () => window.webContents.send(EVENT_CHANNELS.openFile, path) }));
}
