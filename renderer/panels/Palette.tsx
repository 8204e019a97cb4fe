/** The ten kinds, grouped by layer: drag one onto the canvas, or press Enter to add it. */
import type { DragEvent } from 'react';
import { KINDS, KIND_INFO, LAYERS, type Kind } from '../../domain/diagram';
import { KIND_DRAG_TYPE } from '../canvas/Canvas';
import { KindIcon } from '../canvas/icons';

export function Palette({ onAdd }: { onAdd: (kind: Kind) => void }) {
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
