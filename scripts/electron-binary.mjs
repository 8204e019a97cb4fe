// Finds the Electron binary, fetching it once if npm install skipped that (see .npmrc).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function installedPath() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
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
