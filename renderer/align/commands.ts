/** Align and distribute the selected nodes and notes: each is one move, one undo step. */
import { alignBoxes, distributeBoxes, type Alignment, type Axis } from '../../domain/align';
import type { Position } from '../../domain/diagram';
import { onCommand } from '../commands';
import type { Command } from '../shortcuts/catalog';
import { useStore } from '../store/store';
import { boxesOf } from './boxes';

export const ALIGN_COMMANDS = [
  'align-left',
  'align-centre',
  'align-right',
  'align-top',
  'align-middle',
  'align-bottom',
  'distribute-horizontally',
  'distribute-vertically',
] as const satisfies readonly Command[];

function moveSelection(place: (boxes: ReturnType<typeof boxesOf>) => Map<string, Position>): void {
  const { diagram, selection, edit } = useStore.getState();
  const positions = place(boxesOf(diagram, selection.nodes));
  if (positions.size > 0) edit({ type: 'move-nodes', positions });
}

export function alignSelection(alignment: Alignment): void {
  moveSelection((boxes) => alignBoxes(boxes, alignment));
}

export function distributeSelection(axis: Axis): void {
  moveSelection((boxes) => distributeBoxes(boxes, axis));
}

for (const alignment of ['left', 'centre', 'right', 'top', 'middle', 'bottom'] as const) {
  onCommand(`align-${alignment}`, () => alignSelection(alignment));
}
onCommand('distribute-horizontally', () => distributeSelection('x'));
onCommand('distribute-vertically', () => distributeSelection('y'));
