/**
 * Every command with its name and keys, in one place: the keyboard handler, the context menus,
 * the "?" list and the desktop app's menu bar all read this catalog, so a shortcut shown anywhere
 * is the one that works. Pure data, so that main (the menu bar) and the renderer share it.
 */

/** Commands of the document and the app: files, editing, export, import. */
export type DocumentCommand =
  | 'new'
  | 'open'
  | 'save'
  | 'save-as'
  /** Sent when the user chose Save while closing the window; answered with `savedBeforeClose`. */
  | 'save-before-close'
  | 'undo'
  | 'redo'
  | 'select-all'
  | 'delete'
  | 'zoom-to-fit'
  | 'export'
  | 'export-png'
  | 'export-svg'
  | 'export-mermaid'
  | 'copy'
  | 'paste'
  | 'duplicate'
  | 'auto-layout'
  | 'find'
  | 'group-feature'
  | 'ungroup-feature'
  | 'import-project'
  | 'compare-code';

/** Commands of the canvas. */
export type CanvasCommand = 'rename' | 'reverse' | 'add-note' | 'add-text' | 'zoom-100' | 'zoom-selection' | 'shortcuts' | 'toggle-minimap' | ArrangeCommand;
export type ArrangeCommand =
  | 'align-left'
  | 'align-centre'
  | 'align-right'
  | 'align-top'
  | 'align-middle'
  | 'align-bottom'
  | 'distribute-horizontally'
  | 'distribute-vertically';
export type Command = DocumentCommand | CanvasCommand;

export interface Keys {
  /** `KeyboardEvent.key`, lower case; or, for keys whose character Shift changes, `code` instead. */
  readonly key?: string;
  readonly code?: string;
  readonly mod: boolean;
  readonly shift?: boolean;
  /** Alt (Option) held; such keys are matched by `code`, as Option changes the character on a Mac. */
  readonly alt?: boolean;
  /** How the keys are written for people. */
  readonly text: string;
}

export interface CatalogEntry {
  readonly command: Command;
  readonly label: string;
  readonly group: 'File' | 'Edit' | 'Canvas' | 'Arrange' | 'View';
  readonly keys: readonly Keys[];
}

const mod = (key: string, text: string, shift?: boolean): Keys => ({ key, mod: true, text, ...(shift !== undefined && { shift }) });
const plain = (key: string, text: string): Keys => ({ key, mod: false, text });
/** Alt with a letter, as design tools bind their align and distribute commands. */
const alt = (letter: string, shift = false): Keys => ({ code: `Key${letter}`, mod: false, alt: true, shift, text: `Alt+${shift ? 'Shift+' : ''}${letter}` });

