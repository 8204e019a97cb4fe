/**
 * A tiny builder for Python source that `ruff format` and ruff's isort rule accept unchanged:
 * imports grouped and ordered as isort orders them, long calls split the way the formatter splits
 * them, two blank lines between top-level definitions, one trailing newline.
 */

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

const STDLIB_ROOTS = new Set([
  'asyncio', 'collections', 'contextlib', 'datetime', 'decimal', 'functools', 'json', 'logging', 'os',
  'pathlib', 'sqlite3', 'subprocess', 'sys', 'time', 'typing', 'uuid', 'logging.config', 'collections.abc',
  'typing_extensions', '__future__', 'threading', 'hashlib', 'importlib', 'dataclasses',
]);

function section(module: string, firstParty: readonly string[]): number {
  const root = module.split('.')[0] ?? module;
  if (module === '__future__') return 0;
  if (STDLIB_ROOTS.has(root) && root !== 'typing_extensions') return 1;
  if (firstParty.includes(root)) return 3;
  return 2;
}

/** isort's `order-by-type`: CONSTANTS, then Classes, then functions_and_variables, each case-insensitively. */
function nameOrder(a: string, b: string): number {
  const rank = (n: string): number => (n.length > 1 && n === n.toUpperCase() ? 0 : /^[A-Z]/.test(n) ? 1 : 2);
  const diff = rank(a) - rank(b);
  if (diff !== 0) return diff;
  return compareText(a.toLowerCase(), b.toLowerCase()) || compareText(a, b);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Module paths compare like isort's natural order for our names: by dotted segments, case-insensitively. */
function moduleOrder(a: string, b: string): number {
  return compareText(a.toLowerCase(), b.toLowerCase()) || compareText(a, b);
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
  const byModule = (list: string[]): string[] => list.sort(moduleOrder);
  for (const module of byModule([...plainModules])) sections[section(module, firstParty)]!.push(`import ${module}`);
  for (const module of byModule([...fromNames.keys()])) {
    const names = [...fromNames.get(module)!].sort(nameOrder);
    sections[section(module, firstParty)]!.push(fromImport(module, names));
  }
  return sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n');
}

function fromImport(module: string, names: readonly string[]): string {
  const line = `from ${module} import ${names.join(', ')}`;
  if (line.length <= LINE_LENGTH) return line;
  return `from ${module} import (\n${names.map((n) => `    ${n},`).join('\n')}\n)`;
}

/**
 * A call, signature or literal with its bracketed parts, split as the formatter does when it is
 * too long: first all arguments on one indented line, then one per line with a trailing comma.
 * `indent` is the indentation of the line the construct starts on.
 */
export function wrap(head: string, items: readonly string[], tail: string, indent = ''): string {
  const oneLine = `${indent}${head}${items.join(', ')}${tail}`;
  if (oneLine.length <= LINE_LENGTH) return oneLine;
  const inner = `${indent}    ${items.join(', ')}`;
  // The formatter gives a lone parameter of a split `def` a trailing comma; calls keep none.
  const loneDefParam = /^(async )?def /.test(head) && items.length === 1;
  if (inner.length <= LINE_LENGTH && !loneDefParam && !items.some((item) => item.includes('\n'))) {
    return `${indent}${head}\n${inner}\n${indent}${tail}`;
  }
  return `${indent}${head}\n${items.map((item) => `${indent}    ${item},`).join('\n')}\n${indent}${tail}`;
}

/** A list, tuple or dict literal: on one line when it fits, else one item per line with a trailing comma. */
export function wrapCollection(head: string, items: readonly string[], tail: string, indent = ''): string {
  const oneLine = `${indent}${head}${items.join(', ')}${tail}`;
  if (oneLine.length <= LINE_LENGTH) return oneLine;
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
  const body = blocks.join('\n\n\n');
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
