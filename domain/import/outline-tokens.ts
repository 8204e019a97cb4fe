/**
 * The tokenizer behind the outline (outline.ts): Python's own lexical rules — strings, f-strings,
 * brackets, line continuations, indentation — cut a file into logical lines, each with what the
 * outline decides on: its first token, whether it imports, whether it opens a block, and whether
 * its tokens could not be valid Python 3 (`print "x"`, a stray bracket, an unfinished string).
 */

export interface LogicalLine {
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
export const CLAUSES = new Set(['elif', 'else', 'except', 'finally']);
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
export class Tokenizer {
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
