/** What menu items, toolbar buttons and shortcuts do, in one place for all three. */
import { KIND_INFO, emptyDiagram, type Kind, type Position } from '../domain/diagram';
import { freshId } from '../domain/edits';
import { pythonForm } from '../domain/names';
import { formatParseErrors } from '../domain/parse';
import type { MenuCommand, OpenResult } from '../preload/api';
import { api } from './api';
import { showMessage } from './panels/messages';
import { isDirty, NO_SELECTION, useStore } from './store/store';

export function addNodeOfKind(kind: Kind, position: Position): string {
  const { diagram, edit, select } = useStore.getState();
  const id = freshId(diagram, idPrefix(kind));
  edit({ type: 'add-nodes', nodes: [{ id, kind, name: uniqueName(kind), position }] });
  select({ nodes: new Set([id]), edges: new Set() });
  return id;
}

export function addEdge(source: string, target: string): string {
  const { diagram, edit } = useStore.getState();
  const id = freshId(diagram, 'e');
  edit({ type: 'add-edge', edge: { id, source, target } });
  return id;
}

export function removeSelection(): void {
  const { selection, edit, select } = useStore.getState();
  if (selection.nodes.size === 0 && selection.edges.size === 0) return;
  edit({ type: 'remove', nodeIds: [...selection.nodes], edgeIds: [...selection.edges] });
  select(NO_SELECTION);
}

export function selectAll(): void {
  const { diagram, select } = useStore.getState();
  select({ nodes: new Set(diagram.nodes.map((n) => n.id)), edges: new Set(diagram.edges.map((e) => e.id)) });
}

function idPrefix(kind: Kind): string {
  return { router: 'r', worker: 'w', scheduler: 'sch', service: 's', repository: 'p', model: 'm', database: 'd', broker: 'b', cache: 'c', external: 'x' }[kind];
}

/** `service`, then `service_2`, … so that a new node never starts with a duplicate-name error. */
function uniqueName(kind: Kind): string {
  const base = pythonForm(KIND_INFO[kind].label);
  const taken = new Set(useStore.getState().diagram.nodes.filter((n) => n.kind === kind).map((n) => pythonForm(n.name)));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

/** Asks before throwing away unsaved changes. */
function confirmDiscard(): boolean {
  return !isDirty(useStore.getState()) || window.confirm('The diagram has unsaved changes. Discard them?');
}

export function newDiagram(): void {
  if (!confirmDiscard()) return;
  useStore.getState().load({ path: null, name: 'Untitled', diagram: emptyDiagram({ name: 'project' }) });
}

export async function openDiagram(path?: string): Promise<void> {
  if (!confirmDiscard()) return;
  showOpenResult(await api.openDiagram(path ? { path } : {}));
}

export function showOpenResult(result: OpenResult): void {
  if (result.status === 'opened') useStore.getState().load(result.file);
  if (result.status === 'invalid') {
    showMessage(`${result.name} could not be opened`, formatParseErrors(result.errors));
  }
}

export async function saveDiagram(saveAs = false): Promise<void> {
  const { diagram, path, name } = useStore.getState();
  const suggestedName = name.endsWith('.strata') ? name : `${pythonForm(diagram.project.name) || 'diagram'}.strata`;
  const result = await api.saveDiagram({ diagram, suggestedName, ...(path && !saveAs && { path }) });
  if (result.status === 'saved') useStore.getState().markSaved(result.path, result.name);
  if (result.status === 'failed') showMessage('The diagram was not saved', result.message);
}

const commandHandlers = new Map<MenuCommand, () => void>();

/** Registers what a menu command does; features register their own commands. */
export function onCommand(command: MenuCommand, handler: () => void): () => void {
  commandHandlers.set(command, handler);
  return () => {
    if (commandHandlers.get(command) === handler) commandHandlers.delete(command);
  };
}

export function runCommand(command: MenuCommand): void {
  commandHandlers.get(command)?.();
}

onCommand('new', newDiagram);
onCommand('open', () => void openDiagram());
onCommand('save', () => void saveDiagram());
onCommand('save-as', () => void saveDiagram(true));
onCommand('undo', () => useStore.getState().undo());
onCommand('redo', () => useStore.getState().redo());
onCommand('select-all', selectAll);
onCommand('delete', removeSelection);
onCommand('zoom-to-fit', () => window.dispatchEvent(new Event('strata:zoom-to-fit')));
