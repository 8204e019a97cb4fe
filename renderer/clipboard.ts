/**
 * Copy, cut, paste and duplicate of nodes and notes. A copy goes to the system clipboard as text, so it
 * can be pasted into another window or tab. Ctrl+C/X/V are left to the platform: its copy and
 * paste events carry the clipboard without asking for a permission (Electron denies them all),
 * and the native Edit menu's roles raise the same events.
 */
import { useEffect } from 'react';
import { copyNodes, decodeClip, encodeClip, isEmptyClip, placeClip, type Clip } from '../domain/clipboard';
import type { Edit } from '../domain/edits';
import { onCommand, removeSelection } from './commands';
import { useStore } from './store/store';

/** How far each successive paste of the same copy lands from the last one. */
const PASTE_STEP = 40;

/** The text last copied or pasted here, and how often it was pasted since. */
let last: { text: string; pastes: number } | undefined;

/** The selected nodes and the edges among them as clipboard text, or undefined if none is selected. */
function copySelection(): string | undefined {
  const { diagram, selection } = useStore.getState();
  if (selection.nodes.size === 0) return undefined;
  const text = encodeClip(copyNodes(diagram, selection.nodes));
  last = { text, pastes: 0 };
  return text;
}

/** Pastes clipboard text if it is a Strata copy; each paste of the same copy lands 40px further. */
export function pasteText(text: string): boolean {
  const clip = decodeClip(text);
  if (!clip || isEmptyClip(clip)) return false;
  if (last?.text !== text) last = { text, pastes: 0 };
  last.pastes++;
  place(clip, last.pastes * PASTE_STEP);
  return true;
}

/** Copies and pastes the selection in one step, without touching the clipboard. */
export function duplicateSelection(): void {
  const { diagram, selection } = useStore.getState();
  if (selection.nodes.size > 0) place(copyNodes(diagram, selection.nodes), PASTE_STEP);
}

/** Adds a clip as one undo step and selects what was added. */
function place(clip: Clip, offset: number): void {
  const { diagram, edit, select } = useStore.getState();
  const placed = placeClip(diagram, clip, { x: offset, y: offset });
  const notes = placed.notes ?? [];
  const nodes: Edit = { type: 'add-nodes', nodes: placed.nodes, edges: placed.edges };
  edit(notes.length > 0 ? { type: 'batch', edits: [nodes, { type: 'add-notes', notes }] } : nodes);
  select({ nodes: new Set([...placed.nodes, ...notes].map((item) => item.id)), edges: new Set() });
}

/** Text fields and selected page text keep the platform's own copy and paste. */
function isTextTarget(target: EventTarget | null): boolean {
  if (target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA'].includes(target.tagName))) {
    return true;
  }
  return window.getSelection()?.isCollapsed === false;
}

function onCopy(event: ClipboardEvent, cut = false): void {
  if (isTextTarget(event.target) || !event.clipboardData) return;
  const text = copySelection();
  if (!text) return;
  event.clipboardData.setData('text/plain', text);
  event.preventDefault();
  if (cut) removeSelection();
}

function onPaste(event: ClipboardEvent): void {
  if (isTextTarget(event.target)) return;
  const text = event.clipboardData?.getData('text/plain');
  if (text && pasteText(text)) event.preventDefault();
}

/** Listens for the platform's copy, cut and paste events while the app is mounted. */
export function useClipboardEvents(): void {
  useEffect(() => {
    const onCut = (event: ClipboardEvent) => onCopy(event, true);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, []);
}

/** The menu's Paste: the async clipboard where the page may read it, else this window's last copy. */
async function pasteFromMenu(): Promise<void> {
  if (isTextTarget(document.activeElement) && document.execCommand('paste')) return;
  let text: string | undefined;
  try {
    text = await navigator.clipboard.readText();
  } catch {
    text = last?.text;
  }
  if (text) pasteText(text);
}

/** The menu's Copy: raises the platform copy event (handled above), or writes the clipboard itself. */
function copyFromMenu(): void {
  if (document.execCommand('copy')) return;
  const text = copySelection();
  if (text) navigator.clipboard.writeText(text).catch(() => undefined);
}

onCommand('copy', copyFromMenu);
onCommand('paste', () => void pasteFromMenu());
onCommand('duplicate', duplicateSelection);
