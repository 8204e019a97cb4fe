/**
 * Feature containers on the canvas, derived from their members' box and never stored. The box is
 * drawn in React Flow's viewport portal, outside its nodes; only the label is a React Flow node,
 * whose size never changes, so a member dragged across the canvas costs React Flow no
 * re-measuring. Dragging the label moves the members (one gesture, one undo step), and a node
 * dropped inside another feature's box joins that feature.
 */
import type { Node, NodeChange, NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import type { DiagramNode, Position } from '../../domain/diagram';
import { useStore } from '../store/store';
import { measuredSize } from './derive';
import { adoptedFeatures, featureBoxes, moveMembers, type FeatureBox } from './features';
import { ViewportLayer } from './ViewportLayer';

export type FeatureNodeData = { box: FeatureBox };
export type FeatureFlowNode = Node<FeatureNodeData, 'feature'>;

/** Container ids live beside diagram ids in React Flow; the prefix keeps them apart. */
const FEATURE_ID_PREFIX = 'strata-feature:';
/** Where the label sits inside its box's top-left corner. */
const LABEL_OFFSET = { x: 12, y: 7 } as const;

export function isFeatureNodeId(id: string): boolean {
  return id.startsWith(FEATURE_ID_PREFIX);
}

export const FeatureGroup = memo(function FeatureGroup({ data }: NodeProps<FeatureFlowNode>) {
  return (
    <span className="feature-label" title={`Feature "${data.box.feature}": drag to move its ${data.box.members.length} nodes`}>
      {data.box.feature}
    </span>
  );
});

/** The boxes, behind nodes and edges, in canvas coordinates. Rendered once inside <ReactFlow>. */
export function FeatureBoxes() {
  const nodes = useStore((state) => state.diagram.nodes);
  const boxes = useMemo(() => featureBoxes(nodes), [nodes]);
  return (
    <ViewportLayer>
      {boxes.map((box) => (
        <div
          key={box.feature}
          className="feature-group"
          data-feature={box.feature}
          style={{ transform: `translate(${box.x}px, ${box.y}px)`, width: box.width, height: box.height }}
        />
      ))}
    </ViewportLayer>
  );
}

const cache = new Map<string, FeatureFlowNode>();

/** One label node per feature, reusing the flow object while the label stays where it was. */
export function featureFlowNodes(nodes: readonly DiagramNode[]): FeatureFlowNode[] {
  return featureBoxes(nodes).map((box) => {
    const cached = cache.get(box.feature);
    if (cached && sameLabel(cached.data.box, box)) return cached;
    const id = FEATURE_ID_PREFIX + box.feature;
    const measured = measuredSize(id);
    const flow: FeatureFlowNode = {
      id,
      type: 'feature',
      position: { x: box.x + LABEL_OFFSET.x, y: box.y + LABEL_OFFSET.y },
      ...(measured && { measured }),
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

function sameLabel(a: FeatureBox, b: FeatureBox): boolean {
  return a.x === b.x && a.y === b.y && a.members.length === b.members.length;
}

/** Turns container moves into member moves and hands back the changes meant for diagram nodes. */
export function takeFeatureChanges<T extends Node>(changes: readonly NodeChange<T | FeatureFlowNode>[]): NodeChange<T>[] {
  const rest: NodeChange<T>[] = [];
  for (const change of changes) {
    const id = change.type === 'add' || change.type === 'replace' ? change.item.id : change.id;
    if (!isFeatureNodeId(id)) rest.push(change as NodeChange<T>);
    else if (change.type === 'position' && change.position) {
      const boxCorner = { x: change.position.x - LABEL_OFFSET.x, y: change.position.y - LABEL_OFFSET.y };
      moveFeature(id.slice(FEATURE_ID_PREFIX.length), boxCorner);
    }
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
