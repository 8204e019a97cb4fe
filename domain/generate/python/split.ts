/**
 * Lines too long for ruff format, split the way ruff splits them. Code assembled from templates
 * holds user names of any length, so a line that fits for "orders" can pass 88 columns for
 * "customer address history entry"; this one pass, run on every module and test file the
 * generator writes, gives such lines the formatter's shape instead of every template measuring
 * itself:
 * - a statement's value (assignment, `return`, `assert`, an `if`/`elif`/`while` test) goes into
 *   parentheses when ruff puts it there: it has operators (split before the loosest ones), it is
 *   a call chain, it has no brackets, or its last bracket cannot carry the split (a subscript,
 *   or a head too long to fit);
 * - otherwise the last bracket pair splits ("right-hand split"; a `def` its parameters): the
 *   contents on one indented line when they fit, else one item per line with a trailing comma,
 *   each split again if need be.
 * Comments and the insides of triple-quoted strings are left alone.
 */
import { LINE_LENGTH } from './py';
import { balanced, CLOSE, hasComment, items, OPEN, skipString, splitOperators, topLevelPairs, width, type Pair } from './scan';

const isComprehension = (body: string): boolean => / for [^()[\]{}]+ in /.test(body);

function indentOf(line: string): string {
  return /^ */.exec(line)![0];
}

/** A statement whose value ruff may put in parentheses: `head(` value `)` + colon. */
interface Clause {
  readonly head: string;
  readonly value: string;
  readonly colon: string;
}

/** The clause of an `if`/`elif`/`while` header, a `return`/`await`/`assert`, or an assignment. */
function clauseOf(line: string): Clause | undefined {
  const header = /^( *(?:if|elif|while) )(.+):$/.exec(line);
  if (header) return { head: header[1]!, value: header[2]!, colon: ':' };
  if (line.endsWith(',') || line.endsWith(':')) return undefined;
  const keyword = /^( *(?:await|return|assert) )(.+)$/.exec(line);
  // An assert with a message has two values; ruff treats each on its own, which is not done here.
  if (keyword) return keyword[1]!.trim() === 'assert' && items(keyword[2]!).length > 1 ? undefined : { head: keyword[1]!, value: keyword[2]!, colon: '' };
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"' || ch === "'") i = skipString(line, i);
    else if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth--;
    else if (depth === 0 && ch === '=' && line.startsWith(' = ', i - 1)) return { head: line.slice(0, i + 2), value: line.slice(i + 2), colon: '' };
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

/** A subscript (`x[...]`): ruff does not split one to spare parentheses, "it looks weird". */
function isSubscript(text: string, pair: Pair): boolean {
  return text[pair.open] === '[' && /[\w)\]]/.test(text[pair.open - 1] ?? '');
}

/** Whether `value` ends in a non-empty call or literal whose brackets can carry the split. */
function endsInBrackets(value: string, pair: Pair | undefined): pair is Pair {
  return pair !== undefined && pair.close === value.length - 1 && pair.close > pair.open + 1 && !isSubscript(value, pair);
}

/**
 * A clause as ruff writes it when it does not fit: in parentheses (one line inside them, else
 * split), or undefined when the last bracket pair carries the split instead.
 */
function fitClause(line: string, indent: string, clause: Clause): string[] | undefined {
  const { head, value, colon } = clause;
  const inner = `${indent}    ${value}`;
  const wrapped = (lines: string[]): string[] => [`${head}(`, ...lines, `${indent})${colon}`];
  const pairs = topLevelPairs(value);
  const last = carrier(value, pairs, false, width(head));
  const headFits = last !== undefined && width(`${head}${value.slice(0, last.open + 1)}`) <= LINE_LENGTH;
  const operators = splitOperators(value);
  if (operators) {
    // One operator and a value ending in brackets: ruff splits those brackets if the line up to them fits.
    if (operators.count === 1 && endsInBrackets(value, pairs[pairs.length - 1]) && headFits) return undefined;
    if (width(inner) <= LINE_LENGTH) return wrapped([inner]);
    return wrapped(operators.parts.flatMap((part) => fitExpression(`${indent}    ${part}`)));
  }
  const links = chainLinks(value);
  if (links.length >= 3) return wrapped(width(inner) <= LINE_LENGTH ? [inner] : links.map((l) => `${indent}    ${l}`));
  // Parentheses only when they help: a value without brackets (or with only empty ones) must then fit.
  if (!last) return width(inner) <= LINE_LENGTH ? wrapped([inner]) : [line];
  const innerHead = `${indent}    ${value.slice(0, last.open + 1)}`;
  if (!headFits && width(innerHead) <= LINE_LENGTH) return wrapped(fitExpression(inner));
  return undefined;
}

