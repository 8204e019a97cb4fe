import { beforeEach, describe, expect, it, vi } from 'vitest';
import { API_CALLS, callChannel, EVENT_CHANNELS } from './api';

const exposed: Record<string, Record<string, (...args: unknown[]) => unknown>> = {};
const invoke = vi.fn(async (channel: string, payload?: unknown) => ({ channel, payload }));
const on = vi.fn();
const removeListener = vi.fn();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: Record<string, () => unknown>) => (exposed[key] = api) },
  ipcRenderer: { invoke, on, removeListener },
}));

describe('preload bridge', () => {
  beforeEach(async () => {
    await import('./index');
  });

  it('exposes exactly the contract, under window.api', () => {
    expect(Object.keys(exposed)).toEqual(['api']);
    expect(Object.keys(exposed.api!).sort()).toEqual([...API_CALLS, 'onMenuCommand', 'onOpenFile', 'onExportProgress'].sort());
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
});
