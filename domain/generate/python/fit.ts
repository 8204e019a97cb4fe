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

/** One line split at its last call's parentheses, or unchanged when it is not that shape. */
export function fitLine(line: string): string {
  const tail = /\)(:|,)?$/.exec(line);
  if (!tail) return line;
  const close = tail.index;
  const scan = scanBrackets(line);
  if (!scan || scan.comment) return line;
  const open = scan.openerOf.get(close);
  if (open === undefined) return line;
  const indentation = /^ */.exec(line)![0];
  const head = line.slice(indentation.length, open + 1);
  const items = splitArguments(line.slice(open + 1, close));
  if (!items || items.length === 0) return line;
  return wrap(head, items, line.slice(close), indentation);
}

/** Matching brackets of a line, outside string literals; undefined when they do not balance. */
function scanBrackets(line: string): { openerOf: Map<number, number>; comment: boolean } | undefined {
  const openerOf = new Map<number, number>();
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
    else if (char === '#') return { openerOf, comment: true };
    else if ('([{'.includes(char)) stack.push(i);
    else if (')]}'.includes(char)) {
      const opener = stack.pop();
      if (opener === undefined || '([{'.indexOf(line[opener]!) !== ')]}'.indexOf(char)) return undefined;
      openerOf.set(i, opener);
    }
  }
  return stack.length === 0 && quote === '' ? { openerOf, comment: false } : undefined;
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
