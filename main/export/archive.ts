/**
 * The exported project as zip bytes, written by archiver: entries sorted by path, each with a
 * fixed date and a Unix mode, so the same files always give the same archive. Runs in the
 * export worker, away from the main process's event loop.
 */
import { ZipArchive } from 'archiver';
import type { Diagram } from '../../domain/diagram';
import type { ExportOptions } from '../../preload/api';
import { projectFiles } from './project-files';

export type Files = ReadonlyMap<string, string>;

export type Archive =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly files: number }
  | { readonly ok: false; readonly message: string };

export type Progress = (done: number, total: number) => void;

const LEVEL = 6;
/** Every entry's date: output must not depend on the clock (archiver writes it as UTC). */
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

export function zipFiles(files: Files, onProgress?: Progress): Promise<Buffer> {
  const archive = new ZipArchive({ zlib: { level: LEVEL } });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    archive.on('data', (chunk) => chunks.push(chunk));
    archive.on('end', () => resolve(Buffer.concat(chunks)));
    // A warning is a missing file on disk; entries here are all in memory, so any is a failure.
    archive.on('warning', reject);
    archive.on('error', reject);
  });
  archive.on('progress', (progress) => onProgress?.(progress.entries.processed, files.size));
  for (const path of [...files.keys()].sort(comparePaths)) {
    archive.append(Buffer.from(files.get(path)!, 'utf8'), { name: path, date: FIXED_DATE, mode: modeOf(path) });
  }
  void archive.finalize().catch(() => undefined);
  return finished;
}

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
