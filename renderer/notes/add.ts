/** Adding notes: from the palette, a drop, or a menu; the new note opens for typing. */
import { notesOf, type Diagram, type NoteStyle, type Position } from '../../domain/diagram';
import { measuredSize } from '../canvas/derive';
import { NODE_SIZE } from '../canvas/features';
import { freshId } from '../../domain/edits';
import { useStore } from '../store/store';

export const NOTE_DRAG_TYPE = 'application/x-strata-note';
/** Half a new note's size, so a note dropped or added at a point is centred on it. */
export const NOTE_HALF = { x: 100, y: 40 };

export function addNote(style: NoteStyle, centre: Position): string {
  const { diagram, edit, select, rename } = useStore.getState();
  const id = freshId(diagram, 'note');
  const position = freeSpot(diagram, { x: Math.round(centre.x - NOTE_HALF.x), y: Math.round(centre.y - NOTE_HALF.y) });
  edit({ type: 'add-notes', notes: [{ id, style, text: '', position }] });
  select({ nodes: new Set([id]), edges: new Set() });
  rename(id);
  return id;
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const NOTE_BOX = { width: NOTE_HALF.x * 2, height: NOTE_HALF.y * 2 };
const GAP = 12;
const STEP = 40;

/**
 * The nearest place to `wanted` where a new note covers no component and no other note, tried on
 * widening rings around it: a note dropped on a busy spot must not hide what is there.
 */
export function freeSpot(diagram: Diagram, wanted: Position): Position {
  const boxes: Box[] = [
    ...diagram.nodes.map((node) => ({ ...node.position, ...(measuredSize(node.id) ?? NODE_SIZE) })),
    ...notesOf(diagram).map((note) => ({ ...note.position, ...(measuredSize(note.id) ?? NOTE_BOX) })),
  ];
  const free = (at: Position) => !boxes.some((box) => overlaps(box, { ...at, ...NOTE_BOX }));
  for (let ring = 0; ring <= 12; ring++) {
    for (const at of ringAround(wanted, ring)) if (free(at)) return at;
  }
  return wanted;
}

function ringAround(centre: Position, ring: number): Position[] {
  if (ring === 0) return [centre];
  const points: Position[] = [];
  for (let i = -ring; i <= ring; i++) {
    for (const j of [-ring, ring]) {
      points.push({ x: centre.x + i * STEP, y: centre.y + j * STEP }, { x: centre.x + j * STEP, y: centre.y + i * STEP });
    }
  }
  // Nearest first, so the note lands as close to the pointer as the room allows.
  return points.sort((a, b) => distance(a, centre) - distance(b, centre));
}

function distance(a: Position, b: Position): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width + GAP && b.x < a.x + a.width + GAP && a.y < b.y + b.height + GAP && b.y < a.y + a.height + GAP;
}
