/**
 * Walks a project folder for domain/import: reads the Python and settings files it wants,
 * never writes or runs anything, and names everything it could not read. Links are followed
 * only inside the folder, and each real folder is read once, so link loops end.
 */
import { lstat, opendir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { fileSkipReason, folderSkipReason, MAX_FILE_BYTES, type ProjectSource, type Skipped, type SourceFile } from '../../domain/import';

/** A walk stops here, so pointing the importer at `/` ends in time. */
export const MAX_ENTRIES = 100_000;
const PARALLEL_READS = 32;

export class FolderProblem extends Error {}

export async function readProjectFolder(folder: string): Promise<ProjectSource> {
  const root = await checkFolder(folder);
  const skipped: Skipped[] = [];
  const wanted: Array<{ path: string; absolute: string }> = [];
  const visited = new Set<string>([root]);
  let entries = 0;
  const walk = async (absolute: string, path: string): Promise<void> => {
    let names: string[];
    let directory;
    try {
      directory = await opendir(absolute);
      names = [];
      for await (const entry of directory) names.push(entry.name);
    } catch (error) {
      skipped.push({ path: path || '.', reason: `could not be read (${codeOf(error)})`, kind: 'problem' });
      return;
    }
    names.sort();
    for (const name of names) {
      if (++entries > MAX_ENTRIES) {
        if (entries === MAX_ENTRIES + 1) skipped.push({ path: path || '.', reason: `more than ${MAX_ENTRIES} entries: the rest was not read`, kind: 'problem' });
        return;
      }
      const childPath = path ? `${path}/${name}` : name;
      const childAbsolute = join(absolute, name);
      const kind = await entryKind(childAbsolute, root, visited);
      if (kind.skip) {
        skipped.push({ path: childPath, reason: kind.skip, kind: 'problem' });
      } else if (kind.folder) {
        const reason = folderSkipReason(name, await listNames(childAbsolute));
        if (reason) skipped.push({ path: childPath, reason, kind: 'policy' });
        else await walk(childAbsolute, childPath);
      } else if (kind.file) {
        const reason = fileSkipReason(name);
        if (reason === undefined) wanted.push({ path: childPath, absolute: childAbsolute });
        else if (reason !== 'not read') skipped.push({ path: childPath, reason, kind: 'policy' });
      }
    }
  };
  await walk(root, '');
  const files: SourceFile[] = [];
  for (let i = 0; i < wanted.length; i += PARALLEL_READS) {
    const batch = await Promise.all(wanted.slice(i, i + PARALLEL_READS).map((w) => readSource(w.path, w.absolute)));
    for (const result of batch) {
      if ('text' in result) files.push(result);
      else skipped.push(result);
    }
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

type EntryKind = { folder?: true; file?: true; skip?: string };

/** What an entry is, links followed only inside the project and each real folder once. */
async function entryKind(absolute: string, root: string, visited: Set<string>): Promise<EntryKind> {
  let info;
  try {
    info = await lstat(absolute);
    if (info.isSymbolicLink()) {
      const target = await realpath(absolute);
      if (target !== root && !target.startsWith(root + sep)) return { skip: 'a link to outside the folder' };
      info = await stat(target);
      if (info.isDirectory()) {
        if (visited.has(target)) return { skip: `a link to ${relative(root, target) || '.'}, already read (a link loop or a second way in)` };
        visited.add(target);
      }
    } else if (info.isDirectory()) {
      const real = await realpath(absolute);
      if (visited.has(real)) return { skip: 'already read' };
      visited.add(real);
    }
  } catch (error) {
    return { skip: `could not be read (${codeOf(error)})` };
  }
  if (info.isDirectory()) return { folder: true };
  if (info.isFile()) return { file: true };
  return { skip: 'not a regular file' };
}

async function listNames(absolute: string): Promise<string[]> {
  try {
    const names: string[] = [];
    for await (const entry of await opendir(absolute)) names.push(entry.name);
    return names;
  } catch {
    return [];
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The file as text, or why it is not Python text. */
export async function readSource(path: string, absolute: string): Promise<SourceFile | Skipped> {
  try {
    const info = await stat(absolute);
    if (info.size > MAX_FILE_BYTES) return { path, reason: `over 1 MB (${(info.size / 1024 / 1024).toFixed(1)} MB)`, kind: 'problem' };
    const bytes = await readFile(absolute);
    return decodeSource(path, bytes);
  } catch (error) {
    return { path, reason: `could not be read (${codeOf(error)})`, kind: 'problem' };
  }
}

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
