import { beforeEach, describe, expect, it, vi } from 'vitest';
import { API_CALLS, callChannel, DROP_CHANNEL, EVENT_CHANNELS } from './api';

const exposed: Record<string, Record<string, (...args: unknown[]) => unknown>> = {};
const invoke = vi.fn(async (channel: string, payload?: unknown) => ({ channel, payload }));
const on = vi.fn();
const removeListener = vi.fn();
const send = vi.fn();
const listeners = vi.hoisted(() => new Map<string, (event: unknown) => void>());

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: Record<string, () => unknown>) => (exposed[key] = api) },
  ipcRenderer: { invoke, on, removeListener, send },
  webUtils: { getPathForFile: (file: { path?: string }) => file.path ?? '' },
}));

vi.stubGlobal('window', { addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener) });

describe('preload bridge', () => {
  beforeEach(async () => {
    await import('./index');
  });

  it('exposes exactly the contract, under window.api', () => {
    expect(Object.keys(exposed)).toEqual(['api']);
    expect(Object.keys(exposed.api!).sort()).toEqual(
      [...API_CALLS, 'onMenuCommand', 'onOpenFile', 'onExportProgress', 'pathOfDroppedFile'].sort(),
    );
  });

  it('sends each call on its own channel with its payload', async () => {
    for (const call of API_CALLS) {
      await exposed.api![call]!({ probe: call });
      expect(invoke).toHaveBeenLastCalledWith(callChannel(call), { probe: call });
    }
  });

  it('subscribes to menu commands and can stop', () => {
    const received: unknown[] = [];
    const stop = exposed.api!.onMenuCommand!((command: unknown) => received.push(command)) as () => void;
    expect(on).toHaveBeenCalledWith(EVENT_CHANNELS.menuCommand, expect.any(Function));
    const handler = on.mock.calls[0]![1] as (event: unknown, value: unknown) => void;
    handler({}, 'save');
    expect(received).toEqual(['save']);
    stop();
    expect(removeListener).toHaveBeenCalledWith(EVENT_CHANNELS.menuCommand, handler);
  });

  it('tells main the paths of files really dropped from disk, and of nothing else', () => {
    const drop = listeners.get('drop')!;
    const files = (...paths: (string | undefined)[]) => ({ files: paths.map((path) => ({ path })) });
    drop({ isTrusted: false, dataTransfer: files('/forged.strata') });
    drop({ isTrusted: true, dataTransfer: files(undefined) });
    expect(send).not.toHaveBeenCalled();
    drop({ isTrusted: true, dataTransfer: files('/home/a/shop.strata', undefined) });
    expect(send).toHaveBeenCalledWith(DROP_CHANNEL, ['/home/a/shop.strata']);
  });

  it('gives the page a dropped file’s path, or null for a file not on disk', () => {
    expect(exposed.api!.pathOfDroppedFile!({ path: '/home/a/shop.strata' })).toBe('/home/a/shop.strata');
    expect(exposed.api!.pathOfDroppedFile!({ name: 'made-up.strata' })).toBeNull();
  });
});
