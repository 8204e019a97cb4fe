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

function openRecent(): MenuItemConstructorOptions[] {
  const file = built.template.find((item) => item.label === 'File')?.submenu as MenuItemConstructorOptions[];
  return file.find((item) => item.label === 'Open Recent')?.submenu as MenuItemConstructorOptions[];
}

describe('File › Open Recent', () => {
  it('lists the recent files, newest first, and sends the chosen one to the renderer to open', () => {
    const send = vi.fn();
    installMenu({ webContents: { send } } as unknown as Electron.BrowserWindow, ['/work/shop.strata', '/home/a/b.strata']);
    expect(openRecent().map((item) => item.label)).toEqual(['/work/shop.strata', '/home/a/b.strata']);
    (openRecent()[1]!.click as () => void)();
    expect(send).toHaveBeenCalledWith(EVENT_CHANNELS.openFile, '/home/a/b.strata');
  });

  it('says so when there are none', () => {
    installMenu({ webContents: { send: vi.fn() } } as unknown as Electron.BrowserWindow, []);
    expect(openRecent()).toEqual([{ label: 'No Recent Files', enabled: false }]);
  });
});
