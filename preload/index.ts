/** The bridge: exposes exactly the contract to the renderer, and nothing else of Electron. */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { callChannel, EVENT_CHANNELS, type Api, type MenuCommand } from './api';

const api = {
  loadSample: () => ipcRenderer.invoke(callChannel('loadSample')),
  openDiagram: (request) => ipcRenderer.invoke(callChannel('openDiagram'), request),
  openDiagramText: (request) => ipcRenderer.invoke(callChannel('openDiagramText'), request),
  saveDiagram: (request) => ipcRenderer.invoke(callChannel('saveDiagram'), request),
  recentFiles: () => ipcRenderer.invoke(callChannel('recentFiles')),
  onMenuCommand: (listener) => {
    const handler = (_event: IpcRendererEvent, command: MenuCommand) => listener(command);
    ipcRenderer.on(EVENT_CHANNELS.menuCommand, handler);
    return () => ipcRenderer.removeListener(EVENT_CHANNELS.menuCommand, handler);
  },
} satisfies Api;

contextBridge.exposeInMainWorld('api', api);
