/**
 * IPC sender check, kept free of Electron so it can be tested in plain Node: only our own
 * window's top frame, showing our bundled page, may call the handlers.
 */
export function isTrustedSender(frameUrl: string | undefined, senderId: number, windowId: number): boolean {
  if (senderId !== windowId || !frameUrl) return false;
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  return url.protocol === 'file:' && url.pathname.endsWith('/renderer/index.html');
}
