/**
 * Reading one line of Python the way the splitter needs it: brackets, top-level commas and
 * operators, with string literals skipped. No full parser: the generated code is simple enough
 * that brackets and quotes are all the structure a split needs.
 */

export interface Pair {
  readonly open: number;
  readonly close: number;
}

export const OPEN = '([{';
export const CLOSE = ')]}';

/** The index of the quote closing the string literal that opens at `at`. */
export function skipString(line: string, at: number): number {
  const quote = line[at]!;
  for (let i = at + 1; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === quote) return i;
  }
  return line.length;
}

/** Top-level bracket pairs of a line, up to a comment; none when the brackets do not balance. */
export function topLevelPairs(line: string): Pair[] {
  const pairs: Pair[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"' || ch === "'") {
      i = skipString(line, i);
      continue;
    }
    if (ch === '#') break;
    if (OPEN.includes(ch)) {
      if (depth === 0) start = i;
      depth++;
    } else if (CLOSE.includes(ch)) {
      depth--;
      if (depth === 0 && start >= 0) pairs.push({ open: start, close: i });
    }
  }
  return depth === 0 ? pairs : [];
}

/** Whether the line has a comment (a `#` outside strings). */
export function hasComment(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"' || ch === "'") i = skipString(line, i);
    else if (ch === '#') return true;
  }
  return false;
}

/** Whether every bracket the line opens it also closes: a line of a construct already split is left alone. */
export function balanced(line: string): boolean {
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"' || ch === "'") i = skipString(line, i);
    else if (ch === '#') break;
    else if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch) && --depth < 0) return false;
  }
  return depth === 0;
}

/** `text` cut at every top-level occurrence of `separator` (outside brackets and strings). */
export function splitTopLevel(text: string, separator: string): string[] {
  return splitAtAny(text, [separator]).map((cut) => cut.text);
}

/**
 * `text` cut at every top-level occurrence of any of `separators` (the first that matches at a
 * position wins, so list ` not in ` before ` in `); each piece but the first names the separator
 * that preceded it.
 */
function splitAtAny(text: string, separators: readonly string[]): Array<{ text: string; separator: string }> {
  const cuts: Array<{ text: string; separator: string }> = [];
  let depth = 0;
  let from = 0;
  let before = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"' || ch === "'") {
      i = skipString(text, i);
      continue;
    }
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth--;
    if (depth !== 0) continue;
    const separator = separators.find((s) => text.startsWith(s, i));
    if (!separator) continue;
    cuts.push({ text: text.slice(from, i), separator: before });
    before = separator;
    from = i + separator.length;
    i += separator.length - 1;
  }
  cuts.push({ text: text.slice(from), separator: before });
  return cuts;
}

/** The items of a bracket's contents, split at top-level commas; a trailing comma leaves no empty item. */
export function items(body: string): string[] {
  const parts = splitTopLevel(body, ',').map((part) => part.trim());
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return joinLambdas(parts);
}

/** A lambda's own parameters (`lambda *args, **kwargs: x`) are one item, not several. */
function joinLambdas(parts: string[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    const previous = out[out.length - 1];
    if (previous !== undefined && /^lambda\b[^:]*$/.test(previous)) out[out.length - 1] = `${previous}, ${part}`;
    else out.push(part);
  }
  return out;
}

/**
 * Binary operators by how loosely they bind, loosest first (a conditional expression's `if` and
 * `else` count as two, as ruff counts them). Only forms with spaces around them are operators:
 * the generated code writes unary `-x` and `*args` bare.
 */
const PRECEDENCE: ReadonlyArray<{ readonly operators: readonly string[] }> = [
  { operators: [' if ', ' else '] },
  { operators: [' or '] },
  { operators: [' and '] },
  { operators: [' not in ', ' is not ', ' == ', ' != ', ' is ', ' in ', ' <= ', ' >= ', ' < ', ' > '] },
  { operators: [' | '] },
  { operators: [' + ', ' - '] },
  { operators: [' * ', ' / ', ' // ', ' % '] },
];

export interface OperatorSplit {
  /** The operands, each but the first starting with its operator (`is None`, `or x`, `else y`). */
  readonly parts: readonly string[];
  /** How many operators of the loosest kind the value has: ruff keeps parentheses when more than one. */
  readonly count: number;
}

/** `value` split before each of its loosest top-level operators; undefined when it has none. */
export function splitOperators(value: string): OperatorSplit | undefined {
  if (/^(lambda\b|not )/.test(value)) return undefined;
  for (const { operators } of PRECEDENCE) {
    const cuts = splitAtAny(value, operators);
    if (cuts.length > 1) return { parts: cuts.map((cut) => (cut.separator ? `${cut.separator.trim()} ${cut.text}` : cut.text)), count: cuts.length - 1 };
  }
  return undefined;
}

/** East Asian wide and fullwidth characters and emoji: two columns each, as ruff measures them. */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff], [0x20000, 0x3fffd],
];

/** The columns a line takes: ruff's line length counts a wide character twice and a surrogate pair once. */
export function width(text: string): number {
  if (!/[\u1100-\uffff]/.test(text)) return text.length;
  let columns = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    columns += code >= 0x1100 && WIDE.some(([low, high]) => code >= low && code <= high) ? 2 : 1;
  }
  return columns;
}
