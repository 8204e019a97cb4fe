/**
 * Writing the exported project as a zip: to a temporary file beside the target, renamed into
 * place only when complete, so a failed or interrupted export never leaves half a zip, and an
 * existing file is replaced only when the caller says so.
 */
import archiver from 'archiver';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { access, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type Files = ReadonlyMap<string, string>;

export class TargetExists extends Error {}

export interface ZipOptions {
  readonly overwrite: boolean;
  /** Called as entries are written, at most once per entry. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A fixed date for every entry, so that the same files give the same zip. */
const ENTRY_DATE = new Date('2026-01-01T00:00:00Z');

export async function writeZip(target: string, files: Files, options: ZipOptions): Promise<number> {
  if (!options.overwrite && (await exists(target))) throw new TargetExists(target);
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    const bytes = await zipTo(temp, files, options.onProgress);
    await rename(temp, target);
    return bytes;
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

function zipTo(path: string, files: Files, onProgress?: (done: number, total: number) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const output = createWriteStream(path, { flags: 'wx' });
    const archive = archiver('zip', { zlib: { level: 6 } });
    let done = 0;
    archive.on('entry', () => onProgress?.(++done, files.size));
    archive.on('warning', reject);
    archive.on('error', reject);
    output.on('error', reject);
    output.on('close', () => resolve(archive.pointer()));
    archive.pipe(output);
    for (const [name, text] of files) {
      archive.append(text, { name, date: ENTRY_DATE, mode: name.endsWith('.sh') ? 0o755 : 0o644 });
    }
    void archive.finalize();
  });
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
