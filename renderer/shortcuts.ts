/** Keyboard shortcuts, the same in the desktop app and the browser; the keys come from the catalog. */
import { CATALOG, type Command, type Keys } from './shortcuts/catalog';

/** The command a key press asks for, or undefined. Text fields keep their own keys. */
export function shortcutFor(event: KeyboardEvent): Command | undefined {
  if (isTextField(event.target)) return undefined;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  return CATALOG.find((entry) => entry.keys.some((keys) => matches(keys, event, key, mod)))?.command;
}

function matches(keys: Keys, event: KeyboardEvent, key: string, mod: boolean): boolean {
  if (keys.mod !== mod || (keys.alt ?? false) !== event.altKey) return false;
  // Shift changes the character of a digit (Shift+0 is `)` in one layout, `=` in another): matched by its place.
  if (keys.code !== undefined) return event.code === keys.code && event.shiftKey === (keys.shift ?? false);
  if (keys.key !== key) return false;
  if (keys.shift !== undefined) return keys.shift === event.shiftKey;
  // Without a Shift rule a letter wants none (Shift+N is not N), while `?` is typed with Shift.
  return !/^[a-z]$/.test(key) || !event.shiftKey;
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
