import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { API_CALLS, callChannel } from '../../preload/api';
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

function senderOf(event: IpcMainInvokeEvent): Sender {
  const frame = event.senderFrame;
  return {
    frameUrl: frame?.url,
    isMainFrame: frame !== null && frame.parent === null,
    senderId: event.sender.id,
  };
}
