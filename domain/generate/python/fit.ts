/**
 * Long call lines split as `ruff format` splits them. Code assembled from templates holds user
 * names of any length, so a line that fits for "orders" can pass 88 columns for "customer
 * address history entry"; this pass gives such lines the formatter's shape instead of every
 * template measuring itself.
 */
import { LINE_LENGTH, wrap } from './py';

/**
 * Every line of `text` longer than the limit that is one call (or a `def`/`if` header ending in
 * one) is split at the brackets of its last call: the arguments on one indented line when they
 * fit, else one per line with a trailing comma. Lines inside triple-quoted strings, lines with a
 * comment and lines of any other shape are left as they are.
 */
export function fitLines(text: string): string {
  const out: string[] = [];
  let inString = false;
  for (const line of text.split('\n')) {
    const quotes = (line.match(/"""|'''/g) ?? []).length;
    out.push(!inString && quotes === 0 && line.length > LINE_LENGTH ? fitLine(line) : line);
    if (quotes % 2 === 1) inString = !inString;
  }
  return out.join('\n');
}

/** One line split as ruff format splits it, or unchanged when it is not a shape handled here. */
export function fitLine(line: string): string {
  if (line.length <= LINE_LENGTH) return line;
  const scan = scanBrackets(line);
  if (!scan || scan.comment) return line;
  return fitDef(line, scan) ?? fitOptionalParameter(line) ?? fitStatement(line, scan) ?? line;
}

/** A parameter `name: Type | None = None,` of a split signature: the union splits before `|`. */
function fitOptionalParameter(line: string): string | undefined {
  const match = /^( *)(\w+: [\w.[\], ]+) \| None = None,$/.exec(line);
  return match ? `${match[1]}${match[2]}\n${match[1]}| None = None,` : undefined;
}

/** `def name(params) -> R:`: the parameters split (a lone one keeps a trailing comma); none: the annotation parenthesised. */
function fitDef(line: string, scan: Brackets): string | undefined {
  const match = /^( *)((?:async )?def \w+)\(/.exec(line);
  if (!match) return undefined;
  const open = match[0].length - 1;
  const close = scan.closerOf.get(open);
  if (close === undefined || !/^\)( -> .+)?:$/.test(line.slice(close))) return undefined;
  const [indentation, head] = [match[1]!, match[2]!];
  const items = splitArguments(line.slice(open + 1, close));
  if (!items) return undefined;
  if (items.length > 0) return refit(wrap(`${head}(`, items, line.slice(close), indentation));
  const annotation = /^\) -> (.+):$/.exec(line.slice(close))?.[1];
  return annotation ? `${indentation}${head}() -> (\n${indentation}    ${annotation}\n${indentation}):` : undefined;
}

/**
 * A statement ending in a call or a literal (then perhaps `.attr`, `.method()`, and `,` or `:`):
 * split at those brackets when the line up to them fits; else the value of an assignment, a
 * `return`, an `assert` or an `if` goes into parentheses on lines of its own (split again at its
 * loosest operator if need be), as the formatter prefers.
 */
function fitStatement(line: string, scan: Brackets): string | undefined {
  const indentation = /^ */.exec(line)![0];
  const split = splitLastBracket(line, scan, indentation);
  if (split && split.split('\n')[0]!.length <= LINE_LENGTH) return split;
  const statement = /^( *)(return |assert |if |[A-Za-z_][\w.]* = )(.+?)(:?)$/.exec(line);
  const [lead, colon] = [statement?.[2], statement?.[4]];
  const fits = statement && (lead === 'if ') === (colon === ':') && !(lead === 'assert ' && splitTopLevel(statement[3]!, ', ').length > 1);
  return (fits && parenthesised(statement[1]!, lead!, statement[3]!, colon!)) || split;
}

function splitLastBracket(line: string, scan: Brackets, indentation: string): string | undefined {
  const tail = /[)\]}]((?:\.\w+(?:\(\))?)*)([,:]?)$/.exec(line);
  if (!tail) return undefined;
  const close = tail.index;
  const open = scan.openerOf.get(close);
  // A subscript (`x[...]`) is not split here: only calls and literals.
  if (open === undefined || (line[open] === '[' && /[\w)\]]/.test(line[open - 1] ?? ''))) return undefined;
  const items = splitArguments(line.slice(open + 1, close));
  if (!items || items.length === 0) return undefined;
  return refit(wrap(line.slice(indentation.length, open + 1), items, line.slice(close), indentation));
}

/** The lines a split produced that are still too long, split in turn. */
function refit(text: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? line : fitLine(line)))
    .join('\n');
}

/** Operators a parenthesised value splits before, loosest first. */
const OPERATORS: ReadonlyArray<readonly string[]> = [[' if ', ' else '], [' or '], [' and '], [' == ', ' != ', ' is not ', ' is ', ' not in ', ' in ', ' <= ', ' >= ', ' < ', ' > ']];

/** `x = (` … `)`: the value one level in, on one line if it fits, else split before its loosest operator. */
function parenthesised(indentation: string, lead: string, value: string, colon: string): string | undefined {
  const inner = `${indentation}    `;
  const wrapped = (lines: string[]): string | undefined => {
    const body = lines.join('\n');
    // The formatter adds the parentheses only when the value then fits or splits.
    if (!body.includes('\n') && body.length > LINE_LENGTH) return undefined;
    return `${indentation}${lead}(\n${body}\n${indentation})${colon}`;
  };
  if (inner.length + value.length <= LINE_LENGTH) return wrapped([`${inner}${value}`]);
  for (const operators of OPERATORS) {
    const parts = splitOperators(value, operators);
    if (parts.length > 1) return wrapped(parts.map((part) => fitLine(`${inner}${part}`)));
  }
  // A lone call in parentheses only when its own split then fits; else the plain split stays.
  const body = fitLine(`${inner}${value}`);
  return body.split('\n')[0]!.length <= LINE_LENGTH ? wrapped([body]) : undefined;
}

/** `a == b` → [`a`, `== b`]: split before each top-level operator of the group. */
function splitOperators(value: string, operators: readonly string[]): string[] {
  let parts = [value];
  for (const operator of operators) {
    parts = parts.flatMap((part) => splitTopLevel(part, operator).map((piece, j) => (j === 0 ? piece : `${operator.trim()} ${piece}`)));
  }
  return parts;
}

/** `text` split at `separator` where it is outside brackets and strings. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = '';
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    else if (depth === 0 && text.startsWith(separator, i)) {
      parts.push(text.slice(start, i));
      start = i + separator.length;
      i += separator.length - 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

interface Brackets {
  readonly openerOf: Map<number, number>;
  readonly closerOf: Map<number, number>;
  readonly comment: boolean;
}

/** Matching brackets of a line, outside string literals; undefined when they do not balance. */
function scanBrackets(line: string): Brackets | undefined {
  const openerOf = new Map<number, number>();
  const closerOf = new Map<number, number>();
  const stack: number[] = [];
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = '';
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '#') return { openerOf, closerOf, comment: true };
    else if ('([{'.includes(char)) stack.push(i);
    else if (')]}'.includes(char)) {
      const opener = stack.pop();
      if (opener === undefined || '([{'.indexOf(line[opener]!) !== ')]}'.indexOf(char)) return undefined;
      openerOf.set(i, opener);
      closerOf.set(opener, i);
    }
  }
  return stack.length === 0 && quote === '' ? { openerOf, closerOf, comment: false } : undefined;
}

/** Top-level comma-separated arguments (a trailing comma dropped); undefined for an unsplittable text. */
function splitArguments(text: string): string[] | undefined {
  const items: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = '';
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    else if (char === ',' && depth === 0) {
      items.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last !== '') items.push(last);
  return items.every((item) => item !== '') ? joinLambdas(items) : undefined;
}

/** A lambda's own parameters (`lambda *args, **kwargs: x`) are one argument, not several. */
function joinLambdas(items: string[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    const previous = out[out.length - 1];
    if (previous !== undefined && /^lambda\b[^:]*$/.test(previous)) out[out.length - 1] = `${previous}, ${item}`;
    else out.push(item);
  }
  return out;
}
