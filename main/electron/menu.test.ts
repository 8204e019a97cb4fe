import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { CATALOG, keysText } from '../../domain/commands';
import { EVENT_CHANNELS } from '../../preload/api';
import { acceleratorOf, installMenu } from './menu';

const built = vi.hoisted(() => ({ template: [] as MenuItemConstructorOptions[] }));

vi.mock('electron', () => ({
  app: { isPackaged: true, getVersion: () => '0.0.0' },
  dialog: { showMessageBox: () => Promise.resolve() },
  Menu: {
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => (built.template = template),
    setApplicationMenu: () => undefined,
  },
}));

function submenu(items: MenuItemConstructorOptions[] | undefined, label: string): MenuItemConstructorOptions[] {
  const found = items?.find((item) => item.label === label);
  expect(found, label).toBeDefined();
  return found!.submenu as MenuItemConstructorOptions[];
}

function openRecent(): MenuItemConstructorOptions[] {
  return submenu(submenu(built.template, 'File'), 'Open Recent');
}

describe('the native menu', () => {
  it('File › Export Picture sends the picture commands to the renderer', () => {
    const send = vi.fn();
    installMenu({ webContents: { send } } as unknown as Electron.BrowserWindow);
    const pictures = submenu(submenu(built.template, 'File'), 'Export Picture');
    for (const [label, command] of [
      ['PNG…', 'export-png'],
      ['SVG…', 'export-svg'],
      ['Mermaid…', 'export-mermaid'],
    ]) {
      const item = pictures.find((entry) => entry.label === label);
      (item?.click as () => void)();
      expect(send).toHaveBeenLastCalledWith(EVENT_CHANNELS.menuCommand, command);
    }
  });

  it('File › Open Recent lists the recent files, newest first, and sends the chosen one to the renderer to open', () => {
    const send = vi.fn();
    installMenu({ webContents: { send } } as unknown as Electron.BrowserWindow, ['/work/shop.strata', '/home/a/b.strata']);
    expect(openRecent().map((item) => item.label)).toEqual(['/work/shop.strata', '/home/a/b.strata']);
    (openRecent()[1]!.click as () => void)();
    expect(send).toHaveBeenCalledWith(EVENT_CHANNELS.openFile, '/home/a/b.strata');
  });

  it('lists every command of the catalog, with the keys the page answers to', () => {
    const send = vi.fn();
    installMenu({ webContents: { send } } as unknown as Electron.BrowserWindow);
    const listed = new Map<string, MenuItemConstructorOptions>();
    const walk = (items: MenuItemConstructorOptions[]) => {
      for (const entry of items) {
        if (Array.isArray(entry.submenu)) walk(entry.submenu as MenuItemConstructorOptions[]);
        if (typeof entry.click !== 'function') continue;
        send.mockClear();
        (entry.click as () => void)();
        const [channel, command] = send.mock.calls[0] ?? [];
        if (channel === EVENT_CHANNELS.menuCommand) listed.set(command as string, entry);
      }
    };
    walk(built.template);
    for (const { command } of CATALOG) {
      expect(listed.has(command), command).toBe(true);
      const keys = keysText(command);
      expect(listed.get(command)!.accelerator, command).toBe(keys && acceleratorOf(keys));
    }
    expect(acceleratorOf('Ctrl+Shift+S')).toBe('CmdOrCtrl+Shift+S');
  });

  it('File › Open Recent says so when there are none', () => {
    installMenu({ webContents: { send: vi.fn() } } as unknown as Electron.BrowserWindow, []);
    expect(openRecent()).toEqual([{ label: 'No Recent Files', enabled: false }]);
  });
});