// In reading order: the "?" list and the menu bar show it as it is. Keys never overlap, whatever
// the order: a letter's shortcut without a Shift rule wants no Shift, so Ctrl+S is not Ctrl+Shift+S.
export const CATALOG: readonly CatalogEntry[] = [
  { command: 'new', label: 'New diagram', group: 'File', keys: [mod('n', 'Ctrl+N')] },
  { command: 'open', label: 'Open…', group: 'File', keys: [mod('o', 'Ctrl+O')] },
  { command: 'save', label: 'Save', group: 'File', keys: [mod('s', 'Ctrl+S')] },
  { command: 'save-as', label: 'Save As…', group: 'File', keys: [mod('s', 'Ctrl+Shift+S', true)] },
  { command: 'export', label: 'Export…', group: 'File', keys: [mod('e', 'Ctrl+E')] },
  { command: 'undo', label: 'Undo', group: 'Edit', keys: [mod('z', 'Ctrl+Z')] },
  { command: 'redo', label: 'Redo', group: 'Edit', keys: [mod('z', 'Ctrl+Shift+Z', true), mod('y', 'Ctrl+Y')] },
  { command: 'select-all', label: 'Select all', group: 'Edit', keys: [mod('a', 'Ctrl+A')] },
  { command: 'duplicate', label: 'Duplicate', group: 'Edit', keys: [mod('d', 'Ctrl+D')] },
  { command: 'rename', label: 'Rename', group: 'Edit', keys: [plain('f2', 'F2')] },
  { command: 'delete', label: 'Delete', group: 'Edit', keys: [plain('delete', 'Delete'), plain('backspace', 'Backspace')] },
  { command: 'find', label: 'Find a node', group: 'Edit', keys: [mod('f', 'Ctrl+F')] },
  { command: 'group-feature', label: 'Group into a feature', group: 'Canvas', keys: [mod('g', 'Ctrl+G')] },
  { command: 'ungroup-feature', label: 'Take out of its feature', group: 'Canvas', keys: [mod('g', 'Ctrl+Shift+G', true)] },
  { command: 'reverse', label: 'Reverse the dependency', group: 'Canvas', keys: [{ key: 'r', mod: false, shift: true, text: 'Shift+R' }] },
  { command: 'add-note', label: 'Add a sticky note', group: 'Canvas', keys: [plain('n', 'N')] },
  { command: 'add-text', label: 'Add text', group: 'Canvas', keys: [plain('t', 'T')] },
  { command: 'auto-layout', label: 'Auto-layout', group: 'Canvas', keys: [mod('l', 'Ctrl+Shift+L', true)] },
  { command: 'align-left', label: 'Align left', group: 'Arrange', keys: [alt('A')] },
  { command: 'align-centre', label: 'Align centres', group: 'Arrange', keys: [alt('H')] },
  { command: 'align-right', label: 'Align right', group: 'Arrange', keys: [alt('D')] },
  { command: 'align-top', label: 'Align top', group: 'Arrange', keys: [alt('W')] },
  { command: 'align-middle', label: 'Align middles', group: 'Arrange', keys: [alt('V')] },
  { command: 'align-bottom', label: 'Align bottom', group: 'Arrange', keys: [alt('S')] },
  { command: 'distribute-horizontally', label: 'Distribute horizontally', group: 'Arrange', keys: [alt('H', true)] },
  { command: 'distribute-vertically', label: 'Distribute vertically', group: 'Arrange', keys: [alt('V', true)] },
  { command: 'zoom-to-fit', label: 'Zoom to fit', group: 'View', keys: [mod('0', 'Ctrl+0'), { code: 'Digit1', mod: false, shift: true, text: 'Shift+1' }] },
  { command: 'zoom-100', label: 'Zoom to 100 %', group: 'View', keys: [{ code: 'Digit0', mod: false, shift: true, text: 'Shift+0' }] },
  { command: 'zoom-selection', label: 'Zoom to selection', group: 'View', keys: [{ code: 'Digit2', mod: false, shift: true, text: 'Shift+2' }] },
  { command: 'toggle-minimap', label: 'Show or hide the mini map', group: 'View', keys: [plain('m', 'M')] },
  { command: 'shortcuts', label: 'Keyboard shortcuts', group: 'View', keys: [{ key: '?', mod: false, text: '?' }] },
];

/** Gestures with no command behind them, listed beside the shortcuts so the list is complete. */
export const GESTURES: readonly { readonly label: string; readonly text: string }[] = [
  { label: 'Copy, cut, paste', text: 'Ctrl+C, Ctrl+X, Ctrl+V' },
  { label: 'Nudge the selection (10 px with Shift)', text: 'Arrow keys' },
  { label: 'Rename a node, write in a note', text: 'Double-click' },
  { label: 'Label an arrow', text: 'Double-click the arrow' },
  { label: 'Select several', text: 'Shift-click, Shift-drag' },
  { label: 'Pan', text: 'Drag empty canvas' },
  { label: 'Open a link in a note', text: 'Ctrl+click' },
  { label: 'Menu of what is under the pointer', text: 'Right-click' },
];

/** How the first keys of a command are written, for menus; undefined when it has none. */
export function keysText(command: Command): string | undefined {
  return CATALOG.find((entry) => entry.command === command)?.keys[0]?.text;
}

export function labelOf(command: Command): string {
  return CATALOG.find((entry) => entry.command === command)?.label ?? command;
}
