/** React Flow nodes for the diagram's notes, cached per note like the diagram's own nodes. */
import type { DiagramNote } from '../../domain/diagram';
import type { NoteFlowNode } from './NoteNode';

interface Cached {
  readonly selected: boolean;
  readonly editing: boolean;
  readonly flow: NoteFlowNode;
}

const cache = new WeakMap<DiagramNote, Cached>();

export function noteFlowNodes(notes: readonly DiagramNote[], selected: ReadonlySet<string>, editing: string | null): NoteFlowNode[] {
  return notes.map((note) => {
    const isSelected = selected.has(note.id);
    const isEditing = note.id === editing;
    const cached = cache.get(note);
    if (cached && cached.selected === isSelected && cached.editing === isEditing) return cached.flow;
    // Notes sit under the components (zIndex) so a note never hides an arrow's end.
    const flow: NoteFlowNode = { id: note.id, type: 'note', position: note.position, data: { note, editing: isEditing }, selected: isSelected, zIndex: -1 };
    cache.set(note, { selected: isSelected, editing: isEditing, flow });
    return flow;
  });
}
