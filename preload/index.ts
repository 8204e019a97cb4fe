/** The bridge: exposes exactly the contract to the renderer, and nothing else of Electron. */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { callChannel, DROP_CHANNEL, EVENT_CHANNELS, type Api, type ApiCall } from './api';

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

/**
 * A drop is a grant: when the user really drops files from disk on the window (a trusted event;
 * the page cannot forge one, nor a File with a path), main is told their paths before the page
 * handles the drop, so it may then open them. Registered in the capture phase, so it runs first.
 */
window.addEventListener(
  'drop',
  (event) => {
    if (!event.isTrusted || !event.dataTransfer) return;
    const paths = Array.from(event.dataTransfer.files).map((file) => webUtils.getPathForFile(file)).filter((path) => path !== '');
    if (paths.length > 0) ipcRenderer.send(DROP_CHANNEL, paths);
  },
  true,
);

const api = {
  loadSample: invoke('loadSample'),
  openDiagram: invoke('openDiagram'),
  openDiagramText: invoke('openDiagramText'),
  saveDiagram: invoke('saveDiagram'),
  recentFiles: invoke('recentFiles'),
  setDocumentState: invoke('setDocumentState'),
  savedBeforeClose: invoke('savedBeforeClose'),
  exportProject: invoke('exportProject'),
  showInFolder: invoke('showInFolder'),
  importProject: invoke('importProject'),
  compareWithCode: invoke('compareWithCode'),
  savePicture: invoke('savePicture'),
  writeRecovery: invoke('writeRecovery'),
  readRecovery: invoke('readRecovery'),
  clearRecovery: invoke('clearRecovery'),
  pathOfDroppedFile: (file) => webUtils.getPathForFile(file as File) || null,
  onMenuCommand: subscribe(EVENT_CHANNELS.menuCommand),
  onOpenFile: subscribe(EVENT_CHANNELS.openFile),
  onExportProgress: subscribe(EVENT_CHANNELS.exportProgress),
} satisfies Api;

contextBridge.exposeInMainWorld('api', api);
