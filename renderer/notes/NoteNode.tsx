/** A sticky note or free text on the canvas: double-click to edit, Ctrl+Enter or a click outside to finish. */
import type { Node, NodeProps } from '@xyflow/react';
import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import type { DiagramNote } from '../../domain/diagram';
import { MAX_NOTE_LENGTH } from '../../domain/parse';
import { useStore } from '../store/store';
import { Markdown } from './Markdown';

export type NoteNodeData = { note: DiagramNote; editing: boolean };
export type NoteFlowNode = Node<NoteNodeData, 'note'>;

export const NoteNode = memo(function NoteNode({ data, selected }: NodeProps<NoteFlowNode>) {
  const { note, editing } = data;
  return (
    <div className={`note note-${note.style}${selected ? ' selected' : ''}`} data-testid="note" data-note={note.id}>
      {editing ? (
        <NoteEditor note={note} />
      ) : note.text.trim() === '' ? (
        <p className="note-empty">{note.style === 'sticky' ? 'Empty note — double-click to write' : 'Text — double-click to write'}</p>
      ) : (
        <div className="note-body">
          <Markdown text={note.text} />
        </div>
      )}
    </div>
  );
});

function NoteEditor({ note }: { note: DiagramNote }) {
  const input = useFocusWhenShown();
  const done = () => useStore.getState().rename(null);
  const commit = (text: string) => {
    if (text !== note.text) useStore.getState().edit({ type: 'update-note', id: note.id, changes: { text } });
    done();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter makes a new line, as in any note; Ctrl+Enter or Escape finishes.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) commit(event.currentTarget.value);
    if (event.key === 'Escape') commit(event.currentTarget.value);
    event.stopPropagation();
  };
  return (
    <textarea
      className="note-input nodrag nowheel"
      aria-label="Note text"
      defaultValue={note.text}
      maxLength={MAX_NOTE_LENGTH}
      ref={input}
      rows={Math.max(3, note.text.split('\n').length + 1)}
      onBlur={(event) => commit(event.currentTarget.value)}
      onKeyDown={onKeyDown}
    />
  );
}

/**
 * Focus once the note can take it: React Flow keeps a new node hidden until it has measured it,
 * and a hidden textarea refuses focus, so `autoFocus` alone would leave the new note unfocused.
 */
function useFocusWhenShown() {
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      const element = input.current;
      if (!element || document.activeElement === element) return;
      element.focus();
      if (document.activeElement !== element && ++tries < 30) frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, []);
  return input;
}
