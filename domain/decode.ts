/**
 * A diagram file's bytes to text, one way for the desktop app, the browser and the command
 * line: at most 16 MiB, strictly UTF-8 (a byte-order mark is allowed), nothing replaced or
 * guessed. A file that fails gets a message naming it and saying why.
 */

/** The largest diagram file Strata opens, in bytes; a diagram of 10,000 components is far smaller. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export type Decoded = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/** The WHATWG decoder every runtime Strata runs on has (Node, Chromium, Electron); domain/ has no DOM types. */
interface Utf8Decoder {
  decode(bytes: Uint8Array): string;
}
type DecoderClass = new (label: 'utf-8', options: { fatal: boolean }) => Utf8Decoder;

export function tooLargeMessage(name: string, bytes: number): string {
  const mib = (bytes / 1024 / 1024).toFixed(1);
  return `${name} is ${mib} MiB; Strata opens diagram files up to ${MAX_FILE_BYTES / 1024 / 1024} MiB.`;
}

export function decodeDiagramBytes(name: string, bytes: Uint8Array): Decoded {
  if (bytes.byteLength > MAX_FILE_BYTES) return { ok: false, message: tooLargeMessage(name, bytes.byteLength) };
  if (isUtf16(bytes)) {
    return { ok: false, message: `${name} is UTF-16 text; Strata reads diagram files as UTF-8. Save it as UTF-8 and open it again.` };
  }
  const Decoder = (globalThis as unknown as { TextDecoder: DecoderClass }).TextDecoder;
  try {
    return { ok: true, text: new Decoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: `${name} is not UTF-8 text; it may be a binary file.` };
  }
}

/** A UTF-16 byte-order mark, or ASCII with a zero byte beside every character (UTF-16 without one). */
function isUtf16(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  const sample = bytes.subarray(0, 512);
  let zeros = 0;
  for (const byte of sample) if (byte === 0) zeros++;
  return sample.length >= 4 && zeros * 3 >= sample.length;
}
