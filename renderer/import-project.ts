/** File ▸ Import Python project… and File ▸ Compare with code…: the renderer's side. */
import type { ImportReport } from '../domain/import';
import { api } from './api';
import { showMessage } from './panels/messages';
import { mayReplace } from './replace';
import { clearDrift, showDrift } from './store/drift';
import { useStore } from './store/store';

/** Reads a project the user picks into a new, unsaved diagram, and says what was left out. */
export async function importPythonProject(): Promise<void> {
  if (!(await mayReplace('importing a Python project'))) return;
  let result;
  try {
    result = await api.importProject({});
  } catch (error) {
    showMessage('The project could not be imported', (error as Error).message);
    return;
  }
  if (result.status === 'failed') showMessage('The project could not be imported', result.message);
  if (result.status !== 'imported') return;
  clearDrift();
  useStore.getState().load(result.file, true);
  window.dispatchEvent(new Event('strata:zoom-to-fit'));
  const unread = unreadLines(result.report);
  if (unread.length > 0) showMessage(`Imported ${result.file.name}, but some files were not read fully`, unread.join('\n'));
}

/** Compares the open diagram with a project's code, and shows where they disagree. */
export async function compareWithCode(): Promise<void> {
  const { diagram } = useStore.getState();
  let result;
  try {
    result = await api.compareWithCode({ diagram });
  } catch (error) {
    showMessage('The code could not be compared', (error as Error).message);
    return;
  }
  if (result.status === 'failed') showMessage('The code could not be compared', result.message);
  if (result.status !== 'compared') return;
  showDrift({ folder: result.folder, findings: result.findings });
  // Ghost nodes stand right of the diagram: bring them into view with it.
  requestAnimationFrame(() => window.dispatchEvent(new Event('strata:zoom-to-fit')));
}

/** Files that could not be read, and syntax errors, as the report names them. */
export function unreadLines(report: ImportReport): string[] {
  return [
    ...report.skipped.filter((s) => s.kind === 'problem').map((s) => `${s.path}: ${s.reason}`),
    ...report.syntaxErrors.map((e) => `${e.path}:${e.line}:${e.column}: syntax error; the code around it was skipped`),
  ];
}
