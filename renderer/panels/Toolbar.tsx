/** File actions and the project's settings. */
import { TASK_FRAMEWORKS, type Project } from '../../domain/diagram';
import { frameworkChoices, type Choice as ExportChoice } from '../../domain/generate';
import { newDiagram, openDiagram, runCommand, saveDiagram } from '../commands';
import { autoLayout } from '../layout/autoLayout';
import { LayoutChoice } from './LayoutChoice';
import { PictureButton } from './PictureDialog';
import { RecentMenu } from './RecentMenu';
import { isDirty, useStore, type Store } from '../store/store';
import { setTheme, THEMES, useTheme, type Theme } from '../theme';

export function Toolbar() {
  const name = useStore((state) => state.name);
  const dirty = useStore(isDirty);
  return (
    <header className="toolbar">
      <span className="brand" aria-hidden="true">
        ◧ Strata
      </span>
      <span className="file-name" data-testid="file-name">
        {name}
        {dirty && <span title="Unsaved changes"> •</span>}
      </span>
      <nav className="file-actions">
        <button type="button" onClick={() => void newDiagram()} title="New (Ctrl+N)">
          New
        </button>
        <button type="button" onClick={() => void openDiagram()} title="Open (Ctrl+O)">
          Open…
        </button>
        <RecentMenu />
        <button type="button" onClick={() => void saveDiagram()} title="Save (Ctrl+S)">
          Save
        </button>
        <button type="button" onClick={() => void saveDiagram(true)} title="Save As (Ctrl+Shift+S)">
          Save As…
        </button>
        <button type="button" className="primary" onClick={() => runCommand('export')} title="Export project (Ctrl+E)">
          Export…
        </button>
        <button type="button" onClick={() => runCommand('import-project')} title="Import a Python project: draws the architecture its code has">
          Import…
        </button>
        <button type="button" onClick={() => runCommand('compare-code')} title="Compare with code: where a project's code and this diagram disagree">
          Compare…
        </button>
        <PictureButton />
        <button type="button" onClick={() => void autoLayout()} title="Auto-layout: lanes by layer, features together (Ctrl+Shift+L)">Auto-layout</button>
      </nav>
      <ProjectSettings />
      <Toggle
        label="Snap"
        title="Snap dragged nodes to a 20px grid"
        value={(state) => state.snapToGrid}
        set={(on) => useStore.getState().setSnapToGrid(on)}
      />
      <Toggle
        label="Strict"
        title="Strict: refuse new edges the rules call errors. Off: allow them and flag them."
        value={(state) => state.strict}
        set={(on) => useStore.getState().setStrict(on)}
      />
      <ThemeChoice />
    </header>
  );
}

function ProjectSettings() {
  const project = useStore((state) => state.diagram.project);
  const edit = useStore((state) => state.edit);
  const set = (change: Partial<Project>) => edit({ type: 'set-project', project: change });
  return (
    <div className="project-settings" aria-label="Project settings">
      <label>
        Project
        <input
          key={project.name}
          defaultValue={project.name}
          aria-label="Project name"
          onBlur={(event) => event.target.value !== project.name && set({ name: event.target.value })}
        />
      </label>
      <Choice label="Framework" value={project.framework} options={FRAMEWORK_CHOICES} onChange={(framework) => set({ framework })} />
      <Choice label="Tasks" value={project.tasks} options={TASK_FRAMEWORKS.map((value) => ({ value }))} onChange={(tasks) => set({ tasks })} />
      <LayoutChoice />
    </div>
  );
}

/** The frameworks Strata can export are offered; the others are shown disabled, with the reason. */
const FRAMEWORK_CHOICES = frameworkChoices();

function Choice<T extends string>(props: { label: string; value: T; options: ReadonlyArray<ExportChoice<T>>; onChange: (value: T) => void }) {
  return (
    <label>
      {props.label}
      <select value={props.value} aria-label={props.label} onChange={(event) => props.onChange(event.target.value as T)}>
        {props.options.map(({ value, unavailable }) => (
          <option key={value} value={value} disabled={unavailable !== undefined} title={unavailable?.message}>
            {unavailable ? `${value} — ${unavailable.short}` : value}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A checkbox for one of the store's on/off settings. */
function Toggle(props: { label: string; title: string; value: (state: Store) => boolean; set: (on: boolean) => void }) {
  const on = useStore(props.value);
  return (
    <label className="strict-toggle" title={props.title}>
      <input type="checkbox" checked={on} onChange={(event) => props.set(event.target.checked)} />
      {props.label}
    </label>
  );
}

/** Light, dark or the system's, remembered for the next start. */
function ThemeChoice() {
  const theme = useTheme((state) => state.theme);
  return (
    <label className="theme-choice" title="Light, dark, or as the system is set">
      Theme{' '}
      <select aria-label="Theme" value={theme} onChange={(event) => setTheme(event.target.value as Theme)}>
        {THEMES.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    </label>
  );
}
