/**
 * What the canvas's own commands do — rename, reverse, add a note, zoom — registered once for
 * keys, context menus and the "?" list alike.
 */
import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { notesOf, type NoteStyle, type Position } from '../../domain/diagram';
import { onCommand } from '../commands';
import { useFitNodes } from '../canvas/fit';
import { addNote } from '../notes/add';
import { openShortcuts } from '../shortcuts/ShortcutsDialog';
import { useStore } from '../store/store';

/** Renames the one selected node, writes in the one selected note, or labels the one selected arrow. */
export function renameSelection(): void {
  const { selection, rename } = useStore.getState();
  const [only] = selection.nodes.size === 1 && selection.edges.size === 0 ? selection.nodes : selection.edges.size === 1 && selection.nodes.size === 0 ? selection.edges : [];
  if (only) rename(only);
}

/** Reverses the selected arrows, all in one undo step. */
export function reverseSelection(): void {
  const { selection, edit } = useStore.getState();
  if (selection.edges.size > 0) edit({ type: 'reverse-edges', ids: [...selection.edges] });
}

export function useCanvasCommands(centre: () => Position): void {
  const { zoomTo } = useReactFlow();
  const fitNodes = useFitNodes();
  useEffect(() => {
    const add = (style: NoteStyle) => () => void addNote(style, centre());
    const zoomToSelection = () => {
      const { selection, diagram } = useStore.getState();
      const ids = [...selection.nodes].filter((id) => !notesOf(diagram).some((note) => note.id === id));
      if (ids.length > 0) fitNodes({ padding: 0.3, duration: 200, maxZoom: 2 }, ids);
    };
    const stops = [
      onCommand('rename', renameSelection),
      onCommand('reverse', reverseSelection),
      onCommand('add-note', add('sticky')),
      onCommand('add-text', add('text')),
      onCommand('zoom-100', () => void zoomTo(1, { duration: 200 })),
      onCommand('zoom-selection', zoomToSelection),
      onCommand('shortcuts', openShortcuts),
    ];
    return () => stops.forEach((stop) => stop());
  }, [centre, zoomTo, fitNodes]);
}
