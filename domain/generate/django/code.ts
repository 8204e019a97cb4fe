/** Wrapping at the indentation a line ends up at: class bodies are indented after they are built. */
import { wrap, wrapCollection } from '../python/py';

/** `wrap()` measured at `level` × four spaces, returned without that indentation. */
export function wrapAt(level: number, head: string, items: readonly string[], tail: string): string {
  const pad = '    '.repeat(level);
  return wrap(head, items, tail, pad)
    .split('\n')
    .map((line) => (line.startsWith(pad) ? line.slice(pad.length) : line))
    .join('\n');
}

/** `wrapCollection()` measured at `level` × four spaces, returned without that indentation. */
export function collectionAt(level: number, head: string, items: readonly string[], tail: string): string {
  const pad = '    '.repeat(level);
  return wrapCollection(head, items, tail, pad)
    .split('\n')
    .map((line) => (line.startsWith(pad) ? line.slice(pad.length) : line))
    .join('\n');
}
