/** Arrow keys nudge the selected nodes and notes: 1px, or 10px with Shift; each press is one undo step. */
import { useEffect } from 'react';
import { notesOf, type Position } from '../domain/diagram';
import { useStore } from './store/store';

const DIRECTIONS: Readonly<Record<string, Position>> = {
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
};

/** Moves the selected nodes; false when there is nothing to move. */
export function nudgeSelection(direction: Position, step: number): boolean {
  const { diagram, selection, edit } = useStore.getState();
  if (selection.nodes.size === 0) return false;
  const positions = new Map<string, Position>();
  // Notes are selected like nodes and move with them.
  for (const item of [...diagram.nodes, ...notesOf(diagram)]) {
    if (!selection.nodes.has(item.id)) continue;
    positions.set(item.id, { ...item.position, x: item.position.x + direction.x * step, y: item.position.y + direction.y * step });
  }
  edit({ type: 'move-nodes', positions });
  return true;
}

function onKeyDown(event: KeyboardEvent): void {
  const direction = DIRECTIONS[event.key];
  if (!direction || event.ctrlKey || event.metaKey || event.altKey || isTextField(event.target)) return;
  if (!nudgeSelection(direction, event.shiftKey ? 10 : 1)) return;
  event.preventDefault();
  // React Flow would also move focused nodes (by 5px, outside our undo history): it must not see the key.
  event.stopPropagation();
}

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Listens on the window in the capture phase, before React Flow's own arrow-key handling. */
export function useArrowNudge(): void {
  useEffect(() => {
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
