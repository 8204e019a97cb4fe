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

import { CLAUSES, Tokenizer, type LogicalLine } from './outline-tokens';

export interface Outline {
  readonly text: string;
  /** The file's 0-based row of each outline row. */
  readonly rows: Int32Array;
}

/** An outline smaller than this share of the file is worth parsing instead of the file. */
const WORTH = 0.6;

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
