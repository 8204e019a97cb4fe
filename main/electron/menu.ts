import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { EVENT_CHANNELS, type MenuCommand } from '../../preload/api';

/** The native menu; items that act on the diagram are sent to the renderer as commands. */
export function installMenu(window: BrowserWindow, recentPaths: readonly string[] = []): void {
  const send = (command: MenuCommand) => () => window.webContents.send(EVENT_CHANNELS.menuCommand, command);
  // The page handles its own shortcuts (so text fields keep theirs); the menu only shows them.
  const item = (label: string, accelerator: string, command: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    registerAccelerator: false,
    click: send(command),
  });
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        item('New', 'CmdOrCtrl+N', 'new'),
        item('Open…', 'CmdOrCtrl+O', 'open'),
        { label: 'Open Recent', submenu: recentItems(window, recentPaths) },
        { type: 'separator' },
        item('Save', 'CmdOrCtrl+S', 'save'),
        item('Save As…', 'CmdOrCtrl+Shift+S', 'save-as'),
        { type: 'separator' },
        { label: 'Import Python Project…', click: send('import-project') },
        { label: 'Compare with Code…', click: send('compare-code') },
        { type: 'separator' },
        item('Export Project…', 'CmdOrCtrl+E', 'export'),
        {
          label: 'Export Picture',
          submenu: [
            { label: 'PNG…', click: send('export-png') },
            { label: 'SVG…', click: send('export-svg') },
            { label: 'Mermaid…', click: send('export-mermaid') },
          ],
        },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        item('Undo', 'CmdOrCtrl+Z', 'undo'),
        item('Redo', 'CmdOrCtrl+Shift+Z', 'redo'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        item('Duplicate', 'CmdOrCtrl+D', 'duplicate'),
        item('Delete', 'Delete', 'delete'),
        item('Select All', 'CmdOrCtrl+A', 'select-all'),
        { type: 'separator' },
        item('Find…', 'CmdOrCtrl+F', 'find'),
        item('Group into Feature…', 'CmdOrCtrl+G', 'group-feature'),
        item('Ungroup', 'CmdOrCtrl+Shift+G', 'ungroup-feature'),
      ],
    },
    {
      label: 'View',
      submenu: [
        item('Zoom to Fit', 'CmdOrCtrl+0', 'zoom-to-fit'),
        item('Auto-layout', 'CmdOrCtrl+Shift+L', 'auto-layout'),
        { type: 'separator' },
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

/** Open Recent: each path goes to the renderer as a file to open, which asks about unsaved changes first. */
function recentItems(window: BrowserWindow, paths: readonly string[]): MenuItemConstructorOptions[] {
  if (paths.length === 0) return [{ label: 'No Recent Files', enabled: false }];
  return paths.map((path) => ({ label: path, click: () => window.webContents.send(EVENT_CHANNELS.openFile, path) }));
}
