/**
 * Feature containers, derived: a node's `feature` field is the truth, and each feature's box on
 * the canvas is its members' bounding box plus padding, computed here without React.
 */
import type { DiagramNode, Position } from '../../domain/diagram';
import { changedInPlace } from '../store/moves';

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

/** The last boxes, the nodes they are for, and where each feature's members are in that list. */
let lastBoxes: { readonly nodes: readonly DiagramNode[]; readonly boxes: readonly FeatureBox[]; readonly places: Map<string, number[]> } | undefined;

/**
 * One box per feature used by a node, in order of each feature's first member. The canvas's
 * labels and boxes both ask on every drag frame: the last answer is kept for the same nodes, and
 * after a move only the moved nodes' features are measured again.
 */
export function featureBoxes(nodes: readonly DiagramNode[], skip?: ReadonlySet<string>): readonly FeatureBox[] {
  if (skip) return boxesOf(nodes, skip);
  if (lastBoxes?.nodes === nodes) return lastBoxes.boxes;
  const boxes = lastBoxes && afterMove(lastBoxes.nodes, nodes, lastBoxes.boxes, lastBoxes.places);
  lastBoxes = boxes ? { ...lastBoxes!, nodes, boxes } : { nodes, boxes: boxesOf(nodes, new Set()), places: placesOf(nodes) };
  return lastBoxes.boxes;
}

/** Where each feature's members are in `nodes`. */
function placesOf(nodes: readonly DiagramNode[]): Map<string, number[]> {
  const places = new Map<string, number[]>();
  nodes.forEach((node, i) => {
    if (node.feature === undefined) return;
    const list = places.get(node.feature);
    if (list) list.push(i);
    else places.set(node.feature, [i]);
  });
  return places;
}

/** The boxes after nodes moved in place without changing feature; undefined for any other change. */
function afterMove(
  before: readonly DiagramNode[],
  nodes: readonly DiagramNode[],
  boxes: readonly FeatureBox[],
  places: ReadonlyMap<string, readonly number[]>,
): FeatureBox[] | undefined {
  const changed = changedInPlace(before, nodes);
  if (!changed || changed.some((i) => before[i].feature !== nodes[i].feature)) return undefined;
  const touched = new Set(changed.map((i) => nodes[i].feature).filter((feature) => feature !== undefined));
  return boxes.map((box) => (touched.has(box.feature) ? boxAround(box.feature, places.get(box.feature)!.map((i) => nodes[i])) : box));
}

function boxesOf(nodes: readonly DiagramNode[], skip: ReadonlySet<string>): FeatureBox[] {
  const members = new Map<string, DiagramNode[]>();
  for (const node of nodes) {
    if (node.feature === undefined || skip.has(node.id)) continue;
    const list = members.get(node.feature);
    if (list) list.push(node);
    else members.set(node.feature, [node]);
  }
  return [...members].map(([feature, list]) => boxAround(feature, list));
}

function boxAround(feature: string, members: readonly DiagramNode[]): FeatureBox {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { position } of members) {
    left = Math.min(left, position.x);
    top = Math.min(top, position.y);
    right = Math.max(right, position.x + NODE_SIZE.width);
    bottom = Math.max(bottom, position.y + NODE_SIZE.height);
  }
  return {
    feature,
    x: left - FEATURE_PADDING.side,
    y: top - FEATURE_PADDING.top,
    width: right - left + 2 * FEATURE_PADDING.side,
    height: bottom - top + FEATURE_PADDING.top + FEATURE_PADDING.bottom,
    members: members.map((node) => node.id),
  };
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
