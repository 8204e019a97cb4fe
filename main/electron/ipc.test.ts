import type { IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { API_CALLS, callChannel } from '../../preload/api';
import type { Handlers } from '../handlers';
import { registerHandlers } from './ipc';

type Listener = (event: IpcMainInvokeEvent, payload: unknown) => unknown;

const registered = vi.hoisted(() => new Map<string, Listener>());

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, listener: Listener) => registered.set(channel, listener) },
}));

const WINDOW_ID = 7;
const PAGE = 'app://strata/index.html';

function eventFrom(options: { url?: string; senderId?: number; subFrame?: boolean; noFrame?: boolean }): IpcMainInvokeEvent {
  const top = { url: PAGE, parent: null };
  const frame = options.noFrame ? null : { url: options.url ?? PAGE, parent: options.subFrame ? top : null };
  return { senderFrame: frame, sender: { id: options.senderId ?? WINDOW_ID } } as unknown as IpcMainInvokeEvent;
}

describe('registerHandlers', () => {
  const handlers = Object.fromEntries(API_CALLS.map((call) => [call, vi.fn(async () => `${call} done`)])) as unknown as Handlers;
  const window = { webContents: { id: WINDOW_ID } } as unknown as Electron.BrowserWindow;

  beforeEach(() => {
    registered.clear();
    vi.clearAllMocks();
    registerHandlers(handlers, window);
  });

  it('registers exactly one handler per call of the contract', () => {
    expect([...registered.keys()].sort()).toEqual(API_CALLS.map(callChannel).sort());
  });

  it('passes our page’s payload to the handler', async () => {
    const payload = { path: '/home/ana/shop.strata' };
    await expect(registered.get(callChannel('openDiagram'))!(eventFrom({}), payload)).resolves.toBe('openDiagram done');
    expect(handlers.openDiagram).toHaveBeenCalledWith(payload);
  });

  const forgeries: [string, Parameters<typeof eventFrom>[0]][] = [
    ['a frame showing someone else’s page', { url: 'https://evil.example/index.html' }],
    ['a local file that is not our page', { url: 'file:///tmp/evil.html' }],
    ['another webContents', { senderId: WINDOW_ID + 1 }],
    ['a sub-frame of our page', { subFrame: true }],
    ['a frame that is gone', { noFrame: true }],
  ];

  for (const [name, forged] of forgeries) {
    it(`refuses ${name} before any handler runs`, () => {
      for (const call of API_CALLS) {
        expect(() => registered.get(callChannel(call))!(eventFrom(forged), { path: '/etc/passwd' })).toThrow(/untrusted sender/);
      }
      for (const call of API_CALLS) expect(handlers[call]).not.toHaveBeenCalled();
    });
  }
});
