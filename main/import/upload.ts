/** Checks on a browser's folder upload: untrusted, so every path and size is bounded. */
import { MAX_FILE_BYTES, type ProjectSource, type Skipped } from '../../domain/import';
import { isRecord } from '../../domain/json';
import { PayloadError } from '../payload';
import type { UploadedProject } from '../../preload/api';

/** More files than a project the importer is meant for; an upload of a whole disk is refused. */
export const MAX_UPLOAD_FILES = 50_000;
const MAX_PATH_LENGTH = 4096;

export function checkUpload(value: unknown): UploadedProject | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw new PayloadError('upload must be an object');
  if (typeof value.name !== 'string' || value.name.length > 255) throw new PayloadError('upload name must be a short string');
  if (!Array.isArray(value.files) || value.files.length > MAX_UPLOAD_FILES) throw new PayloadError(`upload files must be a list of at most ${MAX_UPLOAD_FILES}`);
  if (!Array.isArray(value.skipped) || value.skipped.length > MAX_UPLOAD_FILES) throw new PayloadError('upload skipped must be a list');
  const files = value.files.map((file: unknown) => {
    if (!isRecord(file) || typeof file.text !== 'string') throw new PayloadError('each uploaded file needs a path and a text');
    if (file.text.length > MAX_FILE_BYTES) throw new PayloadError('an uploaded file is over 1 MB');
    return { path: relativePath(file.path), text: file.text };
  });
  const skipped = value.skipped.map((entry: unknown): Skipped => {
    if (!isRecord(entry) || typeof entry.reason !== 'string') throw new PayloadError('each skipped file needs a path and a reason');
    return { path: relativePath(entry.path), reason: entry.reason.slice(0, 200), kind: entry.kind === 'policy' ? 'policy' : 'problem' };
  });
  return { name: value.name, files, skipped };
}

/** A path inside the uploaded folder: relative, `/`-separated, never climbing out of it. */
function relativePath(value: unknown): string {
  if (typeof value !== 'string' || value === '' || value.length > MAX_PATH_LENGTH || value.includes('\0') || value.includes('\\')) {
    throw new PayloadError('an uploaded path must be a relative file path');
  }
  if (value.startsWith('/') || value.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    throw new PayloadError('an uploaded path must stay inside the folder');
  }
  return value;
}

export function uploadSource(upload: UploadedProject): ProjectSource {
  return { files: upload.files, skipped: upload.skipped, folderName: upload.name };
}