/** `name: Type | None = None,` of a split signature, too long: the union splits before `|`. */
function fitOptionalParameter(line: string): string[] | undefined {
  const match = /^( *)(\w+: [\w.[\], ]+) \| None = None,$/.exec(line);
  return match ? [`${match[1]}${match[2]}`, `${match[1]}| None = None,`] : undefined;
}

/** One logical line, split until every piece fits (or cannot be split further). */
export function fitLine(line: string): string[] {
  if (width(line) <= LINE_LENGTH || line.trimStart().startsWith('#') || hasComment(line) || !balanced(line)) return [line];
  if (/^ *(async )?def /.test(line)) return fitBrackets(line);
  const clause = clauseOf(line);
  return fitOptionalParameter(line) ?? (clause && fitClause(line, indentOf(line), clause)) ?? fitBrackets(line);
}

/** A piece of an expression (an operand on its own line): only its brackets split. */
function fitExpression(line: string): string[] {
  return width(line) <= LINE_LENGTH ? [line] : fitBrackets(line);
}

const hasContents = (pair: Pair): boolean => pair.close > pair.open + 1;

/**
 * The pair a line splits at: a def's parameters; else, as ruff's printer decides, the first pair
 * with contents whose line, up to where the next such pair opens (or to the end), does not fit
 * — so `a = f(x).g(y)` splits `g(`, unless `a = f(x).g(` is already too long: then `f(`.
 * `before` is the width of what precedes `text` on its line.
 */
function carrier(text: string, pairs: readonly Pair[], def = false, before = 0): Pair | undefined {
  if (def) return pairs[0];
  const full = pairs.filter(hasContents);
  return full.find((_pair, i) => before + width(text.slice(0, i + 1 < full.length ? full[i + 1]!.open + 1 : text.length)) > LINE_LENGTH) ?? full[full.length - 1];
}

/** The right-hand split: at the pair `carrier` picks (a def's parameters), recursively. */
function fitBrackets(line: string, known?: readonly Pair[]): string[] {
  const indent = indentOf(line);
  const def = /^( *)(async )?def \w+\(/.exec(line) !== null;
  const pairs = known ?? topLevelPairs(line);
  const pair = carrier(line, pairs, def);
  if (def && pair && !hasContents(pair)) return fitReturnAnnotation(line, indent);
  if (!pair) return [line];
  const lines = splitAt(line, pair, def, indent);
  const closing = lines.pop()!;
  // What follows the split pair (`).method(args)`) splits in turn at the pairs after it.
  const shift = indent.length - pair.close;
  const rest = pairs.filter((p) => p.open > pair.close).map((p) => ({ open: p.open + shift, close: p.close + shift }));
  return [...lines, ...(width(closing) > LINE_LENGTH && rest.some(hasContents) ? fitBrackets(closing, rest) : [closing])];
}

/** `line` split at `pair`: the head up to its opening bracket, its contents, the closing line. */
function splitAt(line: string, pair: Pair, def: boolean, indent: string): string[] {
  const head = line.slice(0, pair.open + 1);
  const body = line.slice(pair.open + 1, pair.close);
  const tail = line.slice(pair.close);
  const inner = `${indent}    ${body.trim()}`;
  const bracket = line[pair.open]!;
  const list = items(body);
  const magicComma = body.trimEnd().endsWith(',');
  // A lone parameter of a split `def` gets a trailing comma; so does any split subscript with several items.
  const loneDefParam = def && list.length === 1;
  // A literal collection of several items, once split, has one per line (black's rule for atoms).
  const literal = !def && list.length > 1 && !isComprehension(body) && !/[\w)\]}"']$/.test(head.slice(0, -1));
  if (!magicComma && !loneDefParam && !literal && width(inner) <= LINE_LENGTH) return [head, inner, `${indent}${tail}`];
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
    const quotes = (line.match(/"""|'''/g) ?? []).length;
    if (inString || quotes > 0) {
      out.push(line);
      if (quotes % 2 === 1) inString = !inString;
      continue;
    }
    out.push(...fitLine(line));
  }
  return out.join('\n');
}
