/**
 * Feature containers on the canvas. Each is a React Flow node derived from its members' box,
 * never stored: dragging its label moves the members (one gesture, one undo step), and a node
 * dropped inside another feature's box joins that feature.
 */
import type { Node, NodeChange, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { DiagramNode, Position } from '../../domain/diagram';
import { useStore } from '../store/store';
import { adoptedFeatures, featureBoxes, moveMembers, type FeatureBox } from './features';

export type FeatureNodeData = { box: FeatureBox };
export type FeatureFlowNode = Node<FeatureNodeData, 'feature'>;

/** Container ids live beside diagram ids in React Flow; the prefix keeps them apart. */
const FEATURE_ID_PREFIX = 'strata-feature:';

export function isFeatureNodeId(id: string): boolean {
  return id.startsWith(FEATURE_ID_PREFIX);
}

export const FeatureGroup = memo(function FeatureGroup({ data }: NodeProps<FeatureFlowNode>) {
  return (
    <div className="feature-group" data-feature={data.box.feature}>
      <span className="feature-label" title={`Feature "${data.box.feature}": drag to move its ${data.box.members.length} nodes`}>
        {data.box.feature}
      </span>
    </div>
  );
});

const cache = new Map<string, FeatureFlowNode>();

/** One container per feature, reusing the flow object while its box is unchanged. */
export function featureFlowNodes(nodes: readonly DiagramNode[]): FeatureFlowNode[] {
  return featureBoxes(nodes).map((box) => {
    const cached = cache.get(box.feature);
    if (cached && sameBox(cached.data.box, box)) return cached;
    const flow: FeatureFlowNode = {
      id: FEATURE_ID_PREFIX + box.feature,
      type: 'feature',
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      data: { box },
      dragHandle: '.feature-label',
      selectable: false,
      connectable: false,
      deletable: false,
      focusable: false,
      zIndex: -1,
    };
    cache.set(box.feature, flow);
    return flow;
  });
}

function sameBox(a: FeatureBox, b: FeatureBox): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height && a.members.join() === b.members.join();
}

/** Turns container moves into member moves and hands back the changes meant for diagram nodes. */
export function takeFeatureChanges<T extends Node>(changes: readonly NodeChange<T | FeatureFlowNode>[]): NodeChange<T>[] {
  const rest: NodeChange<T>[] = [];
  for (const change of changes) {
    const id = change.type === 'add' || change.type === 'replace' ? change.item.id : change.id;
    if (!isFeatureNodeId(id)) rest.push(change as NodeChange<T>);
    else if (change.type === 'position' && change.position) moveFeature(id.slice(FEATURE_ID_PREFIX.length), change.position);
  }
  return rest;
}

function moveFeature(feature: string, to: Position): void {
  const store = useStore.getState();
  const box = featureBoxes(store.diagram.nodes).find((candidate) => candidate.feature === feature);
  if (!box) return;
  const positions = moveMembers(store.diagram.nodes, box, to);
  if (positions.size > 0) store.editInGesture({ type: 'move-nodes', positions });
}

/** Ends a drag: dropped nodes join the feature they landed in, in the same undo step as the move. */
export function endNodeDrag(dragged: readonly Node[]): void {
  const store = useStore.getState();
  const dropped = new Set(dragged.map((node) => node.id).filter((id) => !isFeatureNodeId(id)));
  // A click that moved nothing must not regroup a node that merely overlaps another box.
  if (dropped.size > 0 && store.gestureStart !== null) {
    for (const [id, feature] of adoptedFeatures(store.diagram.nodes, dropped)) {
      store.editInGesture({ type: 'update-node', id, changes: { feature } });
    }
  }
  store.endGesture();
}
