/**
 * Export: choose framework, task framework and layout (with `auto` explained), explore every
 * file before writing, then write the zip with progress and a way to find it afterwards.
 */
import { useEffect, useMemo, useState } from 'react';
import { LAYOUTS, type Diagram, type Project } from '../../domain/diagram';
import { exportChoices, resolveLayout, type Choice } from '../../domain/generate';
import { validate } from '../../domain/rules';
import type { ExportOptions, ExportProgress, ExportResult } from '../../preload/api';
import { api, isDesktop } from '../api';
import { useStore } from '../store/store';
import { describeSize, runExport } from './export-flow';
import { FileTree } from './FileTree';
import { useEscape } from './useEscape';
import { usePreview } from './usePreview';

export function ExportDialog({ onClose }: { onClose: () => void }) {
  const diagram = useStore((state) => state.diagram);
  // The diagram's own settings, the ones the toolbar shows: changing them here changes them there.
  const options = useMemo(() => pickOptions(diagram.project), [diagram.project]);
  const [force, setForce] = useState(false);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const errors = useMemo(() => validate(diagram).filter((f) => f.severity === 'error'), [diagram]);
  const preview = usePreview(diagram, options);
  useEffect(() => api.onExportProgress(setProgress), []);
  useEscape(onClose);

  const exportNow = async () => {
    setResult(null);
    setProgress(null);
    setResult(await runExport(diagram, options, force));
  };
  const set = (change: Partial<ExportOptions>) => {
    useStore.getState().edit({ type: 'set-project', project: change });
    // A result line speaks of the options it was made with: new options, no stale line.
    setResult(null);
    setProgress(null);
  };
  const blocked = errors.length > 0 && !force;
  return (
    <div className="modal-backdrop">
      <div className="modal export-dialog" role="dialog" aria-labelledby="export-title">
        <h2 id="export-title">Export Python project</h2>
        <ExportOptionsForm diagram={diagram} options={options} onChange={set} />
        {errors.length > 0 && <ErrorsNotice count={errors.length} messages={errors.map((e) => e.message)} force={force} onForce={setForce} />}
        {!preview ? (
          <p className="export-pending">Preparing the preview…</p>
        ) : preview.ok ? (
          <FileTree files={preview.files} />
        ) : (
          <div className="export-unavailable" role="alert" data-testid="export-unavailable">
            <strong>These options cannot export this diagram.</strong>
            <p>{preview.error.message}</p>
            <p className="export-unavailable-hint">Choices that cannot export are marked in the lists above; pick another to see the files.</p>
          </div>
        )}
        <ExportStatus progress={progress} result={result} />
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="button" className="primary" disabled={blocked || preview?.ok === false} onClick={() => void exportNow()}>
            Export zip…
          </button>
        </div>
      </div>
    </div>
  );
}

function pickOptions(project: Project): Required<ExportOptions> {
  return { framework: project.framework, tasks: project.tasks, layout: project.layout };
}

function ExportOptionsForm(props: { diagram: Diagram; options: Required<ExportOptions>; onChange: (change: Partial<ExportOptions>) => void }) {
  const { options, onChange } = props;
  const layout = resolveLayout(props.diagram, options.layout);
  const choices = useMemo(() => exportChoices(props.diagram), [props.diagram]);
  return (
    <div className="export-options">
      <Select label="Framework" value={options.framework} options={choices.frameworks} onChange={(framework) => onChange({ framework })} />
      <Select label="Task framework" value={options.tasks} options={choices.tasks} onChange={(tasks) => onChange({ tasks })} />
      <Select label="Layout" value={options.layout} options={LAYOUTS.map((value) => ({ value }))} onChange={(layout) => onChange({ layout })} />
      <p className="layout-reason" data-testid="layout-reason">
        {options.layout === 'auto' ? `auto → ${layout.layout}. ` : ''}
        {layout.reason}
      </p>
    </div>
  );
}

/** A chooser whose options that cannot export say so, and why, before they are picked. */
function Select<T extends string>(props: { label: string; value: T; options: ReadonlyArray<Choice<T>>; onChange: (value: T) => void }) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(event) => props.onChange(event.target.value as T)}>
        {props.options.map(({ value, unavailable }) => (
          <option key={value} value={value} disabled={unavailable !== undefined} title={unavailable?.message}>
            {unavailable ? `${value} — ${unavailable.short}` : value}
          </option>
        ))}
      </select>
    </label>
  );
}

function ErrorsNotice(props: { count: number; messages: string[]; force: boolean; onForce: (force: boolean) => void }) {
  return (
    <div className="export-errors" role="alert">
      <strong>
        The diagram has {props.count} {props.count === 1 ? 'error' : 'errors'}; the exported code would break its own layering
        contract.
      </strong>
      <ul>
        {props.messages.slice(0, 5).map((message, i) => (
          <li key={i}>{message}</li>
        ))}
      </ul>
      <label>
        <input type="checkbox" checked={props.force} onChange={(event) => props.onForce(event.target.checked)} /> Export anyway
      </label>
    </div>
  );
}

function ExportStatus({ progress, result }: { progress: ExportProgress | null; result: ExportResult | null }) {
  if (result?.status === 'exported') {
    return (
      <p className="export-done" role="status" data-testid="export-status">
        Exported {result.files} files ({describeSize(result.bytes)}){result.path ? ` to ${result.path}` : ''}.
        {isDesktop && result.path && (
          <button type="button" onClick={() => void api.showInFolder({ path: result.path! })}>
            Show in folder
          </button>
        )}
      </p>
    );
  }
  if (result?.status === 'failed') return <p className="export-problem" role="alert">{result.message}</p>;
  if (result?.status === 'has-errors') return <p className="export-problem" role="alert">Export refused: the diagram has errors.</p>;
  if (progress) return <progress max={progress.total} value={progress.done} aria-label="Export progress" />;
  return null;
}
