/**
 * The one way the open diagram is replaced — New, Open…, Open Recent, a drop, a file the OS
 * opens, restoring recovered work — so every one of them asks the same question first when there
 * are unsaved changes: Save, Don't Save or Cancel. Questions come one at a time.
 */
import { formatParseErrors } from '../domain/parse';
import type { DiagramFile, OpenResult } from '../preload/api';
import { askChoice } from './panels/choice';
import { showMessage } from './panels/messages';
import { saveDiagram } from './save';
import { isDirty, useStore } from './store/store';

/** True when the open diagram may be replaced: nothing unsaved, or the user saved or let it go. */
export async function mayReplace(action: string): Promise<boolean> {
  if (!isDirty(useStore.getState())) return true;
  const answer = await askChoice(
    `Save the changes to ${useStore.getState().name} before ${action}?`,
    'Your changes are lost if you don’t save them.',
    [
      { value: 'save', label: 'Save', primary: true },
      { value: 'discard', label: 'Don’t Save' },
      { value: 'cancel', label: 'Cancel' },
    ] as const,
  );
  if (answer === 'cancel') return false;
  if (answer === 'discard') return true;
  return saveDiagram();
}

/**
 * Asks first, then loads what `produce` yields: a file, an open result (explained when invalid;
 * the diagram then stays as it was), or null for nothing (a cancelled dialog). Errors become a
 * message, never an unhandled rejection.
 */
export async function replaceDiagram(
  action: string,
  produce: () => Promise<OpenResult | DiagramFile | null>,
  after?: (file: DiagramFile) => void,
): Promise<boolean> {
  if (!(await mayReplace(action))) return false;
  let produced: OpenResult | DiagramFile | null;
  try {
    produced = await produce();
  } catch (error) {
    showMessage('The diagram could not be opened', (error as Error).message);
    return false;
  }
  if (produced === null) return false;
  const file = 'status' in produced ? fileOf(produced) : produced;
  if (!file) return false;
  useStore.getState().load(file);
  after?.(file);
  return true;
}

function fileOf(result: OpenResult): DiagramFile | null {
  if (result.status === 'opened') return result.file;
  if (result.status === 'invalid') showMessage(`${result.name} could not be opened`, formatParseErrors(result.errors));
  return null;
}
