/**
 * The words in a picture: the diagram's notes (a card for a sticky note, bare text otherwise, with
 * bold runs and bullets kept) and the labels on arrows. Plain SVG text, wrapped by a character
 * estimate, since there is no layout engine to measure with.
 */
import { notesOf, type Diagram, type DiagramNote } from '../../domain/diagram';
import { parseMarkdown, type Line, type Span } from '../../domain/markdown';
import { labelPoint, type Box, type Route } from '../../domain/routing';

export interface WordColours {
  readonly text: string;
  readonly border: string;
  readonly canvas: string;
  readonly note: string;
  readonly noteBorder: string;
  readonly noteText: string;
  readonly accent: string;
}

export const NOTE_WIDTH = 200;
const PADDING = 12;
const LINE_HEIGHT = 18;
/** How many 13 px characters fit across a note. */
const LINE_CHARACTERS = 26;
const LABEL_CHARACTER_WIDTH = 6.6;

/** Where each note is drawn, for the picture's bounds. */
export function noteBoxes(diagram: Diagram): Box[] {
  return notesOf(diagram).map((note) => ({ ...note.position, width: NOTE_WIDTH, height: noteHeight(note) }));
}

export function notesSvg(diagram: Diagram, colours: WordColours, escape: (text: string) => string): string[] {
  return notesOf(diagram).map((note) => noteSvg(note, colours, escape));
}

function noteSvg(note: DiagramNote, colours: WordColours, escape: (text: string) => string): string {
  const { x, y } = note.position;
  const sticky = note.style === 'sticky';
  const parts: string[] = [];
  if (sticky) {
    parts.push(`<rect x="${x}" y="${y}" width="${NOTE_WIDTH}" height="${noteHeight(note)}" rx="4" fill="${colours.note}" stroke="${colours.noteBorder}"/>`);
  }
  const fill = sticky ? colours.noteText : colours.text;
  wrappedLines(note.text).forEach((line, i) => {
    const spans = line.map((span) => tspan(span, colours, escape)).join('');
    parts.push(`<text x="${x + PADDING}" y="${y + PADDING + 13 + i * LINE_HEIGHT}" font-size="13" fill="${fill}">${spans}</text>`);
  });
  return `<g class="note" data-id="${escape(note.id)}">${parts.join('')}</g>`;
}

function tspan(span: Span, colours: WordColours, escape: (text: string) => string): string {
  const text = escape(span.text);
  if (span.href) return `<tspan fill="${colours.accent}" text-decoration="underline">${text}</tspan>`;
  return span.bold ? `<tspan font-weight="700">${text}</tspan>` : `<tspan>${text}</tspan>`;
}

function noteHeight(note: DiagramNote): number {
  return Math.max(note.style === 'sticky' ? 80 : 30, 2 * PADDING + wrappedLines(note.text).length * LINE_HEIGHT);
}

/** The note's lines, list items bulleted, each wrapped at word boundaries to the note's width. */
function wrappedLines(text: string): Line[] {
  return parseMarkdown(text).flatMap((block) =>
    block.type === 'list' ? block.items.flatMap((item) => wrap([{ text: '• ' }, ...item])) : block.lines.flatMap(wrap),
  );
}

function wrap(line: Line): Line[] {
  const lines: Span[][] = [[]];
  let used = 0;
  for (const span of line) {
    for (const word of span.text.split(/(?<=\s)/)) {
      if (used + word.length > LINE_CHARACTERS && used > 0) {
        lines.push([]);
        used = 0;
      }
      lines.at(-1)!.push({ ...span, text: word });
      used += word.length;
    }
  }
  return lines;
}

/** An arrow's label on the middle of its route (beside the finding badge when there is one). */
export function edgeLabelSvg(label: string | undefined, route: Route | undefined, flagged: boolean, colours: WordColours, escape: (text: string) => string): string {
  if (!label || !route || route.length < 2) return '';
  const point = labelPoint(route);
  const width = Math.round(label.length * LABEL_CHARACTER_WIDTH + 12);
  const left = flagged ? point.x + 14 : point.x - width / 2;
  const rect = `<rect x="${round(left)}" y="${round(point.y - 10)}" width="${width}" height="20" rx="4" fill="${colours.canvas}" stroke="${colours.border}"/>`;
  const text = `<text x="${round(left + width / 2)}" y="${round(point.y + 4)}" font-size="12" text-anchor="middle" fill="${colours.text}">${escape(label)}</text>`;
  return `<g class="edge-label">${rect}${text}</g>`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
