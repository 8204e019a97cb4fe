import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { API_CALLS, callChannel } from '../../preload/api';
import type { Handlers } from '../handlers';
import { isTrustedSender } from './sender';

/** Registers exactly one handler per call of the contract; each refuses foreign senders. */
export function registerHandlers(handlers: Handlers, window: BrowserWindow): void {
  for (const call of API_CALLS) {
    ipcMain.handle(callChannel(call), (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!isTrustedSender(event.senderFrame?.url, event.sender.id, window.webContents.id)) {
        throw new Error(`refused ${call} from an untrusted sender`);
      }
      return handlers[call](payload);
    });
  }
}
