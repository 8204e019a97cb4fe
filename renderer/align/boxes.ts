/** The boxes the canvas draws, for alignment: positions from the diagram, sizes as React Flow measured them. */
import type { Box } from '../../domain/align';
import { notesOf, type Diagram, type Position } from '../../domain/diagram';
import { measuredSize } from '../canvas/derive';
import { NODE_SIZE } from '../canvas/features';

/** A note React Flow has not measured yet is taken to be a small card. */
export const NOTE_SIZE = { width: 160, height: 60 } as const;

export function boxOf(id: string, position: Position, fallback: { width: number; height: number }): Box {
  const size = measuredSize(id) ?? fallback;
  return { id, x: position.x, y: position.y, width: size.width, height: size.height };
}

/** The boxes of the nodes and notes among `ids`. */
export function boxesOf(diagram: Diagram, ids: ReadonlySet<string>): Box[] {
  const nodes = diagram.nodes.filter((node) => ids.has(node.id)).map((node) => boxOf(node.id, node.position, NODE_SIZE));
  const notes = notesOf(diagram).filter((note) => ids.has(note.id)).map((note) => boxOf(note.id, note.position, NOTE_SIZE));
  return [...nodes, ...notes];
}

/** The boxes of the nodes and notes that are not among `except` and overlap `within`. */
export function boxesWithin(diagram: Diagram, except: ReadonlySet<string>, within: Omit<Box, 'id'>): Box[] {
  const inside = (box: Box) =>
    !except.has(box.id) && box.x < within.x + within.width && box.x + box.width > within.x && box.y < within.y + within.height && box.y + box.height > within.y;
  const nodes = diagram.nodes.map((node) => boxOf(node.id, node.position, NODE_SIZE)).filter(inside);
  const notes = notesOf(diagram).map((note) => boxOf(note.id, note.position, NOTE_SIZE)).filter(inside);
  return [...nodes, ...notes];
}
