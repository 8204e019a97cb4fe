/** What menu items, toolbar buttons and shortcuts do, in one place for all three. */
import { KIND_INFO, emptyDiagram, type Kind, type Position } from '../domain/diagram';
import { freshId } from '../domain/edits';
import { pythonForm } from '../domain/names';
import { api } from './api';
import { compareWithCode, importPythonProject } from './import-project';
import { readPickedFile } from './open-file';
import { replaceDiagram } from './replace';
import { saveDiagram } from './save';
import type { Command } from './shortcuts/catalog';

export { saveDiagram };
import { NO_SELECTION, useStore } from './store/store';

export function addNodeOfKind(kind: Kind, position: Position): string {
  const { diagram, edit, select, placed } = useStore.getState();
  const id = freshId(diagram, idPrefix(kind));
  edit({ type: 'add-nodes', nodes: [{ id, kind, name: uniqueName(kind), position }] });
  placed(id);
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

export function newDiagram(): Promise<boolean> {
  return replaceDiagram('starting a new diagram', async () => ({ path: null, name: 'Untitled', diagram: emptyDiagram({ name: 'project' }) }));
}

/** Open…, Open Recent and files the OS hands over (`path` then names a file main granted). */
export function openDiagram(path?: string): Promise<boolean> {
  return replaceDiagram('opening another diagram', () => api.openDiagram(path ? { path } : {}));
}

/**
 * A file dropped on the window: by its path in the desktop app (the drop granted it), else read
 * here like a file picked in the browser.
 */
export function openDroppedFile(file: File): Promise<boolean> {
  return replaceDiagram('opening another diagram', async () => {
    const path = api.pathOfDroppedFile(file);
    if (path) return api.openDiagram({ path });
    const read = await readPickedFile(file);
    return read.ok ? api.openDiagramText({ name: file.name, text: read.text }) : read.result;
  });
}

const commandHandlers = new Map<Command, () => void>();

/** Registers what a command does (from the menu bar, a key or a context menu); features register their own. */
export function onCommand(command: Command, handler: () => void): () => void {
  commandHandlers.set(command, handler);
  return () => {
    if (commandHandlers.get(command) === handler) commandHandlers.delete(command);
  };
}

export function runCommand(command: Command): void {
  commandHandlers.get(command)?.();
}

onCommand('new', () => void newDiagram());
onCommand('open', () => void openDiagram());
onCommand('save', () => void saveDiagram());
onCommand('save-as', () => void saveDiagram(true));
onCommand('save-before-close', () => {
  void saveDiagram().then((saved) => api.savedBeforeClose({ saved }));
});
onCommand('undo', () => useStore.getState().undo());
onCommand('redo', () => useStore.getState().redo());
onCommand('select-all', selectAll);
onCommand('delete', removeSelection);
onCommand('zoom-to-fit', () => window.dispatchEvent(new Event('strata:zoom-to-fit')));
onCommand('import-project', () => void importPythonProject());
onCommand('compare-code', () => void compareWithCode());
