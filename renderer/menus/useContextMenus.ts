/** React Flow's right-click events turned into Strata's context menus, as stable handlers. */
import { useReactFlow, type Edge, type Node } from '@xyflow/react';
import { useMemo, type MouseEvent } from 'react';
import { useStore } from '../store/store';
import { openContextMenu, type MenuTarget } from './ContextMenu';

export function useContextMenus() {
  const { screenToFlowPosition } = useReactFlow();
  return useMemo(() => {
    const open = (event: MouseEvent | globalThis.MouseEvent, target: MenuTarget) => {
      event.preventDefault();
      const screen = { x: event.clientX, y: event.clientY };
      openContextMenu(target, screen, screenToFlowPosition(screen));
    };
    /** A node in a larger selection opens the selection's menu: its actions apply to all of it. */
    const onNodeContextMenu = (event: MouseEvent, node: Node) => {
      if (node.type === 'feature' || node.type === 'ghost') return open(event, { type: 'canvas' });
      const { selection } = useStore.getState();
      const several = selection.nodes.has(node.id) && selection.nodes.size + selection.edges.size > 1;
      open(event, several ? { type: 'selection' } : { type: node.type === 'note' ? 'note' : 'node', id: node.id });
    };
    return {
      onNodeContextMenu,
      onEdgeContextMenu: (event: MouseEvent, edge: Edge) => open(event, { type: 'edge', id: edge.id }),
      onPaneContextMenu: (event: MouseEvent | globalThis.MouseEvent) => open(event, { type: 'canvas' }),
      onSelectionContextMenu: (event: MouseEvent) => open(event, { type: 'selection' }),
    };
  }, [screenToFlowPosition]);
}
