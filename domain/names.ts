/** How user-typed names become Python names (rules.md, `invalid-name`). */

/** Python's hard keywords that can appear in a lower-cased name (True/False/None cannot). */
export const PYTHON_KEYWORDS: ReadonlySet<string> = new Set([
  'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda',
  'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

/** Soft keywords: legal identifiers, but confusing as module or class names. */
export const PYTHON_SOFT_KEYWORDS: ReadonlySet<string> = new Set(['match', 'case', 'type', '_']);

/**
 * The Python form of a name: lower case, every run of characters other than ASCII letters,
 * digits and `_` becomes one `_`, leading and trailing `_` dropped (`Order Service` → `order_service`).
 */
export function pythonForm(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export type NameProblem = 'empty' | 'starts-with-digit' | 'keyword';

/** Why a name cannot be used as a Python identifier as it stands, or undefined when it can. */
export function nameProblem(name: string): NameProblem | undefined {
  const form = pythonForm(name);
  if (form === '') return 'empty';
  if (/^[0-9]/.test(form)) return 'starts-with-digit';
  if (PYTHON_KEYWORDS.has(form)) return 'keyword';
  return undefined;
}

export function describeNameProblem(name: string, problem: NameProblem): string {
  const form = pythonForm(name);
  switch (problem) {
    case 'empty':
      return `"${name}" has no letters or digits to make a Python name from`;
    case 'starts-with-digit':
      return `"${name}" becomes "${form}", which starts with a digit`;
    case 'keyword':
      return `"${name}" becomes "${form}", which is a Python keyword`;
  }
}

/**
 * Characters no generated file can carry as typed: control characters (line breaks, tabs, DEL
 * and the C1 range), line and paragraph separators, lone surrogates (not encodable as UTF-8),
 * the byte-order mark and the two noncharacters U+FFFE and U+FFFF. The export drops them
 * (whitespace among them becomes a space); `validate` reports names that hold them.
 */
export const UNSAFE_CHARACTERS = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}\uFEFF\uFFFE\uFFFF]/u;
const UNSAFE_GLOBAL = new RegExp(UNSAFE_CHARACTERS.source, 'gu');

/** `name` as one line of ordinary text: unsafe characters dropped, runs of whitespace one space. */
export function safeText(name: string): string {
  return name
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]/g, ' ')
    .replace(UNSAFE_GLOBAL, '')
    .replace(/\s+/g, ' ')
    .trim();
}
