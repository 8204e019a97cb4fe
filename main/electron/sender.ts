/**
 * IPC sender check, kept free of Electron so it can be tested in plain Node: only our own
 * window's top frame, showing our bundled page at app://strata/index.html, may call the handlers.
 */
const APP_SCHEME = 'app';
const APP_HOST = 'strata';

export interface Sender {
  /** The URL of the frame that sent the message; absent once the frame is gone. */
  readonly frameUrl: string | undefined;
  /** Whether that frame is its page's top frame (a sub-frame could show anything). */
  readonly isMainFrame: boolean;
  /** The id of the webContents that sent the message. */
  readonly senderId: number;
}

export function isTrustedSender(sender: Sender, windowId: number): boolean {
  if (sender.senderId !== windowId || !sender.isMainFrame || !sender.frameUrl) return false;
  let url: URL;
  try {
    url = new URL(sender.frameUrl);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.pathname === '/index.html';
}
