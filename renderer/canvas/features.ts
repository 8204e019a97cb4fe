/**
 * Feature containers, derived: a node's `feature` field is the truth, and each feature's box on
 * the canvas is its members' bounding box plus padding, computed here without React.
 */
import type { DiagramNode, Position } from '../../domain/diagram';

/** The size every node is drawn at (styles.css `.strata-node`), so boxes need no measuring. */
export const NODE_SIZE = { width: 180, height: 52 } as const;
/** Room around the members; the top leaves space for the feature's label. */
export const FEATURE_PADDING = { side: 20, top: 34, bottom: 20 } as const;

export interface FeatureBox {
  readonly feature: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly members: readonly string[];
}

let lastBoxes: { readonly nodes: readonly DiagramNode[]; readonly boxes: readonly FeatureBox[] } | undefined;

/**
 * One box per feature used by a node, in order of each feature's first member. The canvas's
 * labels and boxes both ask on every drag frame: the last answer is kept for the same nodes.
 */
export function featureBoxes(nodes: readonly DiagramNode[], skip?: ReadonlySet<string>): readonly FeatureBox[] {
  if (skip) return boxesOf(nodes, skip);
  if (lastBoxes?.nodes !== nodes) lastBoxes = { nodes, boxes: boxesOf(nodes, new Set()) };
  return lastBoxes.boxes;
}

function boxesOf(nodes: readonly DiagramNode[], skip: ReadonlySet<string>): FeatureBox[] {
  const bounds = new Map<string, { left: number; top: number; right: number; bottom: number; members: string[] }>();
  for (const node of nodes) {
    if (node.feature === undefined || skip.has(node.id)) continue;
    const { x, y } = node.position;
    const box = bounds.get(node.feature);
    if (!box) {
      bounds.set(node.feature, { left: x, top: y, right: x + NODE_SIZE.width, bottom: y + NODE_SIZE.height, members: [node.id] });
      continue;
    }
    box.left = Math.min(box.left, x);
    box.top = Math.min(box.top, y);
    box.right = Math.max(box.right, x + NODE_SIZE.width);
    box.bottom = Math.max(box.bottom, y + NODE_SIZE.height);
    box.members.push(node.id);
  }
  return [...bounds].map(([feature, box]) => ({
    feature,
    x: box.left - FEATURE_PADDING.side,
    y: box.top - FEATURE_PADDING.top,
    width: box.right - box.left + 2 * FEATURE_PADDING.side,
    height: box.bottom - box.top + FEATURE_PADDING.top + FEATURE_PADDING.bottom,
    members: box.members,
  }));
}

/** The feature whose box holds the point; the smallest box wins where boxes overlap. */
export function featureAt(boxes: readonly FeatureBox[], point: Position): string | undefined {
  let found: FeatureBox | undefined;
  for (const box of boxes) {
    const inside = point.x >= box.x && point.x <= box.x + box.width && point.y >= box.y && point.y <= box.y + box.height;
    if (inside && (!found || box.width * box.height < found.width * found.height)) found = box;
  }
  return found?.feature;
}

/** New positions for a box's members when the box is dragged to `to`: all move by the same amount. */
export function moveMembers(nodes: readonly DiagramNode[], box: FeatureBox, to: Position): Map<string, Position> {
  const dx = Math.round(to.x - box.x);
  const dy = Math.round(to.y - box.y);
  const positions = new Map<string, Position>();
  if (dx === 0 && dy === 0) return positions;
  const members = new Set(box.members);
  for (const node of nodes) {
    if (members.has(node.id)) positions.set(node.id, { ...node.position, x: node.position.x + dx, y: node.position.y + dy });
  }
  return positions;
}

/**
 * The features dropped nodes join: a node whose centre lands inside another feature's box
 * (computed without the dropped nodes) joins that feature. A node dropped outside every box
 * keeps its feature, so a stray drag never silently ungroups; "Ungroup" does that on purpose.
 */
export function adoptedFeatures(nodes: readonly DiagramNode[], dropped: ReadonlySet<string>): Map<string, string> {
  const boxes = featureBoxes(nodes, dropped);
  const adopted = new Map<string, string>();
  if (boxes.length === 0) return adopted;
  for (const node of nodes) {
    if (!dropped.has(node.id)) continue;
    const centre = { x: node.position.x + NODE_SIZE.width / 2, y: node.position.y + NODE_SIZE.height / 2 };
    const feature = featureAt(boxes, centre);
    if (feature !== undefined && feature !== node.feature) adopted.set(node.id, feature);
  }
  return adopted;
}
