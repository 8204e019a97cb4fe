/** A Host for tests: no dialogs unless a test sets an answer, and everything it was told, recorded. */
import type { ExportProgress } from '../preload/api';
import type { Host, SaveKind } from './handlers';
import { PathGrants } from './grants';
import { RecentFiles } from './recent';
import { RecoveryStore } from './recovery';

export interface TestHost extends Host {
  openAnswer: string | undefined;
  saveAnswer: string | undefined;
  folderAnswer: string | undefined;
  readonly asked: { suggestedName: string; kind: SaveKind }[];
  readonly progress: ExportProgress[];
  readonly shown: string[];
  readonly titles: { title: string; dirty: boolean }[];
}

export function testHost(userData: string): TestHost {
  const host: TestHost = {
    openAnswer: undefined,
    saveAnswer: undefined,
    folderAnswer: undefined,
    asked: [],
    progress: [],
    shown: [],
    titles: [],
    askOpenPath: async () => host.openAnswer,
    askFolderPath: async () => host.folderAnswer,
    askSavePath: async (suggestedName, kind) => {
      host.asked.push({ suggestedName, kind });
      return host.saveAnswer;
    },
    setDocumentState: (title, dirty) => void host.titles.push({ title, dirty }),
    savedBeforeClose: () => undefined,
    showInFolder: (path) => void host.shown.push(path),
    sendExportProgress: (progress) => void host.progress.push(progress),
    recent: new RecentFiles(userData),
    recovery: new RecoveryStore(userData),
    grants: new PathGrants(),
  };
  return host;
}
