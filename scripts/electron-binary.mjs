// Finds the Electron binary, fetching it once if npm install skipped that (see .npmrc).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The binary electron's own install put in place, read from its path.txt. Not `require('electron')`:
 * since Electron 45 that starts a download when the binary is missing, even where only looking.
 */
function installedPath() {
  try {
    const folder = dirname(require.resolve('electron/package.json'));
    const path = join(folder, 'dist', readFileSync(join(folder, 'path.txt'), 'utf8').trim());
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** The binary's path, or `{ reason }` saying in one line why there is none. */
export function electronBinary({ download = true } = {}) {
  const found = installedPath();
  if (found) return { path: found };
  if (!download) return { reason: 'the Electron binary is not installed' };
  let installer;
  try {
    installer = require.resolve('electron/install.js');
  } catch {
    return { reason: 'the electron package is not installed (run npm install)' };
  }
  const result = spawnSync(process.execPath, [installer], { encoding: 'utf8', timeout: 120_000 });
  const again = installedPath();
  if (again) return { path: again };
  const detail = `${result.stderr}${result.stdout}`.match(/(getaddrinfo \S+ \S+|ECONNREFUSED|ETIMEDOUT|HTTPError[^\n]*)/);
  return { reason: `the Electron binary could not be downloaded${detail ? ` (${detail[1]})` : ''}` };
}
