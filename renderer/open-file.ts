/**
 * A file the renderer holds (picked in the browser, or dropped without a path on disk) read the
 * way main and the command line read files: at most 16 MiB, checked before reading, then decoded
 * strictly as UTF-8. A file that fails becomes an `invalid` result with a message naming it.
 */
import { decodeDiagramBytes, MAX_FILE_BYTES, tooLargeMessage } from '../domain/decode';
import type { OpenResult } from '../preload/api';

export type PickedFile = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly result: OpenResult };

export async function readPickedFile(file: File): Promise<PickedFile> {
  const refuse = (message: string): PickedFile => ({
    ok: false,
    result: { status: 'invalid', name: file.name, errors: [{ path: '$', message }] },
  });
  if (file.size > MAX_FILE_BYTES) return refuse(tooLargeMessage(file.name, file.size));
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return refuse(`${file.name} could not be read; it may have been moved or deleted.`);
  }
  const decoded = decodeDiagramBytes(file.name, bytes);
  return decoded.ok ? { ok: true, text: decoded.text } : refuse(decoded.message);
}
