/**
 * What the user typed, written safely into each syntax the export uses. Names reach the plan as
 * one line of ordinary text (`safeText`: no control characters, line breaks or lone
 * surrogates); these functions then quote or escape what is special in each syntax, so a name
 * can never add a line, a key, a block or a command to a generated file. Every framework room
 * uses them; Python strings are in `../python/py.ts` (`str`).
 */

/** A TOML basic string: quotes, backslashes and every control character escaped. */
export function tomlString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else if (code >= 0xd800 && code <= 0xdfff) out += '\uFFFD';
    else out += char;
  }
  return `${out}"`;
}

/**
 * A value in a `.env` file that python-dotenv (pydantic-settings) and Docker Compose read the
 * same way: single-quoted, so neither expands `$` or escapes; characters those parsers would
 * still treat specially inside single quotes (`'`, `\`, line breaks) are dropped.
 */
export function dotenvValue(text: string): string {
  // Control characters are what must go: matching them is the point.
  // eslint-disable-next-line no-control-regex
  return `'${text.replace(/['\\\r\n\u0000-\u001f\u007f]/g, '')}'`;
}

/** Text inside one line of Markdown (not at its start): the characters that open inline markup, links, HTML or code are backslash-escaped. */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>!|~&#]/g, (c) => `\\${c}`);
}

/** A value in an INI file read by configparser: one line, `%` doubled (interpolation), no leading or trailing blanks. */
export function iniValue(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what must go
  return text.replace(/[\r\n\u0000-\u001f\u007f]/g, ' ').replace(/%/g, '%%').trim();
}
