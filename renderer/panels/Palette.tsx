/** The ten kinds, grouped by layer: drag one onto the canvas, or press Enter to add it. */
import type { DragEvent } from 'react';
import { KINDS, KIND_INFO, LAYERS, type Kind, type NoteStyle } from '../../domain/diagram';
import { NOTE_DRAG_TYPE } from '../notes/add';
import { KIND_DRAG_TYPE } from '../canvas/Canvas';
import { KindIcon } from '../canvas/icons';

export function Palette({ onAdd, onAddNote }: { onAdd: (kind: Kind) => void; onAddNote: (style: NoteStyle) => void }) {
  return (
    <aside className="palette" aria-label="Components">
      {LAYERS.map((layer) => (
        <section key={layer} className="palette-layer">
          <h3>{layer}</h3>
          {KINDS.filter((kind) => KIND_INFO[kind].layer === layer).map((kind) => (
            <PaletteItem key={kind} kind={kind} onAdd={onAdd} />
          ))}
        </section>
      ))}
      <section className="palette-layer">
        <h3>notes</h3>
        <NoteItem style="sticky" label="Sticky note" onAdd={onAddNote} />
        <NoteItem style="text" label="Text" onAdd={onAddNote} />
      </section>
      <p className="palette-hint">Drag onto the canvas. Connect bottom → top: the upper node depends on the lower.</p>
    </aside>
  );
}

function PaletteItem({ kind, onAdd }: { kind: Kind; onAdd: (kind: Kind) => void }) {
  const info = KIND_INFO[kind];
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(KIND_DRAG_TYPE, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <button
      type="button"
      className={`palette-item layer-${info.layer}`}
      draggable
      onDragStart={onDragStart}
      onClick={() => onAdd(kind)}
      data-kind={kind}
      title={`${info.label}: ${info.description}`}
    >
      <span className="node-icon">
        <KindIcon kind={kind} size={16} />
      </span>
      <span>{info.label}</span>
    </button>
  );
}

/** Words for the meeting, not components: the rules and the export's code never see them. */
function NoteItem({ style, label, onAdd }: { style: NoteStyle; label: string; onAdd: (style: NoteStyle) => void }) {
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(NOTE_DRAG_TYPE, style);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <button type="button" className="palette-item palette-note" draggable onDragStart={onDragStart} onClick={() => onAdd(style)} data-note-style={style}>
      <span className="node-icon" aria-hidden>
        {style === 'sticky' ? '▭' : 'T'}
      </span>
      <span>{label}</span>
    </button>
  );
}
