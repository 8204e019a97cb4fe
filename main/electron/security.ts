import { session, shell, type WebContents } from 'electron';

/**
 * Every permission request (camera, notifications …) is denied. The CSP is a header of every
 * response of the app:// protocol, the only thing the window loads (app-protocol.ts).
 */
export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

/** The window never navigates away (nor do its frames), opens windows, or attaches webviews. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
}

const EXTERNAL_PROTOCOLS = new Set(['https:', 'mailto:']);

/** The only way Strata opens anything outside itself: https and mailto links, in the system's apps. */
export function openExternal(url: string): void {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return;
  }
  if (EXTERNAL_PROTOCOLS.has(protocol)) void shell.openExternal(url);
}
