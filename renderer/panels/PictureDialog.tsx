/** "Export picture": PNG or SVG of the canvas at 1×, 2× or 4× on a light or dark background, or Mermaid text. */
import { useEffect, useState } from 'react';
import type { MenuCommand } from '../../preload/api';
import { onCommand } from '../commands';
import { exportPicture, SCALES, type PictureFormat, type PictureOptions } from '../pictures';
import { useStore } from '../store/store';
import { showMessage } from './messages';
import { useEscape } from './useEscape';

const FORMATS: readonly { format: PictureFormat; label: string; command: MenuCommand }[] = [
  { format: 'png', label: 'PNG', command: 'export-png' },
  { format: 'svg', label: 'SVG', command: 'export-svg' },
  { format: 'mermaid', label: 'Mermaid', command: 'export-mermaid' },
];

/** The toolbar's "Picture…" button, and the dialog it and the menu's File › Export items open. */
export function PictureButton() {
  const [format, setFormat] = useState<PictureFormat | null>(null);
  useEffect(() => {
    const stops = FORMATS.map(({ format, command }) => onCommand(command, () => setFormat(format)));
    return () => stops.forEach((stop) => stop());
  }, []);
  return (
    <>
      <button type="button" onClick={() => setFormat('png')} title="Export a picture: PNG, SVG or Mermaid">
        Picture…
      </button>
      {format && <PictureDialog initialFormat={format} onClose={() => setFormat(null)} />}
    </>
  );
}

function PictureDialog({ initialFormat, onClose }: { initialFormat: PictureFormat; onClose: () => void }) {
  const [options, setOptions] = useState<PictureOptions>({ format: initialFormat, scale: 2, theme: 'light' });
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<PictureOptions>) => setOptions((current) => ({ ...current, ...change }));
  const save = async () => {
    setBusy(true);
    try {
      const result = await exportPicture(useStore.getState().diagram, options);
      if (result.status === 'failed') showMessage('The picture was not saved', result.message);
      onClose();
    } catch (error) {
      showMessage('The picture could not be made', (error as Error).message);
      onClose();
    }
  };
  const isText = options.format === 'mermaid';
  useEscape(onClose);
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal picture-dialog" role="dialog" aria-labelledby="picture-title" onClick={(e) => e.stopPropagation()}>
        <h2 id="picture-title">Export picture</h2>
        <Choices legend="Format" name="picture-format" value={options.format} options={FORMATS.map((f) => [f.format, f.label] as const)} onChange={(format) => set({ format })} />
        <Choices legend="Scale" name="picture-scale" disabled={isText} value={options.scale} options={SCALES.map((s) => [s, `${s}×`] as const)} onChange={(scale) => set({ scale })} />
        <Choices legend="Background" name="picture-theme" disabled={isText} value={options.theme} options={[['light', 'Light'], ['dark', 'Dark']] as const} onChange={(theme) => set({ theme })} />
        <p className="picture-hint">{isText ? 'Mermaid flowchart text of the diagram, for READMEs and wikis.' : 'Every node and arrow, whatever part of the canvas is in view, with the project’s name and a layer legend.'}</p>
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" autoFocus disabled={busy} onClick={() => void save()}>
            Export
          </button>
        </div>
      </div>
    </div>
  );
}

function Choices<T extends string | number>(props: {
  legend: string;
  name: string;
  value: T;
  options: readonly (readonly [T, string])[];
  disabled?: boolean;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset disabled={props.disabled}>
      <legend>{props.legend}</legend>
      {props.options.map(([value, label]) => (
        <label key={value}>
          <input type="radio" name={props.name} checked={props.value === value} onChange={() => props.onChange(value)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
