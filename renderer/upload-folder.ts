/**
 * The browser's side of File ▸ Import Python project… and Compare with code…: a folder upload
 * (`webkitdirectory`), read here with the same rules as a folder walked on disk (tests, caches,
 * virtual environments left out; binary, non-UTF-8 and over-1-MB files named, not sent).
 */
import { MAX_FILE_BYTES, selectFiles, type Skipped } from '../domain/import';
import type { UploadedProject } from '../preload/api';

export async function pickProjectFolder(): Promise<UploadedProject | undefined> {
  const files = await pickFolder();
  if (!files || files.length === 0) return undefined;
  return readUpload(files);
}

function pickFolder(): Promise<File[] | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.webkitdirectory = true;
    input.setAttribute('data-testid', 'folder-input');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files ? Array.from(input.files) : undefined);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(undefined);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The upload of a folder's files: paths without the folder's own name, as main walks them. */
export async function readUpload(files: readonly File[]): Promise<UploadedProject> {
  const first = files[0]!.webkitRelativePath || files[0]!.name;
  const name = first.includes('/') ? first.slice(0, first.indexOf('/')) : 'project';
  const entries = files.map((file) => {
    const relative = file.webkitRelativePath || file.name;
    return { path: relative.includes('/') ? relative.slice(relative.indexOf('/') + 1) : relative, file };
  });
  const selected = selectFiles(entries);
  const skipped: Skipped[] = [...selected.skipped];
  const read: Array<{ path: string; text: string }> = [];
  for (const { path, file } of selected.files) {
    if (file.size > MAX_FILE_BYTES) {
      skipped.push({ path, reason: `over 1 MB (${(file.size / 1024 / 1024).toFixed(1)} MB)`, kind: 'problem' });
      continue;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes.includes(0)) {
      skipped.push({ path, reason: 'binary, not text', kind: 'problem' });
      continue;
    }
    try {
      const text = decoder.decode(bytes);
      read.push({ path, text: text.startsWith('\uFEFF') ? text.slice(1) : text });
    } catch {
      skipped.push({ path, reason: 'not UTF-8 text', kind: 'problem' });
    }
  }
  return { name, files: read, skipped };
}
