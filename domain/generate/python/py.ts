/**
 * A tiny builder for Python source that `ruff format` and ruff's isort rule accept unchanged:
 * imports grouped and ordered as isort orders them, long calls split the way the formatter splits
 * them, two blank lines between top-level definitions, one trailing newline.
 */

import { width } from './scan';
import { fitSource } from './split';

export const LINE_LENGTH = 88;

/** `import module` when `names` is absent, otherwise `from module import names`. */
export interface PyImport {
  readonly module: string;
  readonly names?: readonly string[];
}

export function from(module: string, ...names: string[]): PyImport {
  return { module, names };
}

export function plain(module: string): PyImport {
  return { module };
}

/** Standard-library roots the generated code imports (ruff puts them in their own section). */
const STDLIB_ROOTS = new Set([
  '__future__', 'asyncio', 'collections', 'contextlib', 'dataclasses', 'datetime', 'decimal', 'enum', 'functools',
  'hashlib', 'importlib', 'inspect', 'itertools', 'json', 'logging', 'math', 'os', 'pathlib', 'random', 're', 'secrets',
  'shutil', 'signal', 'socket', 'sqlite3', 'string', 'subprocess', 'sys', 'tempfile', 'textwrap', 'threading', 'time', 'tomllib',
  'typing', 'unittest', 'urllib', 'uuid', 'warnings', 'weakref', 'zoneinfo',
]);

function section(module: string, firstParty: readonly string[]): number {
  const root = module.split('.')[0] ?? module;
  if (module === '__future__') return 0;
  if (STDLIB_ROOTS.has(root)) return 1;
  if (firstParty.includes(root)) return 3;
  return 2;
}

/**
 * ruff's isort member order (`order-by-type`): CONSTANTS, then Classes, then
 * functions_and_variables; within each, natural order ignoring case, then natural order.
 */
function nameOrder(a: string, b: string): number {
  const [nameA = '', aliasA = ''] = a.split(' as ');
  const [nameB = '', aliasB = ''] = b.split(' as ');
  const diff = memberRank(nameA) - memberRank(nameB);
  if (diff !== 0) return diff;
  const byName = naturalCompare(nameA.toLowerCase(), nameB.toLowerCase()) || naturalCompare(nameA, nameB);
  return byName || naturalCompare(aliasA.toLowerCase(), aliasB.toLowerCase()) || naturalCompare(aliasA, aliasB);
}

/** ruff's `member_type`: a constant is all upper case (two characters or more), a class starts with one. */
function memberRank(name: string): number {
  const cased = /\p{L}/u.test(name);
  if (name.length > 1 && cased && name === name.toUpperCase()) return 0;
  return /^\p{Lu}/u.test(name) ? 1 : 2;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Natural order as ruff's isort compares names (the `natord` crate): runs of digits compare as
 * numbers (`service_2` before `service_10`), everything else character by character, with
 * whitespace skipped.
 */
export function naturalCompare(a: string, b: string): number {
  // Sorting imports compares names thousands of times per export: read the strings in place.
  // Code units order as the code points do here (surrogates sort above the rest of the BMP only
  // against each other, and no surrogate is a digit or whitespace).
  const x = WHITESPACE.test(a) ? a.replace(ALL_WHITESPACE, '') : a;
  const y = WHITESPACE.test(b) ? b.replace(ALL_WHITESPACE, '') : b;
  let i = 0;
  let j = 0;
  for (;;) {
    if (i >= x.length || j >= y.length) return i >= x.length ? (j >= y.length ? 0 : -1) : 1;
    const cx = x.charCodeAt(i);
    const cy = y.charCodeAt(j);
    if (isDigitCode(cx) && isDigitCode(cy)) {
      const endX = digitRunEnd(x, i);
      const endY = digitRunEnd(y, j);
      const order = cx === ZERO || cy === ZERO ? compareLeft(x.slice(i, endX), y.slice(j, endY)) : compareRight(x.slice(i, endX), y.slice(j, endY));
      if (order !== 0) return order;
      i = endX;
      j = endY;
      continue;
    }
    if (cx !== cy) return cx < cy ? -1 : 1;
    i++;
    j++;
  }
}

const WHITESPACE = /\s/;
const ALL_WHITESPACE = /\s/g;
const ZERO = 48;
const isDigitCode = (code: number): boolean => code >= ZERO && code <= 57;

function digitRunEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && isDigitCode(text.charCodeAt(end))) end++;
  return end;
}

/** Digit runs without leading zeros: the longer is larger, else the first difference decides. */
function compareRight(x: string, y: string): number {
  if (x.length !== y.length) return x.length - y.length;
  return compareText(x, y);
}

/** Digit runs with a leading zero compare like fractions: the first difference decides, then length. */
function compareLeft(x: string, y: string): number {
  const common = Math.min(x.length, y.length);
  const order = compareText(x.slice(0, common), y.slice(0, common));
  return order !== 0 ? order : x.length - y.length;
}

/** Module paths as ruff's isort orders them: natural order ignoring case, then natural order. */
function moduleOrder(a: string, b: string): number {
  return naturalCompare(a.toLowerCase(), b.toLowerCase()) || naturalCompare(a, b);
}

/**
 * Renders an import block: merged, deduplicated, sorted within sections (stdlib, third-party,
 * first-party), straight imports before `from` imports in each section, as ruff's isort does.
 * Imports from `selfModule` are dropped: in the flat layout several nodes share one module.
 */
