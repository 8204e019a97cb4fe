/**
 * Save and Save As. When the file changed on disk since it was opened or last saved (a
 * colleague's edit, a git pull), nothing is written until the user chooses, as VS Code asks:
 * overwrite it, save elsewhere, or reload what is on disk and drop the changes here.
 */
import { pythonForm } from '../domain/names';
import { formatParseErrors } from '../domain/parse';
import { api } from './api';
import { askChoice } from './panels/choice';
import { showMessage } from './panels/messages';
import { showNotice } from './panels/Notice';
import { useStore } from './store/store';

/** Saves the open diagram; true when it is saved (so replacing or closing may go on). */
export async function saveDiagram(saveAs = false, overwrite = false): Promise<boolean> {
  const { diagram, path, name } = useStore.getState();
  const suggestedName = name.endsWith('.strata') ? name : `${pythonForm(diagram.project.name) || 'diagram'}.strata`;
  let result;
  try {
    result = await api.saveDiagram({ diagram, suggestedName, ...(path && !saveAs && { path }), ...(overwrite && { overwrite }) });
  } catch (error) {
    showMessage('The diagram was not saved', (error as Error).message);
    return false;
  }
  switch (result.status) {
    case 'saved':
      // Only what was saved counts as saved: edits made meanwhile stay unsaved.
      if (useStore.getState().diagram === diagram) useStore.getState().markSaved(result.path, result.name);
      else useStore.setState({ path: result.path, name: result.name, savedDiagram: diagram });
      // A download has no path to show: say what the browser was given and where it keeps it.
      if (result.path === null) {
        showNotice(`Saved as the download ${result.name}, in your browser's downloads folder (the browser adds a number if that name is taken there). Open Recent keeps a copy in this browser.`);
      }
      return true;
    case 'conflict':
      return resolveConflict(result.path, result.name);
    case 'failed':
      showMessage('The diagram was not saved', result.message);
      return false;
    case 'canceled':
      return false;
  }
}

async function resolveConflict(path: string, name: string): Promise<boolean> {
  const choice = await askChoice(
    `${name} changed on disk`,
    `Someone or something changed ${name} since you opened or last saved it here. Overwrite their changes, save yours under another name, or reload the file and drop your changes?`,
    [
      { value: 'overwrite', label: 'Overwrite' },
      { value: 'save-as', label: 'Save As…', primary: true },
      { value: 'reload', label: 'Reload' },
      { value: 'cancel', label: 'Cancel' },
    ] as const,
  );
  if (choice === 'overwrite') return saveDiagram(false, true);
  if (choice === 'save-as') return saveDiagram(true);
  if (choice === 'reload') await reload(path);
  return false;
}

async function reload(path: string): Promise<void> {
  const result = await api.openDiagram({ path }).catch((error: Error) => {
    showMessage(`The file could not be reloaded`, error.message);
    return null;
  });
  if (result?.status === 'opened') useStore.getState().load(result.file);
  if (result?.status === 'invalid') showMessage(`${result.name} could not be opened`, formatParseErrors(result.errors));
}
