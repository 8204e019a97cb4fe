import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS } from '../../preload/api';
import { installMenu } from './menu';

const built = vi.hoisted(() => ({ template: [] as MenuItemConstructorOptions[] }));

vi.mock('electron', () => ({
  app: { isPackaged: true, getVersion: () => '0.0.0' },
  dialog: {},
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

  it('File › Open Recent says so when there are none', () => {
    installMenu({ webContents: { send: vi.fn() } } as unknown as Electron.BrowserWindow, []);
    expect(openRecent()).toEqual([{ label: 'No Recent Files', enabled: false }]);
  });
});
