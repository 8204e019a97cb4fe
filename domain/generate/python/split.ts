/**
 * Lines too long for ruff format, split the way ruff splits them: at the last bracket pair of
 * the line (its "right-hand split"), the contents on one indented line when they fit, else one
 * item per line with a trailing comma, recursively. Emitters wrap what they know is long; this
 * pass catches what user names make long anywhere. Lines without brackets, comments and the
 * insides of triple-quoted strings are left alone (ruff leaves them too).
 */
import { LINE_LENGTH } from './py';

interface Pair {
  readonly open: number;
  readonly close: number;
}

const OPEN = '([{';
const CLOSE = ')]}';

/** Top-level bracket pairs of a line and the top-level comma positions inside each, skipping strings. */
function topLevelPairs(line: string): Pair[] {
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

function skipString(line: string, at: number): number {
  const quote = line[at]!;
  for (let i = at + 1; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === quote) return i;
  }
  return line.length;
}

/** The items of a bracket's contents, split at top-level commas; a trailing comma leaves no empty item. */
function items(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '"' || ch === "'") i = skipString(body, i);
    else if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) {
      out.push(body.slice(from, i).trim());
      from = i + 1;
    }
  }
  const last = body.slice(from).trim();
  if (last !== '') out.push(last);
  return out;
}

const isComprehension = (body: string): boolean => / for [^()[\]{}]+ in /.test(body);

function indentOf(line: string): string {
  return /^ */.exec(line)![0];
}

/** `target = value` (or `target: Type = value`) split at its top-level `=`, for statements only. */
function assignment(line: string): { readonly target: string; readonly value: string; readonly join: string } | undefined {
  if (line.trimEnd().endsWith(',') || line.trimEnd().endsWith(':')) return undefined;
  // `await x(...)` and `return x(...)` statements parenthesize their operand the same way.
  const keyword = /^( *(?:await|return))( .*)$/.exec(line);
  if (keyword) return { target: keyword[1]!, value: keyword[2]!, join: ' ' };
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"' || ch === "'") i = skipString(line, i);
    else if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth--;
    else if (depth === 0 && line.startsWith(' = ', i - 1) && ch === '=') return { target: line.slice(0, i - 1), value: line.slice(i + 2), join: ' = ' };
  }
  return undefined;
}

/** Where a call chain `a(x).b(y).c(z)` breaks for ruff's fluent layout: before each top-level `.` after a `)`. */
function chainLinks(value: string): string[] {
  const links: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '"' || ch === "'") i = skipString(value, i);
    else if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth--;
    else if (ch === '.' && depth === 0 && value[i - 1] === ')') {
      links.push(value.slice(from, i));
      from = i;
    }
  }
  links.push(value.slice(from));
  return links;
}

/**
 * An assignment ruff writes with its value in parentheses: a call chain of two or more calls
 * (on one line inside them, else one call per line), a value without brackets, or a call whose
 * split would leave its first line too long.
 */
function fitAssignment(line: string, indent: string): string[] | undefined {
  const parts = assignment(line);
  if (!parts) return undefined;
  const value = parts.value.trim();
  const inner = `${indent}    ${value}`;
  const wrapped = (lines: string[]): string[] => [`${parts.target}${parts.join}(`, ...lines, `${indent})`];
  const links = chainLinks(value);
  if (links.length >= 3) return wrapped(inner.length <= LINE_LENGTH ? [inner] : links.map((l) => `${indent}    ${l}`));
  const pairs = topLevelPairs(value);
  if (pairs.length === 0) return inner.length <= LINE_LENGTH ? wrapped([inner]) : [line];
  const last = pairs[pairs.length - 1]!;
  const head = `${parts.target}${parts.join}${value.slice(0, last.open + 1)}`;
  // Parentheses only when they help: the value's own first line must then fit.
  const innerHead = `${indent}    ${value.slice(0, last.open + 1)}`;
  if (head.length > LINE_LENGTH && innerHead.length <= LINE_LENGTH) return wrapped(fitLine(inner));
  return undefined;
}

/** Whether every bracket the line opens it also closes: a line of a construct already split is left alone. */
function balanced(line: string): boolean {
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

/** One logical line, split until every piece fits (or cannot be split further). */
export function fitLine(line: string): string[] {
  if (line.length <= LINE_LENGTH || line.trimStart().startsWith('#') || !balanced(line)) return [line];
  const indent = indentOf(line);
  const assigned = /^( *)(async )?def /.test(line) ? undefined : fitAssignment(line, indent);
  if (assigned) return assigned;
  const def = /^( *)(async )?def \w+\(/.exec(line);
  const pairs = topLevelPairs(line);
  if (pairs.length === 0) return [line];
  const pair = def ? pairs[0]! : pairs[pairs.length - 1]!;
  const head = line.slice(0, pair.open + 1);
  const body = line.slice(pair.open + 1, pair.close);
  const tail = line.slice(pair.close);
  if (def && body.trim() === '') return fitReturnAnnotation(line, indent);
  if (body.trim() === '') return [line];
  const inner = `${indent}    ${body.trim()}`;
  const bracket = line[pair.open]!;
  const list = items(body);
  const magicComma = body.trimEnd().endsWith(',');
  // A lone parameter of a split `def` gets a trailing comma; so does any split subscript with several items.
  const loneDefParam = def !== null && list.length === 1;
  if (!magicComma && !loneDefParam && inner.length <= LINE_LENGTH) return [head, inner, `${indent}${tail}`];
  if (isComprehension(body)) return [head, ...comprehension(body, `${indent}    `), `${indent}${tail}`];
  if (list.length === 1 && !loneDefParam && !magicComma) return [head, ...fitLine(inner), `${indent}${tail}`];
  const noComma = list.length === 1 && bracket === '(' && !def && /^\*\*?/.test(list[0]!);
  return [head, ...list.flatMap((item) => fitLine(`${indent}    ${item}${noComma ? '' : ','}`)), `${indent}${tail}`];
}

/** `def name() -> LongType:` becomes `def name() -> (\n    LongType\n):`, as ruff writes it. */
function fitReturnAnnotation(line: string, indent: string): string[] {
  const arrow = line.lastIndexOf(' -> ');
  if (arrow < 0 || !line.endsWith(':')) return [line];
  return [`${line.slice(0, arrow)} -> (`, `${indent}    ${line.slice(arrow + 4, -1)}`, `${indent}):`];
}

/** A comprehension too long for one line: its element, then each `for` and `if` clause. */
function comprehension(body: string, indent: string): string[] {
  const parts = body.trim().split(/ (?=(?:async )?for |if )/);
  return parts.map((p) => `${indent}${p}`);
}

/** Every line of a Python source that ruff format would split, split as it would. */
export function fitSource(source: string): string {
  const out: string[] = [];
  let inString = false;
  for (const line of source.split('\n')) {
    const quotes = (line.match(/"""/g) ?? []).length;
    if (inString || quotes > 0) {
      out.push(line);
      if (quotes % 2 === 1) inString = !inString;
      continue;
    }
    out.push(...fitLine(line));
  }
  return out.join('\n');
}
