/**
 * The exported project as zip bytes: generate the files, deflate each with Node's native zlib
 * (several times faster than a JavaScript deflate), wrap them in zip headers. Synchronous: it
 * runs in the export worker, away from the main process's event loop.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import type { Diagram } from '../../domain/diagram';
import type { ExportOptions } from '../../preload/api';
import { projectFiles } from './project-files';
import { type DeflatedEntry, zipBytes } from './zip-format';

export type Files = ReadonlyMap<string, string>;

export type Archive =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly files: number }
  | { readonly ok: false; readonly message: string };

export type Progress = (done: number, total: number) => void;

const LEVEL = 6;

export function projectArchive(diagram: Diagram, options: ExportOptions, onProgress?: Progress): Archive {
  const generated = projectFiles(diagram, options);
  if (!generated.ok) return generated;
  return { ok: true, bytes: zipFiles(generated.files, onProgress), files: generated.files.size };
}

export function zipFiles(files: Files, onProgress?: Progress): Buffer {
  const entries: DeflatedEntry[] = [];
  for (const [name, text] of files) {
    const bytes = Buffer.from(text, 'utf8');
    const data = deflateRawSync(bytes, { level: LEVEL });
    entries.push({ name, mode: name.endsWith('.sh') ? 0o755 : 0o644, crc: crc32(bytes), size: bytes.length, data });
    onProgress?.(entries.length, files.size);
  }
  return zipBytes(entries);
}
