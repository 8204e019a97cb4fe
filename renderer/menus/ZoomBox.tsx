/**
 * The zoom as a percentage (click: back to 100 %), Zoom to selection and the mini map's switch,
 * beside the canvas's + and −.
 */
import { useStore as useFlowStore } from '@xyflow/react';
import { runCommand } from '../commands';
import { keysText } from '../shortcuts/catalog';
import { useStore } from '../store/store';
import { toggleMinimap, useMinimap } from './minimap';

export function ZoomBox() {
  const percent = useFlowStore((state) => Math.round(state.transform[2] * 100));
  const selected = useStore((state) => state.selection.nodes.size > 0);
  return (
    <div className="zoom-box">
      <button type="button" className="zoom-percent" data-testid="zoom-percent" title={`Zoom to 100 % (${keysText('zoom-100')})`} onClick={() => runCommand('zoom-100')}>
        {percent} %
      </button>
      <button type="button" disabled={!selected} title={`Zoom to selection (${keysText('zoom-selection')})`} onClick={() => runCommand('zoom-selection')}>
        Zoom to selection
      </button>
      <MapSwitch />
    </div>
  );
}

function MapSwitch() {
  const shown = useMinimap((state) => state.shown);
  const aside = useMinimap((state) => state.place === 'aside');
  const title = !shown ? 'Show the mini map' : aside ? 'The mini map steps aside while nodes lie under both its corners' : 'Hide the mini map';
  return (
    <button type="button" aria-pressed={shown} title={`${title} (${keysText('toggle-minimap')})`} onClick={toggleMinimap}>
      Map
    </button>
  );
}
