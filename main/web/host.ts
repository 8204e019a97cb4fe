/**
 * The Host of the web app: the browser picks and downloads files itself, so the server shows no
 * dialog, reveals nothing and grants no path (every path-bearing call is refused).
 */
import type { Host } from '../handlers';
import { PathGrants } from '../grants';
import { RecentFiles } from '../recent';
import { RecoveryStore } from '../recovery';

export function browserHost(userData: string): Host {
  const nothing = () => undefined;
  return {
    askOpenPath: async () => undefined,
    askFolderPath: async () => undefined,
    askSavePath: async () => undefined,
    setDocumentState: nothing,
    savedBeforeClose: nothing,
    showInFolder: nothing,
    sendExportProgress: nothing,
    recent: new RecentFiles(userData),
    recovery: new RecoveryStore(userData),
    grants: new PathGrants(),
  };
}
