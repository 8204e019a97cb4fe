/**
 * The exported project as zip bytes: entries sorted by path, each with a fixed date and a Unix
 * mode, so the same files always give the same archive. In the app this runs in the export
 * worker, away from the main process's event loop; on the command line in its only thread.
 */
import type { Diagram } from '../../domain/diagram';
import type { ExportOptions } from '../../preload/api';
import { projectFiles } from './project-files';
import { zipEntries } from './zip-format';

export type Files = ReadonlyMap<string, string>;

export type Archive =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly files: number }
  | { readonly ok: false; readonly message: string };

export type Progress = (done: number, total: number) => void;

const LEVEL = 6;
/** Every entry's date: output must not depend on the clock (written as its UTC fields). */
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));

export async function projectArchive(diagram: Diagram, options: ExportOptions, onProgress?: Progress): Promise<Archive> {
  const generated = projectFiles(diagram, options);
  if (!generated.ok) return generated;
  return { ok: true, bytes: await zipFiles(generated.files, onProgress), files: generated.files.size };
}

/** Shell scripts are executable once unpacked; everything else is a plain file. */
export function modeOf(path: string): number {
  return path.endsWith('.sh') ? 0o755 : 0o644;
}

export async function zipFiles(files: Files, onProgress?: Progress): Promise<Buffer> {
  const inputs = [...files.keys()].sort(comparePaths).map((path) => ({
    name: path,
    data: Buffer.from(files.get(path)!, 'utf8'),
    mode: modeOf(path),
  }));
  return zipEntries(inputs, FIXED_DATE, LEVEL, (done) => onProgress?.(done, files.size));
}

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
