/** The bridge: exposes exactly the contract to the renderer, and nothing else of Electron. */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { callChannel, EVENT_CHANNELS, type Api, type ApiCall } from './api';

/** A call of the contract: one invoke on the call's own channel. */
function invoke<K extends ApiCall>(call: K) {
  return ((request?: unknown) =>
    request === undefined
      ? ipcRenderer.invoke(callChannel(call))
      : ipcRenderer.invoke(callChannel(call), request)) as unknown as Api[K];
}

/** An event of the contract: a listener on the event's channel, and a way to stop listening. */
function subscribe<T>(channel: string) {
  return (listener: (value: T) => void) => {
    const handler = (_event: IpcRendererEvent, value: T) => listener(value);
    ipcRenderer.on(channel, handler);
    return () => void ipcRenderer.removeListener(channel, handler);
  };
}

const api = {
  loadSample: invoke('loadSample'),
  openDiagram: invoke('openDiagram'),
  openDiagramText: invoke('openDiagramText'),
  saveDiagram: invoke('saveDiagram'),
  recentFiles: invoke('recentFiles'),
  setDocumentState: invoke('setDocumentState'),
  exportProject: invoke('exportProject'),
  showInFolder: invoke('showInFolder'),
  savePicture: invoke('savePicture'),
  writeRecovery: invoke('writeRecovery'),
  readRecovery: invoke('readRecovery'),
  clearRecovery: invoke('clearRecovery'),
  onMenuCommand: subscribe(EVENT_CHANNELS.menuCommand),
  onOpenFile: subscribe(EVENT_CHANNELS.openFile),
  onExportProgress: subscribe(EVENT_CHANNELS.exportProgress),
} satisfies Api;

contextBridge.exposeInMainWorld('api', api);
