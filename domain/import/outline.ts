/**
 * The outline of a Python file: the part of it the importer's queries read, so the parser can be
 * given that instead of the whole file. Parsing is most of an import's cost, and most of a file
 * is function bodies in which nothing but an occasional import matters.
 *
 * A tokenizer made for the job (strings, f-strings, brackets, line continuations, indentation:
 * Python's own lexical rules) cuts the text into logical lines and keeps, verbatim: every
 * top-level statement, every import statement wherever it is, the headers of the compound
 * statements around each import (with their `elif`/`else`/`except`/`finally` clauses and
 * decorators, so the outline is still Python), and every line whose tokens could not be valid
 * Python 3 (Python 2's `print "x"`, a stray bracket, an unfinished string), so that the parser
 * still sees what is wrong. A block that loses all its lines gets `pass`. `rows` maps each line
 * of the outline back to its line in the file; columns are unchanged.
 *
 * The outline is only a speed-up: the caller parses the whole file whenever the outline does not
 * parse cleanly, so a broken file is always reported from the parser's reading of all of it.
 */

export interface Outline {
  readonly text: string;
  /** The file's 0-based row of each outline row. */
  readonly rows: Int32Array;
}

/** An outline smaller than this share of the file is worth parsing instead of the file. */
const WORTH = 0.6;

interface LogicalLine {
  /** Offset of its first physical line, and past its last one (its newline included). */
  readonly start: number;
  end: number;
  readonly row: number;
  rowCount: number;
  readonly indent: number;
  /** The first token: a name or keyword, or the punctuation it starts with. */
  first: string;
  imports: boolean;
  suspicious: boolean;
  /** Its last token at bracket depth 0 is `:`: it opens a block. */
  endsWithColon: boolean;
  parent: number;
  kept: boolean;
}

const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
  'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
  'while', 'with', 'yield',
]);
/** Atoms among the keywords: `None` may stand where a name does. */
const ATOM_KEYWORDS = new Set(['False', 'None', 'True']);
/** Names that are keywords only at the start of a statement: `match x:`, `case [a]:`, `type X = int`. */
const SOFT_KEYWORDS = new Set(['match', 'case', 'type']);
/** Clauses that continue the compound statement above them. */
const CLAUSES = new Set(['elif', 'else', 'except', 'finally']);
const STRING_PREFIX = /^(?:[rRbBuUfFtT]|[rR][bBfFtT]|[bBfFtT][rR])$/;

const enum Char {
  Tab = 9,
  Newline = 10,
  FormFeed = 12,
  Return = 13,
  Space = 32,
  Quote = 34,
  Hash = 35,
  Apostrophe = 39,
  OpenParen = 40,
  CloseParen = 41,
  Dot = 46,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  At = 64,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  Underscore = 95,
  OpenBrace = 123,
  CloseBrace = 125,
  Dollar = 36,
  Question = 63,
  Backtick = 96,
}

/** What the previous token was, to spot two atoms side by side (`print "x"`, `exec code`). */
const enum Previous {
  None,
  Operator,
  Opening,
  Keyword,
  Name,
  Number,
  String,
  Close,
}

function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === Char.Underscore || code >= 128;
}

function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= Char.Zero && code <= Char.Nine);
}

function isDigit(code: number): boolean {
  return code >= Char.Zero && code <= Char.Nine;
}

/** Reads a file's logical lines. */
class Tokenizer {
  private at = 0;
  private row = 0;
  readonly lines: LogicalLine[] = [];

  constructor(private readonly text: string) {}

  run(): void {
    const text = this.text;
    while (this.at < text.length) {
      const start = this.at;
      const row = this.row;
      const indent = this.indentation();
      const code = text.charCodeAt(this.at);
      if (this.at >= text.length || code === Char.Newline || code === Char.Hash || code === Char.Return) {
        this.skipPhysicalLine();
        continue;
      }
      const line: LogicalLine = { start, end: start, row, rowCount: 0, indent, first: '', imports: false, suspicious: false, endsWithColon: false, parent: -1, kept: false };
      this.logicalLine(line);
      line.end = this.at;
      line.rowCount = this.row - row + (this.at > 0 && text.charCodeAt(this.at - 1) === Char.Newline ? 0 : 1);
      this.lines.push(line);
    }
  }

  /** The width of the leading whitespace, a tab reaching the next multiple of 8 as in Python. */
  private indentation(): number {
    const text = this.text;
    let width = 0;
    for (; this.at < text.length; this.at++) {
      const code = text.charCodeAt(this.at);
      if (code === Char.Space) width++;
      else if (code === Char.Tab) width = (Math.floor(width / 8) + 1) * 8;
      else if (code !== Char.FormFeed) break;
    }
    return width;
  }

  private skipPhysicalLine(): void {
    const next = this.text.indexOf('\n', this.at);
    this.at = next < 0 ? this.text.length : next + 1;
    this.row++;
  }

