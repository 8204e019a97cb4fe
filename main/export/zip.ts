/**
 * Writing a zip to disk: to a temporary file beside the target, renamed into place only when
 * complete, so a failed or interrupted export never leaves half a zip, and an existing file is
 * replaced only when the caller says so.
 */
import { randomBytes } from 'node:crypto';
import { access, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type Files, zipFiles } from './archive';

export type { Files } from './archive';

export class TargetExists extends Error {}

export interface WriteOptions {
  readonly overwrite: boolean;
}

export async function writeArchive(target: string, bytes: Uint8Array, options: WriteOptions): Promise<number> {
  if (!options.overwrite && (await exists(target))) throw new TargetExists(target);
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, target);
    return bytes.byteLength;
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Zips `files` in this thread and writes them: for tests and tools, not for the app's exports. */
export async function writeZip(target: string, files: Files, options: WriteOptions): Promise<number> {
  return writeArchive(target, await zipFiles(files), options);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
