/**
 * The renderer's one store: the Diagram (the single source of truth), where it is saved, the
 * undo history and the selection. React Flow's nodes and edges are derived from it.
 */
import { create } from 'zustand';
import { emptyDiagram, type Diagram } from '../../domain/diagram';
import { applyEdit, type Edit } from '../../domain/edits';
import type { DiagramFile } from '../../preload/api';
import { EMPTY_HISTORY, record, redo, undo, type History } from './history';

export interface Selection {
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
}

export const NO_SELECTION: Selection = { nodes: new Set(), edges: new Set() };

export interface DocumentState {
  readonly diagram: Diagram;
  readonly path: string | null;
  readonly name: string;
  /** The diagram as last saved or opened, to tell whether there are unsaved changes. */
  readonly savedDiagram: Diagram;
  readonly history: History;
  readonly selection: Selection;
  /** The diagram before a gesture (a drag) began; the whole gesture becomes one undo step. */
  readonly gestureStart: Diagram | null;
  /** The node whose name is being edited on the canvas. */
  readonly renaming: string | null;
  /** Strict mode refuses new edges that the rules call errors; by default they are drawn and flagged. */
  readonly strict: boolean;
  /** Dragged nodes land on a 20px grid. */
  readonly snapToGrid: boolean;
  /** The component placed a moment ago, whose not-connected-yet findings are muted (calm.ts). */
  readonly fresh: string | null;
  /** How many diagrams were opened (each `load`), so the view can bring each one into sight. */
  readonly opened: number;
}

export interface DocumentActions {
  /** Opens `file`; `unsaved` marks it as not saved anywhere yet (an imported project). */
  load(file: DiagramFile, unsaved?: boolean): void;
  markSaved(path: string | null, name: string): void;
  /** One edit, one undo step. */
  edit(edit: Edit): void;
  /** An edit inside a gesture: shown at once, recorded as one step by `endGesture`. */
  editInGesture(edit: Edit): void;
  endGesture(): void;
  undo(): void;
  redo(): void;
  select(selection: Selection): void;
  rename(id: string | null): void;
  setStrict(strict: boolean): void;
  setSnapToGrid(snapToGrid: boolean): void;
  /** Marks the node just placed; moving on (another selection) ends it. */
  placed(id: string): void;
}

export type Store = DocumentState & DocumentActions;

const initialDiagram = emptyDiagram();

export const useStore = create<Store>()((set, get) => ({
  diagram: initialDiagram,
  path: null,
  name: 'Untitled',
  savedDiagram: initialDiagram,
  history: EMPTY_HISTORY,
  selection: NO_SELECTION,
  gestureStart: null,
  renaming: null,
  strict: false,
  snapToGrid: false,
  fresh: null,
  opened: 0,

  load: (file, unsaved = false) =>
    set((state) => ({
      diagram: file.diagram,
      savedDiagram: unsaved ? emptyDiagram() : file.diagram,
      path: file.path,
      name: file.name,
      history: EMPTY_HISTORY,
      selection: NO_SELECTION,
      gestureStart: null,
      renaming: null,
      fresh: null,
      opened: state.opened + 1,
    })),
  markSaved: (path, name) => set((state) => ({ path, name, savedDiagram: state.diagram })),
  edit: (edit) =>
    set((state) => ({ diagram: applyEdit(state.diagram, edit), history: record(state.history, state.diagram) })),
  editInGesture: (edit) =>
    set((state) => ({ diagram: applyEdit(state.diagram, edit), gestureStart: state.gestureStart ?? state.diagram })),
  endGesture: () =>
    set((state) =>
      state.gestureStart && state.gestureStart !== state.diagram
        ? { history: record(state.history, state.gestureStart), gestureStart: null }
        : { gestureStart: null },
    ),
  undo: () => {
    const step = undo(get().history, get().diagram);
    if (step) set({ ...step, selection: NO_SELECTION });
  },
  redo: () => {
    const step = redo(get().history, get().diagram);
    if (step) set({ ...step, selection: NO_SELECTION });
  },
  // Selecting anything but the fresh node alone is moving on.
  select: (selection) =>
    set((state) => ({ selection, fresh: state.fresh !== null && selection.nodes.size === 1 && selection.nodes.has(state.fresh) && selection.edges.size === 0 ? state.fresh : null })),
  placed: (fresh) => set({ fresh }),
  rename: (renaming) => set({ renaming }),
  setStrict: (strict) => set({ strict }),
  setSnapToGrid: (snapToGrid) => set({ snapToGrid }),
}));

export function isDirty(state: DocumentState): boolean {
  return state.diagram !== state.savedDiagram;
}
