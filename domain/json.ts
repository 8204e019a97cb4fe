/** Small checks on untrusted JSON text, done before and after `JSON.parse`. */

/** Keys that could reach an object's prototype when copied; refused anywhere in a file. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The deepest nesting of arrays and objects in JSON text, found without parsing,
 * so that absurdly deep input is refused before any recursive code sees it.
 * Stops counting once `limit` is passed.
 */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
    }
  }
  return deepest;
}

/** The JSON path of the first forbidden key in a parsed value, if any. */
export function findForbiddenKey(value: unknown, path = '$'): string | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findForbiddenKey(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (isRecord(value)) {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return childPath(path, key);
      const found = findForbiddenKey(value[key], childPath(path, key));
      if (found) return found;
    }
  }
  return undefined;
}

/** `$.a.b` for keys that read as names, `$.a["odd key"]` for any other (empty, dotted, spaced). */
export function childPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The keys of `record` that are not in `known`, or undefined when there are none. */
export function extraKeys(
  record: Record<string, unknown>,
  known: readonly string[],
): Record<string, unknown> | undefined {
  let extra: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    if (known.includes(key)) continue;
    extra ??= {};
    extra[key] = record[key];
  }
  return extra;
}
