/**
 * Walks a project folder for domain/import: reads the Python and settings files it wants,
 * never writes or runs anything, and names everything it could not read. Links are followed
 * only inside the folder, and each real folder is read once, so link loops end.
 *
 * The file system is read with synchronous calls in short runs, yielding to the event loop
 * between them: a walk of hundreds of small files is mostly the cost of each call, and a
 * synchronous call costs a fraction of a promise's round trip through the thread pool.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { stat, realpath } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { fileSkipReason, folderSkipReason, MAX_FILE_BYTES, type ProjectSource, type Skipped, type SourceFile } from '../../domain/import';

/** A walk stops here, so pointing the importer at `/` ends in time. */
export const MAX_ENTRIES = 100_000;
/** Calls made between two yields to the event loop. */
const CALLS_PER_TURN = 64;

export class FolderProblem extends Error {}

class Walk {
  readonly skipped: Skipped[] = [];
  readonly wanted: Array<{ path: string; absolute: string }> = [];
  private readonly visited: Set<string>;
  private entries = 0;
  private calls = 0;

  constructor(private readonly root: string) {
    this.visited = new Set([root]);
  }

  /** Yields to the event loop every so many calls, so an app waiting on the walk stays responsive. */
  async turn(): Promise<void> {
    if (++this.calls % CALLS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
  }

  async folder(absolute: string, path: string, listed: Dirent[] | string): Promise<void> {
    if (typeof listed === 'string') {
      this.skipped.push({ path: path || '.', reason: listed, kind: 'problem' });
      return;
    }
    for (const entry of listed.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (++this.entries > MAX_ENTRIES) {
        if (this.entries === MAX_ENTRIES + 1) this.skipped.push({ path: path || '.', reason: `more than ${MAX_ENTRIES} entries: the rest was not read`, kind: 'problem' });
        return;
      }
      await this.turn();
      const childPath = path ? `${path}/${entry.name}` : entry.name;
      const childAbsolute = join(absolute, entry.name);
      const kind = this.kindOf(entry, childAbsolute);
      if (kind.skip) {
        this.skipped.push({ path: childPath, reason: kind.skip, kind: 'problem' });
      } else if (kind.folder) {
        // Walked by its real path, so that every path below it is real too.
        const children = list(kind.folder);
        const reason = folderSkipReason(entry.name, typeof children === 'string' ? [] : children.map((c) => c.name));
        if (reason) this.skipped.push({ path: childPath, reason, kind: 'policy' });
        else await this.folder(kind.folder, childPath, children);
      } else if (kind.file) {
        const reason = fileSkipReason(entry.name);
        if (reason === undefined) this.wanted.push({ path: childPath, absolute: childAbsolute });
        else if (reason !== 'not read') this.skipped.push({ path: childPath, reason, kind: 'policy' });
      }
    }
  }

  /** What an entry is, links followed only inside the project and each real folder once. */
  private kindOf(entry: Dirent, absolute: string): EntryKind {
    if (entry.isFile()) return { file: true };
    if (entry.isDirectory()) {
      // Its parent is walked by its real path, so this is its real path.
      if (this.visited.has(absolute)) return { skip: 'already read' };
      this.visited.add(absolute);
      return { folder: absolute };
    }
    if (!entry.isSymbolicLink()) return { skip: 'not a regular file' };
    try {
      const target = realpathSync(absolute);
      if (target !== this.root && !target.startsWith(this.root + sep)) return { skip: 'a link to outside the folder' };
      const info = statSync(target);
      if (info.isDirectory()) {
        if (this.visited.has(target)) return { skip: `a link to ${relative(this.root, target) || '.'}, already read (a link loop or a second way in)` };
        this.visited.add(target);
        return { folder: target };
      }
      return info.isFile() ? { file: true } : { skip: 'not a regular file' };
    } catch (error) {
      return { skip: `could not be read (${codeOf(error)})` };
    }
  }
}

/** `folder` is the folder's real path. */
type EntryKind = { folder?: string; file?: true; skip?: string };

export async function readProjectFolder(folder: string): Promise<ProjectSource> {
  const root = await checkFolder(folder);
  const walk = new Walk(root);
  await walk.folder(root, '', list(root));
  const files: SourceFile[] = [];
  const skipped = walk.skipped;
  for (const { path, absolute } of walk.wanted) {
    await walk.turn();
    const result = readSource(path, absolute);
    if ('text' in result) files.push(result);
    else skipped.push(result);
  }
  return { files, skipped, folderName: basename(root) };
}

async function checkFolder(folder: string): Promise<string> {
  let info;
  try {
    info = await stat(folder);
  } catch (error) {
    throw new FolderProblem(codeOf(error) === 'ENOENT' ? `${folder} does not exist` : `${folder} could not be read (${codeOf(error)})`);
  }
  if (!info.isDirectory()) throw new FolderProblem(`${folder} is a file, not a folder`);
  return realpath(folder);
}

/** A folder's entries, or why it could not be read. */
function list(absolute: string): Dirent[] | string {
  try {
    return readdirSync(absolute, { withFileTypes: true });
  } catch (error) {
    return `could not be read (${codeOf(error)})`;
  }
}

/**
 * The file as text, or why it is not Python text. Opened without blocking and checked to be a
 * regular file first: a file swapped for a pipe after the folder was listed never hangs the walk.
 */
export function readSource(path: string, absolute: string): SourceFile | Skipped {
  let handle: number | undefined;
  try {
    handle = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(handle);
    if (!info.isFile()) return { path, reason: 'not a regular file', kind: 'problem' };
    if (info.size > MAX_FILE_BYTES) return { path, reason: `over 1 MB (${(info.size / 1024 / 1024).toFixed(1)} MB)`, kind: 'problem' };
    const bytes = new Uint8Array(info.size);
    let read = 0;
    while (read < bytes.length) {
      const count = readSync(handle, bytes, read, bytes.length - read, read);
      if (count === 0) break;
      read += count;
    }
    return decodeSource(path, bytes.subarray(0, read));
  } catch (error) {
    return { path, reason: `could not be read (${codeOf(error)})`, kind: 'problem' };
  } finally {
    if (handle !== undefined) closeSync(handle);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Text from bytes: binary (a NUL byte) and invalid UTF-8 are refused with the reason. */
export function decodeSource(path: string, bytes: Uint8Array): SourceFile | Skipped {
  if (bytes.includes(0)) return { path, reason: 'binary, not text', kind: 'problem' };
  try {
    const text = decoder.decode(bytes);
    return { path, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch {
    return { path, reason: 'not UTF-8 text', kind: 'problem' };
  }
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);
}
