/**
 * Notes after Auto-layout. The layout places nodes only; a note left where it was would often lie
 * over the nodes moved under it, hiding them and the arrows between them. Such a note goes to a
 * column to the right of the laid-out diagram, the moved notes in their old top-to-bottom order;
 * a note clear of every node stays where the user put it.
 */
import { notesOf, type Diagram, type Position } from '../../domain/diagram';

interface Size {
  readonly width: number;
  readonly height: number;
}

interface Rect extends Position, Size {}

/** Room kept around a node: a feature's frame and label are drawn in it. */
const MARGIN = 28;
/** Space between the diagram and the column of moved notes, and between the notes in it. */
const GAP = { column: 80, note: 16 } as const;

export function notesClearOf(diagram: Diagram, positions: ReadonlyMap<string, Position>, sizeOf: (id: string, isNote: boolean) => Size): Map<string, Position> {
  const notes = notesOf(diagram);
  if (notes.length === 0 || positions.size === 0) return new Map();
  const nodes = diagram.nodes.map((node) => rect(positions.get(node.id) ?? node.position, sizeOf(node.id, false), MARGIN));
  const covering = notes.filter((note) => nodes.some((box) => overlap(box, rect(note.position, sizeOf(note.id, true), 0))));
  if (covering.length === 0) return new Map();
  const staying = notes.filter((note) => !covering.includes(note)).map((note) => rect(note.position, sizeOf(note.id, true), 0));
  const right = Math.max(...[...nodes, ...staying].map((box) => box.x + box.width));
  const top = Math.min(...nodes.map((box) => box.y)) + MARGIN;
  const moved = new Map<string, Position>();
  let y = top;
  for (const note of [...covering].sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x)) {
    moved.set(note.id, { x: right + GAP.column, y });
    y += sizeOf(note.id, true).height + GAP.note;
  }
  return moved;
}

function rect(position: Position, size: Size, margin: number): Rect {
  return { x: position.x - margin, y: position.y - margin, width: size.width + 2 * margin, height: size.height + 2 * margin };
}

function overlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;
}
