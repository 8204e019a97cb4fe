/** Diagram files on disk: reading untrusted files and saving without ever losing the old content. */
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, lstat, open, readdir, readlink, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { decodeDiagramBytes, MAX_FILE_BYTES, tooLargeMessage } from '../domain/decode';

export const TEMP_PREFIX = '.strata-save-';
export const TEMP_SUFFIX = '.tmp';
/** A complete copy of new content, kept while a hard-linked file is rewritten in place. */
export const JOURNAL_SUFFIX = '.journal';

export class FileProblem extends Error {}

export interface FileContent {
  readonly text: string;
  /** SHA-256 of the bytes on disk, to notice later whether someone else changed the file. */
  readonly version: string;
}

/** Reads a file as UTF-8 text, refusing huge files before reading and anything not UTF-8 after. */
export async function readTextFile(path: string): Promise<string> {
  return (await readDiagramFile(path)).text;
}

export async function readDiagramFile(path: string): Promise<FileContent> {
  const name = basename(path);
  const info = await stat(path);
  if (!info.isFile()) throw new FileProblem(`${name} is not a file.`);
  if (info.size > MAX_FILE_BYTES) throw new FileProblem(tooLargeMessage(name, info.size));
  const handle = await open(path, 'r');
  let bytes: Buffer;
  try {
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  const decoded = decodeDiagramBytes(name, bytes);
  if (!decoded.ok) throw new FileProblem(decoded.message);
  return { text: decoded.text, version: versionOf(bytes) };
}

export function versionOf(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The version of what is on disk now, or undefined when there is no such file. */
export async function versionOnDisk(path: string): Promise<string | undefined> {
  try {
    const handle = await open(path, 'r');
    try {
      return versionOf(await handle.readFile());
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Saves atomically and keeps how the file sits on disk: a symlink is followed and its target
 * written; the target's permissions (and owner, where allowed) carry over to the new content,
 * never wider; a hard-linked file is rewritten in place behind a journal so every link sees the
 * new content. Until the switch the old content stays whole; after it the new content is whole.
 * A crash leaves at most a temporary file or a journal, handled by `removeStaleTempFiles`.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const target = await followLinks(path);
  const info = await stat(target).catch(() => undefined);
  if (info && !info.isFile()) throw new FileProblem(`${basename(path)} is not a file.`);
  // A rename would replace a read-only file that the user may not write.
  if (info) await access(target, constants.W_OK);
  if (info && info.nlink > 1) return writeThroughJournal(target, data);
  return replaceByRename(target, data, info);
}

/** The file a path finally names, following symlinks, even to a target that does not exist yet. */
async function followLinks(path: string): Promise<string> {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    const info = await lstat(current).catch(() => undefined);
    if (!info?.isSymbolicLink()) return current;
    current = resolve(dirname(current), await readlink(current));
  }
  throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' });
}

function tempName(target: string, suffix: string): string {
  return join(dirname(target), `${TEMP_PREFIX}${basename(target)}.${randomBytes(6).toString('hex')}${suffix}`);
}

/** Writes `data` to a new temporary file beside `target`, flushed; `info` is the file it will replace. */
async function writeTemp(target: string, data: string | Uint8Array, info: Stats | undefined | 'private'): Promise<string> {
  const temp = tempName(target, TEMP_SUFFIX);
  // Created private; widened to the target's own mode only once the content is complete.
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    if (info !== 'private') await keepOwnerAndMode(handle, info);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return temp;
}

/** The target's permission bits exactly (a new file gets the usual 0666 less the umask). */
async function keepOwnerAndMode(handle: FileHandle, info: Stats | undefined): Promise<void> {
  if (!info) {
    const umask = process.umask();
    await handle.chmod(0o666 & ~umask);
    return;
  }
  if (process.platform !== 'win32' && (info.uid !== process.getuid?.() || info.gid !== process.getgid?.())) {
    // Only root may give a file away; for everyone else the owner stays the saver, mode unchanged.
    await handle.chown(info.uid, info.gid).catch(() => undefined);
  }
  await handle.chmod(info.mode & 0o777);
}

async function replaceByRename(target: string, data: string | Uint8Array, info: Stats | undefined): Promise<void> {
  const temp = await writeTemp(target, data, info);
  try {
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(target));
}

/**
 * For a file with several hard links a rename would split them, so the new content is first
 * made durable as a journal, then written over the file in place, then the journal removed.
 * A crash during the in-place write leaves the journal, and `removeStaleTempFiles` finishes it.
 */
async function writeThroughJournal(target: string, data: string | Uint8Array): Promise<void> {
  const temp = await writeTemp(target, data, 'private');
  const journal = tempName(target, JOURNAL_SUFFIX);
  await rename(temp, journal);
  await syncFolder(dirname(target));
  await overwriteInPlace(target, typeof data === 'string' ? Buffer.from(data) : data);
  await unlink(journal);
  await syncFolder(dirname(target));
}

async function overwriteInPlace(target: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(target, 'r+');
  try {
    await handle.write(bytes, 0, bytes.byteLength, 0);
    await handle.truncate(bytes.byteLength);
    await handle.sync();
  } finally {
    await handle.close();
  }
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

const JOURNAL_NAME = new RegExp(`^${TEMP_PREFIX.replace('.', '\\.')}(.+)\\.[0-9a-f]{12}${JOURNAL_SUFFIX.replace('.', '\\.')}$`);

/**
 * Finishes or removes what interrupted saves left in a folder: a journal is complete new content
 * whose in-place write may not have finished, so it is written over its file; a temporary file
 * is incomplete and removed. Returns how many were handled. `only` limits it to one file's.
 */
export async function removeStaleTempFiles(folder: string, only?: string): Promise<number> {
  let handled = 0;
  for (const entry of await readdir(folder).catch(() => [] as string[])) {
    if (!entry.startsWith(TEMP_PREFIX)) continue;
    if (only !== undefined && !entry.startsWith(`${TEMP_PREFIX}${only}.`)) continue;
    const path = join(folder, entry);
    const journal = JOURNAL_NAME.exec(entry);
    if (journal) {
      await finishJournal(path, join(folder, journal[1]!)).then(() => handled++, () => undefined);
    } else if (entry.endsWith(TEMP_SUFFIX)) {
      await unlink(path).then(() => handled++, () => undefined);
    }
  }
  return handled;
}

async function finishJournal(journal: string, target: string): Promise<void> {
  const handle = await open(journal, 'r');
  let bytes: Buffer;
  try {
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  await overwriteInPlace(target, bytes);
  await unlink(journal);
}

/** A message for people, never a stack trace; it names the user's file, never a temporary one. */
export function describeFileError(error: unknown, path: string): string {
  if (error instanceof FileProblem) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  const name = basename(path);
  switch (code) {
    case 'ENOENT':
      return `${name} does not exist, or its folder does not.`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `Strata may not write or read ${name} (it or its folder is read-only, or belongs to someone else).`;
    case 'EISDIR':
      return `${name} is a folder, not a file.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `The disk is full; ${name} was not changed.`;
    case 'ELOOP':
      return `${name} is a symbolic link that leads in a circle.`;
    case 'ENAMETOOLONG':
      return `The name or path of ${name} is too long.`;
    default:
      return `${name} could not be read or written (${code ?? 'unknown error'}).`;
  }
}
