/** The diagram's title above the canvas: click to add or change it, Enter to keep, Escape to leave it. */
import { useState, type KeyboardEvent } from 'react';
import { MAX_NAME_LENGTH } from '../../domain/parse';
import { useStore } from '../store/store';

export function DiagramTitle() {
  const title = useStore((state) => state.diagram.title);
  const [editing, setEditing] = useState(false);
  if (editing) return <TitleEditor title={title ?? ''} onDone={() => setEditing(false)} />;
  return (
    <button type="button" className={`diagram-title${title ? '' : ' untitled'}`} data-testid="diagram-title" onClick={() => setEditing(true)} title="Click to change the title">
      {title ?? 'Add a title'}
    </button>
  );
}

function TitleEditor({ title, onDone }: { title: string; onDone: () => void }) {
  const commit = (text: string) => {
    if (text.trim() !== title) useStore.getState().edit({ type: 'set-title', title: text });
    onDone();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit(event.currentTarget.value);
    if (event.key === 'Escape') onDone();
    event.stopPropagation();
  };
  return (
    <input
      className="diagram-title-input"
      aria-label="Diagram title"
      defaultValue={title}
      maxLength={MAX_NAME_LENGTH}
      placeholder="Title of this diagram"
      autoFocus
      onBlur={(event) => commit(event.currentTarget.value)}
      onKeyDown={onKeyDown}
    />
  );
}
