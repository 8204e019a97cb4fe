/** Diagram files on disk: reading untrusted files and saving without ever losing the old content. */
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { MAX_FILE_CHARS } from '../domain/parse';

export const TEMP_PREFIX = '.strata-save-';
export const TEMP_SUFFIX = '.tmp';

export class FileProblem extends Error {}

/** Reads a file as UTF-8 text, refusing huge files before reading and binary junk after. */
export async function readTextFile(path: string): Promise<string> {
  const info = await stat(path);
  if (!info.isFile()) throw new FileProblem(`${basename(path)} is not a file.`);
  // A UTF-8 character takes at least one byte, so this also bounds the text length.
  if (info.size > MAX_FILE_CHARS * 2) {
    throw new FileProblem(`${basename(path)} is ${(info.size / 1024 / 1024).toFixed(1)} MiB; too large for a diagram file.`);
  }
  const handle = await open(path, 'r');
  try {
    const bytes = await handle.readFile();
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new FileProblem(`${basename(path)} is not UTF-8 text; it may be a binary file.`);
    }
  } finally {
    await handle.close();
  }
}

/**
 * Saves atomically: the text goes to a temporary file in the same folder, is flushed to disk,
 * then renamed over the target. Until the rename the old content stays whole; after it the new
 * content is whole. A crash leaves at most a temporary file, removed by `removeStaleTempFiles`.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  const temp = join(folder, `${TEMP_PREFIX}${basename(path)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder);
}

/** Makes the rename itself durable; some platforms cannot open folders, which is fine there. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot fsync a directory; the rename is still atomic there.
  }
}

/** Removes temporary files an interrupted save left in a folder. Returns how many. */
export async function removeStaleTempFiles(folder: string): Promise<number> {
  let removed = 0;
  for (const entry of await readdir(folder).catch(() => [] as string[])) {
    if (entry.startsWith(TEMP_PREFIX) && entry.endsWith(TEMP_SUFFIX)) {
      await unlink(join(folder, entry)).then(() => removed++, () => undefined);
    }
  }
  return removed;
}

/** A message for people, never a stack trace. */
export function describeFileError(error: unknown, path: string): string {
  if (error instanceof FileProblem) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  const name = basename(path);
  switch (code) {
    case 'ENOENT':
      return `${name} does not exist, or its folder does not.`;
    case 'EACCES':
    case 'EPERM':
      return `Strata may not access ${name}.`;
    case 'EISDIR':
      return `${name} is a folder, not a file.`;
    case 'ENOSPC':
      return `The disk is full; ${name} was not changed.`;
    default:
      return `${name}: ${(error as Error).message}`;
  }
}
