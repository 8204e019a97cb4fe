/** Keyboard shortcuts, the same in the desktop app and the browser. */
import type { MenuCommand } from '../preload/api';

interface Shortcut {
  readonly key: string;
  readonly mod: boolean;
  readonly shift?: boolean;
  readonly command: MenuCommand;
}

const SHORTCUTS: readonly Shortcut[] = [
  { key: 'n', mod: true, command: 'new' },
  { key: 'o', mod: true, command: 'open' },
  { key: 's', mod: true, shift: true, command: 'save-as' },
  { key: 's', mod: true, command: 'save' },
  { key: 'z', mod: true, shift: true, command: 'redo' },
  { key: 'z', mod: true, command: 'undo' },
  { key: 'y', mod: true, command: 'redo' },
  { key: 'a', mod: true, command: 'select-all' },
  { key: '0', mod: true, command: 'zoom-to-fit' },
  { key: 'l', mod: true, shift: true, command: 'auto-layout' },
  { key: 'e', mod: true, command: 'export' },
  // Ctrl+C, X and V stay with the platform, whose copy and paste events reach the system
  // clipboard without a permission prompt (renderer/clipboard.ts); the menu's roles raise them too.
  { key: 'd', mod: true, command: 'duplicate' },
  { key: 'f', mod: true, command: 'find' },
  { key: 'g', mod: true, shift: true, command: 'ungroup-feature' },
  { key: 'g', mod: true, command: 'group-feature' },
  { key: 'delete', mod: false, command: 'delete' },
  { key: 'backspace', mod: false, command: 'delete' },
];

/** The command a key press asks for, or undefined. Text fields keep their own keys. */
export function shortcutFor(event: KeyboardEvent): MenuCommand | undefined {
  if (isTextField(event.target)) return undefined;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  return SHORTCUTS.find((s) => s.key === key && s.mod === mod && (s.shift === undefined || s.shift === event.shiftKey))
    ?.command;
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