  /** Tokens up to the newline that ends the statement (outside brackets, not after a backslash). */
  private logicalLine(line: LogicalLine): void {
    const text = this.text;
    let depth = 0;
    let previous = Previous.None;
    let count = 0;
    let colonLast = false;
    while (this.at < text.length) {
      const code = text.charCodeAt(this.at);
      let kind: Previous;
      if (code === Char.Space || code === Char.Tab || code === Char.FormFeed || code === Char.Return) {
        this.at++;
        continue;
      } else if (code === Char.Hash) {
        const next = text.indexOf('\n', this.at);
        this.at = next < 0 ? text.length : next;
        continue;
      } else if (code === Char.Newline) {
        this.at++;
        this.row++;
        if (depth === 0) break;
        continue;
      } else if (code === Char.Backslash) {
        const next = text.charCodeAt(this.at + 1) === Char.Return ? this.at + 2 : this.at + 1;
        if (text.charCodeAt(next) === Char.Newline) {
          this.at = next + 1;
          this.row++;
          continue;
        }
        line.suspicious = true;
        this.at++;
        kind = Previous.Operator;
      } else if (isNameStart(code)) {
        kind = this.name(line, count === 0);
      } else if (isDigit(code) || (code === Char.Dot && isDigit(text.charCodeAt(this.at + 1)))) {
        this.number();
        kind = Previous.Number;
      } else if (code === Char.Quote || code === Char.Apostrophe) {
        if (!this.string(false)) line.suspicious = true;
        kind = Previous.String;
      } else {
        this.at++;
        if (code === Char.OpenParen || code === Char.OpenBracket || code === Char.OpenBrace) {
          depth++;
          kind = Previous.Opening;
        } else if (code === Char.CloseParen || code === Char.CloseBracket || code === Char.CloseBrace) {
          if (depth === 0) line.suspicious = true;
          else depth--;
          kind = Previous.Close;
        } else {
          if (code === Char.Dollar || code === Char.Question || code === Char.Backtick) line.suspicious = true;
          if (count === 0 && code === Char.At) line.first = '@';
          kind = Previous.Operator;
        }
      }
      if (sideBySide(previous, kind) && !(count === 1 && SOFT_KEYWORDS.has(line.first))) line.suspicious = true;
      // The bracket just opened is at the depth outside it.
      if (depth === 0 || (depth === 1 && kind === Previous.Opening)) colonLast = code === Char.Colon;
      previous = kind;
      count++;
    }
    // An open bracket at the end of the file: the statement never ended.
    if (depth > 0) line.suspicious = true;
    line.endsWithColon = colonLast;
  }

  /** A name, a keyword, or a string's prefix (then the string). */
  private name(line: LogicalLine, first: boolean): Previous {
    const text = this.text;
    const begin = this.at;
    while (this.at < text.length && isNameChar(text.charCodeAt(this.at))) this.at++;
    const length = this.at - begin;
    const after = text.charCodeAt(this.at);
    if (length <= 2 && (after === Char.Quote || after === Char.Apostrophe) && STRING_PREFIX.test(text.slice(begin, this.at))) {
      if (!this.string(/[fFtT]/.test(text.slice(begin, this.at)))) line.suspicious = true;
      return Previous.String;
    }
    // No keyword is longer than eight letters: longer names need no string of their own.
    if (length > 8 && !first) return Previous.Name;
    const name = text.slice(begin, this.at);
    if (first) line.first = name;
    if (name === 'import') line.imports = true;
    return KEYWORDS.has(name) && !ATOM_KEYWORDS.has(name) ? Previous.Keyword : Previous.Name;
  }

  private number(): void {
    const text = this.text;
    const hex = text.charCodeAt(this.at) === Char.Zero && (text[this.at + 1] === 'x' || text[this.at + 1] === 'X');
    while (this.at < text.length) {
      const code = text.charCodeAt(this.at);
      const previous = text[this.at - 1];
      const exponentSign = !hex && (code === 43 || code === 45) && (previous === 'e' || previous === 'E');
      if (isNameChar(code) || code === Char.Dot || exponentSign) this.at++;
      else break;
    }
  }

  /**
   * Skips a string literal starting at its quote; false when it does not end where Python says
   * it must (a single-quoted string at its line's end, any string at the file's end).
   */
  private string(formatted: boolean): boolean {
    const text = this.text;
    const quote = text.charCodeAt(this.at);
    const triple = text.charCodeAt(this.at + 1) === quote && text.charCodeAt(this.at + 2) === quote;
    this.at += triple ? 3 : 1;
    while (this.at < text.length) {
      const code = text.charCodeAt(this.at);
      if (code === Char.Backslash) {
        if (text.charCodeAt(this.at + 1) === Char.Newline) this.row++;
        this.at += 2;
      } else if (code === quote && (!triple || (text.charCodeAt(this.at + 1) === quote && text.charCodeAt(this.at + 2) === quote))) {
        this.at += triple ? 3 : 1;
        return true;
      } else if (code === Char.Newline) {
        if (!triple) return false;
        this.row++;
        this.at++;
      } else if (formatted && code === Char.OpenBrace) {
        if (text.charCodeAt(this.at + 1) === Char.OpenBrace) this.at += 2;
        else {
          this.at++;
          if (!this.replacementField()) return false;
        }
      } else {
        this.at++;
      }
    }
    return false;
  }

