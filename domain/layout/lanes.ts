/**
 * Auto-layout: lanes by layer, top to bottom (interface, application, data, domain,
 * infrastructure); in each lane an order that crosses few edges, found by barycentre sweeps
 * (each node moves towards the mean place of its neighbours in the other lanes); each feature's
 * nodes kept side by side; crowded lanes wrapped into rows. Pure and fast: lanes are fixed by
 * the kinds, so only the order within them is searched.
 */
import { KIND_INFO, LAYERS, type Diagram, type DiagramNode, type Position } from '../diagram';

/** The box every node is drawn in, with room for a finding badge. */
export const LAYOUT_NODE = { width: 180, height: 56 } as const;
/** Space between nodes in a row, between rows of one lane, and between lanes: room for routes to run between them. */
export const LAYOUT_GAP = { x: 60, y: 64, lane: 110 } as const;
const SWEEPS = 12;

/** The lane a kind is drawn in: 0 for the interface layer at the top, 4 for infrastructure. */
export function laneOf(node: DiagramNode): number {
  return LAYERS.indexOf(KIND_INFO[node.kind].layer);
}

/** New positions for every node; the top-left corner stays where the diagram's was. */
export function layOut(diagram: Diagram): Map<string, Position> {
  return positionsFrom(diagram, orderLanes(diagram));
}

/** A feature's nodes in one lane, or a node without a feature: they move as one. */
type Unit = DiagramNode[];

/** Each lane's nodes, left to right. */
export function orderLanes(diagram: Diagram): DiagramNode[][] {
  const neighbours = neighboursOf(diagram);
  let lanes = LAYERS.map((_, lane) => unitsOf(diagram.nodes.filter((node) => laneOf(node) === lane)));
  const place = new Map<string, number>();
  const remember = () => {
    for (const units of lanes) {
      const flat = units.flat();
      flat.forEach((node, i) => place.set(node.id, (i + 0.5) / flat.length));
    }
  };
  remember();
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const order = sweep % 2 === 0 ? [0, 1, 2, 3, 4] : [4, 3, 2, 1, 0];
    for (const lane of order) {
      lanes = lanes.map((units, i) => (i === lane ? reorder(units, neighbours, place) : units));
      remember();
    }
  }
  return lanes.map((units) => units.flat());
}

function neighboursOf(diagram: Diagram): Map<string, string[]> {
  const lane = new Map(diagram.nodes.map((node) => [node.id, laneOf(node)]));
  const neighbours = new Map<string, string[]>();
  const link = (from: string, to: string) => neighbours.set(from, [...(neighbours.get(from) ?? []), to]);
  for (const edge of diagram.edges) {
    const [a, b] = [lane.get(edge.source), lane.get(edge.target)];
    // Edges within a lane pull nothing: the sweep compares places across lanes.
    if (a === undefined || b === undefined || a === b) continue;
    link(edge.source, edge.target);
    link(edge.target, edge.source);
  }
  return neighbours;
}

/** Units in the diagram's current left-to-right order. */
function unitsOf(nodes: readonly DiagramNode[]): Unit[] {
  const sorted = [...nodes].sort((a, b) => a.position.x - b.position.x || a.position.y - b.position.y);
  const units = new Map<string, Unit>();
  for (const node of sorted) {
    const key = node.feature === undefined ? `node:${node.id}` : `feature:${node.feature}`;
    const unit = units.get(key);
    if (unit) unit.push(node);
    else units.set(key, [node]);
  }
  return [...units.values()];
}

/** Sorts units, and nodes inside each unit, by the mean place of their neighbours; stable when unlinked. */
function reorder(units: readonly Unit[], neighbours: ReadonlyMap<string, string[]>, place: ReadonlyMap<string, number>): Unit[] {
  const centre = (nodes: readonly DiagramNode[]) => {
    let sum = 0;
    let count = 0;
    for (const node of nodes) {
      for (const other of neighbours.get(node.id) ?? []) {
        sum += place.get(other)!;
        count++;
      }
    }
    return count === 0 ? place.get(nodes[0].id)! : sum / count;
  };
  const byCentre = <T>(items: readonly T[], of: (item: T) => number) =>
    items
      .map((item) => ({ item, key: of(item) }))
      .sort((a, b) => a.key - b.key)
      .map(({ item }) => item);
  return byCentre(units, centre).map((unit) => (unit.length > 1 ? byCentre(unit, (node) => centre([node])) : unit));
}

/** Lanes stacked from the old top-left corner, rows wrapped and centred. */
export function positionsFrom(diagram: Diagram, lanes: readonly (readonly DiagramNode[])[]): Map<string, Position> {
  const perRow = Math.max(6, Math.ceil(Math.sqrt(diagram.nodes.length) * 1.2));
  const origin = topLeft(diagram.nodes);
  const step = { x: LAYOUT_NODE.width + LAYOUT_GAP.x, y: LAYOUT_NODE.height + LAYOUT_GAP.y };
  const positions = new Map<string, Position>();
  let top = origin.y;
  for (const lane of lanes) {
    if (lane.length === 0) continue;
    const fullRow = Math.min(perRow, lane.length) * step.x;
    lane.forEach((node, i) => {
      const row = Math.floor(i / perRow);
      const inRow = Math.min(perRow, lane.length - row * perRow);
      const x = origin.x + (fullRow - inRow * step.x) / 2 + (i % perRow) * step.x;
      positions.set(node.id, { ...node.position, x: Math.round(x), y: Math.round(top + row * step.y) });
    });
    top += Math.ceil(lane.length / perRow) * step.y - LAYOUT_GAP.y + LAYOUT_GAP.lane;
  }
  return positions;
}

function topLeft(nodes: readonly DiagramNode[]): { x: number; y: number } {
  let [x, y] = [Infinity, Infinity];
  for (const node of nodes) [x, y] = [Math.min(x, node.position.x), Math.min(y, node.position.y)];
  return nodes.length === 0 ? { x: 0, y: 0 } : { x, y };
}

/** Pairs of nodes whose boxes overlap; empty after a correct layout. */
export function overlaps(positions: ReadonlyMap<string, Position>, size: { width: number; height: number } = LAYOUT_NODE): [string, string][] {
  const boxes = [...positions].sort((a, b) => a[1].x - b[1].x);
  const found: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length && boxes[j][1].x < boxes[i][1].x + size.width; j++) {
      if (Math.abs(boxes[i][1].y - boxes[j][1].y) < size.height) found.push([boxes[i][0], boxes[j][0]]);
    }
  }
  return found;
}

/** Edge crossings between neighbouring lanes, for tests and the benchmark. */
export function crossings(diagram: Diagram, positions: ReadonlyMap<string, Position>): number {
  const segments = diagram.edges
    .map((edge) => [positions.get(edge.source), positions.get(edge.target)])
    .filter((pair): pair is [Position, Position] => pair[0] !== undefined && pair[1] !== undefined)
    .map(([a, b]) => (a.y <= b.y ? [a, b] : [b, a]));
  let count = 0;
  for (let i = 0; i < segments.length; i++) {
    for (let j = i + 1; j < segments.length; j++) {
      const [a, b] = segments[i];
      const [c, d] = segments[j];
      if (a.y === c.y && b.y === d.y && (a.x - c.x) * (b.x - d.x) < 0) count++;
    }
  }
  return count;
}
