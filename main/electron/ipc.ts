import { ipcMain, type BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { isAbsolute } from 'node:path';
import { API_CALLS, callChannel, DROP_CHANNEL } from '../../preload/api';
import type { PathGrants } from '../grants';
import type { Handlers } from '../handlers';
import { isTrustedSender, type Sender } from './sender';

/** Registers exactly one handler per call of the contract; each refuses foreign senders. */
export function registerHandlers(handlers: Handlers, window: BrowserWindow): void {
  for (const call of API_CALLS) {
    ipcMain.handle(callChannel(call), (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!isTrustedSender(senderOf(event), window.webContents.id)) {
        throw new Error(`refused ${call} from an untrusted sender`);
      }
      return handlers[call](payload);
    });
  }
}

function senderOf(event: IpcMainInvokeEvent | IpcMainEvent): Sender {
  const frame = event.senderFrame;
  return {
    frameUrl: frame?.url,
    isMainFrame: frame !== null && frame.parent === null,
    senderId: event.sender.id,
  };
}

/**
 * Files the user dropped on the window, as the preload saw them (trusted drop events of files on
 * disk; the page itself cannot send on this channel): each becomes openable and savable.
 */
export function acceptDrops(window: BrowserWindow, grants: PathGrants): void {
  ipcMain.on(DROP_CHANNEL, (event, paths: unknown) => {
    if (!isTrustedSender(senderOf(event), window.webContents.id)) return;
    if (!Array.isArray(paths) || paths.length > 100) return;
    for (const path of paths) {
      if (typeof path === 'string' && isAbsolute(path) && !path.includes('\0')) grants.grant(path, 'open', 'save', 'reveal');
    }
  });
}