export function renderImports(imports: readonly PyImport[], firstParty: readonly string[], selfModule = ''): string {
  const plainModules = new Set<string>();
  const fromNames = new Map<string, Set<string>>();
  for (const imp of imports) {
    if (imp.module === selfModule) continue;
    if (!imp.names) plainModules.add(imp.module);
    else {
      const set = fromNames.get(imp.module) ?? new Set<string>();
      imp.names.forEach((n) => set.add(n));
      fromNames.set(imp.module, set);
    }
  }
  const sections: string[][] = [[], [], [], []];
  for (const module of [...plainModules].sort(moduleOrder)) sections[section(module, firstParty)]!.push(`import ${module}`);
  // ruff keeps `from m import a as b` apart (combine-as-imports is off): one statement per alias.
  const statements: Array<{ module: string; names: string[] }> = [];
  for (const [module, set] of fromNames) {
    const names = [...set].sort(nameOrder);
    const plainNames = names.filter((n) => !n.includes(' as '));
    if (plainNames.length > 0) statements.push({ module, names: plainNames });
    for (const aliased of names.filter((n) => n.includes(' as '))) statements.push({ module, names: [aliased] });
  }
  statements.sort((a, b) => moduleOrder(a.module, b.module) || nameOrder(a.names[0]!, b.names[0]!));
  for (const { module, names } of statements) sections[section(module, firstParty)]!.push(fromImport(module, names));
  return sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n');
}

function fromImport(module: string, names: readonly string[]): string {
  const line = `from ${module} import ${names.join(', ')}`;
  if (width(line) <= LINE_LENGTH) return line;
  return `from ${module} import (\n${names.map((n) => `    ${n},`).join('\n')}\n)`;
}

/**
 * A call, signature or literal with its bracketed parts, split as the formatter does when it is
 * too long: first all arguments on one indented line, then one per line with a trailing comma.
 * `indent` is the indentation of the line the construct starts on.
 */
export function wrap(head: string, items: readonly string[], tail: string, indent = ''): string {
  const oneLine = `${indent}${head}${items.join(', ')}${tail}`;
  // No items, nothing to split here: pyModule's pass gives a long `def f() -> T:` its parenthesised annotation.
  if (width(oneLine) <= LINE_LENGTH || items.length === 0) return oneLine;
  const inner = `${indent}    ${items.join(', ')}`;
  // The formatter gives a lone parameter of a split `def` a trailing comma; calls keep none.
  const loneDefParam = /^(async )?def /.test(head) && items.length === 1;
  if (width(inner) <= LINE_LENGTH && !loneDefParam && !items.some((item) => item.includes('\n'))) {
    return `${indent}${head}\n${inner}\n${indent}${tail}`;
  }
  return `${indent}${head}\n${items.map((item) => `${indent}    ${item},`).join('\n')}\n${indent}${tail}`;
}

/** A list, tuple or dict literal: on one line when it fits, else one item per line with a trailing comma. */
export function wrapCollection(head: string, items: readonly string[], tail: string, indent = ''): string {
  const oneLine = `${indent}${head}${items.join(', ')}${tail}`;
  if (width(oneLine) <= LINE_LENGTH) return oneLine;
  return `${indent}${head}\n${items.map((item) => `${indent}    ${item},`).join('\n')}\n${indent}${tail}`;
}

/** Indents every non-empty line of `text` by `levels` × four spaces. */
export function indent(text: string, levels = 1): string {
  const pad = '    '.repeat(levels);
  return text
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}

/**
 * A Python string literal as `ruff format` leaves it: double quotes unless the text holds more
 * double than single quotes; backslashes, the quote, control characters and lone surrogates
 * escaped (hex in lower case), everything else as typed.
 */
export function str(text: string): string {
  const doubles = text.split('"').length - 1;
  const singles = text.split("'").length - 1;
  const quote = doubles > singles ? "'" : '"';
  let body = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '\\') body += '\\\\';
    else if (char === quote) body += `\\${quote}`;
    else if (char === '\n') body += '\\n';
    else if (char === '\r') body += '\\r';
    else if (char === '\t') body += '\\t';
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) body += `\\x${code.toString(16).padStart(2, '0')}`;
    else if ((code >= 0xd800 && code <= 0xdfff) || code === 0x2028 || code === 0x2029) body += `\\u${code.toString(16).padStart(4, '0')}`;
    else body += char;
  }
  return `${quote}${body}${quote}`;
}

/**
 * A whole module: optional docstring, the import block, then top-level blocks separated by two
 * blank lines (statements given as one block stay together). Ends with exactly one newline.
 */
export function pyModule(parts: {
  readonly doc?: string;
  readonly imports?: readonly PyImport[];
  readonly firstParty: readonly string[];
  readonly self?: string;
  readonly blocks: readonly string[];
}): string {
  const chunks: string[] = [];
  if (parts.doc) chunks.push(`"""${docText(parts.doc)}"""`);
  const imports = renderImports(parts.imports ?? [], parts.firstParty, parts.self);
  if (imports) chunks.push(imports);
  const head = chunks.join('\n\n');
  const blocks = parts.blocks.map((b) => b.trimEnd()).filter((b) => b !== '');
  if (blocks.length === 0) return head === '' ? '' : `${head}\n`;
  const body = fitSource(blocks.join('\n\n\n'));
  if (head === '') return `${body}\n`;
  const gap = /^(def |async def |class |@)/.test(blocks[0]!) ? '\n\n\n' : '\n\n';
  return `${head}${gap}${body}\n`;
}

/**
 * Text safe inside a one-line docstring or comment: user-typed names may hold quotes,
 * backslashes or line breaks, which would end the string or the line early.
 */
export function docText(text: string): string {
  return text
    .replace(CONTROL_CHARACTERS, ' ')
    .replace(/["'\\`\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** C0 and C1 control characters, DEL included: matching them is the point. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;