  /** Skips an f-string's `{expression!r:spec}` after its `{`, nested strings and fields included. */
  private replacementField(): boolean {
    const text = this.text;
    let depth = 0;
    let spec = false;
    while (this.at < text.length) {
      const code = text.charCodeAt(this.at);
      if (code === Char.CloseBrace && depth === 0) {
        this.at++;
        return true;
      }
      if (spec) {
        if (code === Char.OpenBrace) {
          this.at++;
          if (!this.replacementField()) return false;
        } else {
          if (code === Char.Newline) this.row++;
          this.at++;
        }
      } else if (code === Char.Quote || code === Char.Apostrophe) {
        if (!this.string(/[fFtT][rR]?$/.test(text.slice(Math.max(0, this.at - 2), this.at)))) return false;
      } else if (code === Char.OpenParen || code === Char.OpenBracket || code === Char.OpenBrace) {
        depth++;
        this.at++;
      } else if (code === Char.CloseParen || code === Char.CloseBracket || code === Char.CloseBrace) {
        depth--;
        this.at++;
      } else if (code === Char.Colon && depth === 0) {
        spec = true;
        this.at++;
      } else {
        if (code === Char.Newline) this.row++;
        this.at++;
      }
    }
    return false;
  }
}

/** Two atoms in a row are no Python 3 (string literals may follow one another). */
function sideBySide(previous: Previous, current: Previous): boolean {
  if (current === Previous.Operator || current === Previous.Opening || current === Previous.Keyword || current === Previous.Close) return false;
  if (previous === Previous.String) return current === Previous.Name || current === Previous.Number;
  return previous === Previous.Name || previous === Previous.Number || previous === Previous.Close;
}

/** Links each line to the line whose block it is in, marking indentation Python would refuse. */
function nest(lines: LogicalLine[]): void {
  const stack: number[] = [];
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    if (previous && line.indent > previous.indent && !previous.endsWithColon) line.suspicious = true;
    if (previous?.endsWithColon && line.indent <= previous.indent) previous.suspicious = true;
    let matched = false;
    while (stack.length > 0 && lines[stack[stack.length - 1]!]!.indent >= line.indent) {
      if (lines[stack.pop()!]!.indent === line.indent) matched = true;
    }
    const parent = stack[stack.length - 1];
    line.parent = parent ?? -1;
    const opensBlock = parent !== undefined && parent === index - 1;
    // A dedent to a level no enclosing block has, or a first line indented.
    if (!matched && !opensBlock && !(parent === undefined && line.indent === 0)) line.suspicious = true;
    stack.push(index);
  });
}

/** Keeps what the importer reads, the blocks around it, and the rest of each compound statement. */
function choose(lines: LogicalLine[]): void {
  for (const line of lines) {
    if (!(line.parent < 0 || line.imports || line.suspicious)) continue;
    for (let at: LogicalLine | undefined = line; at && !at.kept; at = lines[at.parent]) at.kept = true;
  }
  // Siblings that make one statement (decorators, the header, its continuing clauses) are kept
  // together: each line points to the first line of its statement.
  const head = new Int32Array(lines.length);
  const lastChild = new Int32Array(lines.length + 1).fill(-1);
  const anyKept = new Uint8Array(lines.length);
  lines.forEach((line, index) => {
    const sibling = lastChild[line.parent + 1]!;
    const continues = sibling >= 0 && (CLAUSES.has(line.first) || lines[sibling]!.first === '@');
    head[index] = continues ? head[sibling]! : index;
    lastChild[line.parent + 1] = index;
    if (line.kept) anyKept[head[index]!] = 1;
  });
  lines.forEach((line, index) => {
    if (anyKept[head[index]!]) line.kept = true;
  });
}

/** The outline of `text`, or undefined when the file is not worth outlining (it is mostly what would be kept). */
export function outlineOf(text: string): Outline | undefined {
  const tokenizer = new Tokenizer(text);
  tokenizer.run();
  const lines = tokenizer.lines;
  nest(lines);
  choose(lines);
  // Kept lines have kept ancestors, so a block with anything kept has a kept line of its own.
  const keptChild = new Uint8Array(lines.length);
  for (const line of lines) if (line.kept && line.parent >= 0) keptChild[line.parent] = 1;
  const parts: string[] = [];
  const rows: number[] = [];
  let size = 0;
  lines.forEach((line, index) => {
    if (!line.kept) return;
    const part = text.slice(line.start, line.end);
    parts.push(part.endsWith('\n') ? part : `${part}\n`);
    size += part.length;
    for (let r = 0; r < line.rowCount; r++) rows.push(line.row + r);
    const child = lines[index + 1];
    if (line.endsWithColon && child && child.parent === index && !keptChild[index]) {
      parts.push(`${leadingSpace(text, child.start)}pass\n`);
      rows.push(child.row);
    }
  });
  if (size > text.length * WORTH) return undefined;
  return { text: parts.join(''), rows: Int32Array.from(rows) };
}

function leadingSpace(text: string, start: number): string {
  let end = start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t' || text[end] === '\f')) end++;
  return text.slice(start, end);
}
