/**
 * The light Markdown of notes: `**bold**`, lists (`- ` or `* ` at the start of a line) and links
 * (`[text](https://…)` or a bare `https://…`). Anything else is plain text; nothing is ever HTML.
 * Pure, so the canvas, the SVG picture and the export read notes the same way.
 */

export interface Span {
  readonly text: string;
  readonly bold?: boolean;
  /** Only http, https and mailto addresses become links. */
  readonly href?: string;
}

/** One line of text. */
export type Line = readonly Span[];

export type Block = { readonly type: 'paragraph'; readonly lines: readonly Line[] } | { readonly type: 'list'; readonly items: readonly Line[] };

const LIST_ITEM = /^\s*[-*]\s+(.*)$/;

export function parseMarkdown(text: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: Line[] = [];
  let list: Line[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', lines: paragraph });
    if (list.length > 0) blocks.push({ type: 'list', items: list });
    paragraph = [];
    list = [];
  };
  for (const line of text.split(/\r?\n/)) {
    const item = LIST_ITEM.exec(line);
    if (item) {
      if (paragraph.length > 0) flush();
      list.push(parseInline(item[1]!));
    } else if (line.trim() === '') {
      flush();
    } else {
      if (list.length > 0) flush();
      paragraph.push(parseInline(line));
    }
  }
  flush();
  return blocks;
}

const INLINE = /\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)|((?:https?:\/\/|mailto:)[^\s<>()]+[^\s<>().,;:!?'"])/g;

/** Bold runs and links in one line; the rest is text as typed. */
export function parseInline(line: string): Span[] {
  const spans: Span[] = [];
  let at = 0;
  for (const match of line.matchAll(INLINE)) {
    if (match.index > at) spans.push({ text: line.slice(at, match.index) });
    const [whole, bold, label, target, bare] = match;
    if (bold !== undefined) spans.push({ text: bold, bold: true });
    else if (label !== undefined) spans.push(linkOrText(label, target!, whole));
    else spans.push(linkOrText(bare!, bare!, whole));
    at = match.index + whole.length;
  }
  if (at < line.length) spans.push({ text: line.slice(at) });
  return spans;
}

/** A link only to the web or mail: `javascript:` and file addresses stay the text they were. */
function linkOrText(text: string, target: string, whole: string): Span {
  return safeHref(target) ? { text, href: target } : { text: whole };
}

export function safeHref(target: string): boolean {
  return /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(target);
}

/** The note as plain lines, for pictures and places without styling: bullets kept, marks dropped. */
export function plainLines(text: string): string[] {
  return parseMarkdown(text).flatMap((block) =>
    block.type === 'list' ? block.items.map((item) => `• ${spanText(item)}`) : block.lines.map(spanText),
  );
}

function spanText(line: Line): string {
  return line.map((span) => span.text).join('');
}
