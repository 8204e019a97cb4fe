import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { hardenSession, hardenWebContents, openExternal } from './security';

const electron = vi.hoisted(() => ({
  openExternal: vi.fn(async () => undefined),
  setPermissionRequestHandler: vi.fn(),
  setPermissionCheckHandler: vi.fn(),
}));

vi.mock('electron', () => ({
  shell: { openExternal: electron.openExternal },
  session: {
    defaultSession: {
      setPermissionRequestHandler: electron.setPermissionRequestHandler,
      setPermissionCheckHandler: electron.setPermissionCheckHandler,
    },
  },
}));

beforeEach(() => vi.clearAllMocks());

describe('openExternal', () => {
  it.each(['https://docs.python.org/3/', 'mailto:team@example.com'])('opens %s in the system’s app', (url) => {
    openExternal(url);
    expect(electron.openExternal).toHaveBeenCalledWith(url);
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'http://example.com/',
    'smb://attacker.example/share',
    'ms-msdt:/id PCWDiagnostic',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    openExternal(url);
    expect(electron.openExternal).not.toHaveBeenCalled();
  });
});

/** A stand-in webContents that records its listeners so a test can fire them. */
function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault: () => void }) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, listener: (event: { preventDefault: () => void }) => void) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
  };
  const fire = (name: string) => {
    const event = { preventDefault: vi.fn() };
    listeners.get(name)?.(event);
    return event.preventDefault;
  };
  return { contents: contents as unknown as WebContents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('hardenWebContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (name) => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents);
    expect(fire(name)).toHaveBeenCalled();
  });

  it('denies every new window, handing only safe links to the system', () => {
    const { contents, open } = fakeContents();
    hardenWebContents(contents);
    expect(open('https://docs.python.org/3/')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('about:blank')).toEqual({ action: 'deny' });
    expect(electron.openExternal.mock.calls).toEqual([['https://docs.python.org/3/']]);
  });
});

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    hardenSession();
    const [request] = electron.setPermissionRequestHandler.mock.calls[0] as unknown as [
      (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
    ];
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const [check] = electron.setPermissionCheckHandler.mock.calls[0] as unknown as [() => boolean];
    expect(check()).toBe(false);
  });
});
