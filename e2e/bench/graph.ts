/**
 * Deterministic large diagrams for the canvas benchmark: nodes in bands by layer (as a real
 * layered diagram is drawn), edges mostly to a nearby node one layer down, a few against the
 * rules so that findings and badges are on the canvas too.
 */
import { CURRENT_VERSION, KIND_INFO, LAYERS, type Diagram, type DiagramEdge, type DiagramNode, type DiagramNote, type Kind } from '../../domain/diagram';

/** Share of each kind in a large system. */
const MIX: readonly [Kind, number][] = [
  ['router', 0.12],
  ['worker', 0.03],
  ['scheduler', 0.01],
  ['service', 0.24],
  ['repository', 0.2],
  ['model', 0.34],
  ['database', 0.02],
  ['broker', 0.01],
  ['cache', 0.01],
  ['external', 0.02],
];

export const CELL = { width: 230, height: 100 };
/** Every node id starts with it, so a page can tell the bench diagram's nodes from the sample's. */
export const NODE_ID_PREFIX = 'n';

/** Mulberry32: small, fast and the same on every machine. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A diagram of `nodeCount` nodes and `edgeCount` edges whose bounds are roughly square. */
export function benchDiagram(nodeCount: number, edgeCount: number, seed = 7): Diagram {
  const next = random(seed);
  const columns = Math.max(4, Math.round(Math.sqrt((nodeCount * CELL.height) / CELL.width)));
  const kinds = kindsFor(nodeCount);
  const nodes: DiagramNode[] = [];
  // The empty row after each layer, where the notes go.
  const gaps: number[] = [];
  let row = 0;
  for (const layer of LAYERS) {
    const inLayer = kinds.filter((kind) => KIND_INFO[kind].layer === layer);
    inLayer.forEach((kind, i) => {
      const id = `${NODE_ID_PREFIX}${nodes.length}`;
      const position = { x: (i % columns) * CELL.width, y: (row + Math.floor(i / columns)) * CELL.height };
      nodes.push({ id, kind, name: `${kind}_${nodes.length}`, feature: `f${Math.floor((i % columns) / 3)}`, position });
    });
    row += Math.ceil(inLayer.length / columns) + 1;
    gaps.push(row - 1);
  }
  const edges = edgesFor(nodes, edgeCount, next).map((edge, i) => (i % LABEL_EVERY === 0 ? { ...edge, label: LABELS[(i / LABEL_EVERY) % LABELS.length] } : edge));
  const project = { name: 'bench', framework: 'fastapi', tasks: 'celery', layout: 'auto' } as const;
  return { version: CURRENT_VERSION, project, nodes, edges, notes: notesFor(nodes.length, gaps, columns) };
}

/** One arrow in four has words on it, as a design meeting leaves them. */
const LABEL_EVERY = 4;
const LABELS = ['reads', 'calls', 'enqueues', 'caches'];
/** A note for every 50 components, in the empty rows between layers. */
const NODES_PER_NOTE = 50;
export const NOTE_ID_PREFIX = 'memo';

function notesFor(nodeCount: number, gaps: readonly number[], columns: number): DiagramNote[] {
  const count = Math.max(1, Math.round(nodeCount / NODES_PER_NOTE));
  const perGap = Math.ceil(count / gaps.length);
  return Array.from({ length: count }, (_, i) => ({
    id: `${NOTE_ID_PREFIX}${i}`,
    style: i % 3 === 2 ? 'text' : 'sticky',
    text: `**Decision ${i}**: keep this path synchronous\n- revisit after load tests`,
    position: { x: Math.floor(((i % perGap) + 0.5) * (columns / perGap)) * CELL.width, y: gaps[Math.floor(i / perGap)] * CELL.height },
  }));
}

function kindsFor(nodeCount: number): Kind[] {
  const kinds: Kind[] = [];
  for (const [kind, share] of MIX) for (let i = 0; i < Math.max(1, Math.round(share * nodeCount)); i++) kinds.push(kind);
  return kinds.slice(0, nodeCount);
}

/** Where each kind's edges go in a well-layered system. */
const TARGETS: Readonly<Partial<Record<Kind, readonly Kind[]>>> = {
  router: ['service'],
  worker: ['service', 'broker'],
  scheduler: ['worker'],
  service: ['repository', 'external', 'cache'],
  repository: ['model', 'database'],
};

/** Each edge goes from a node to a close node of a kind it may use; one in fifty goes the wrong way. */
function edgesFor(nodes: readonly DiagramNode[], edgeCount: number, next: () => number): DiagramEdge[] {
  const byKind = new Map<Kind, DiagramNode[]>();
  for (const node of nodes) byKind.set(node.kind, [...(byKind.get(node.kind) ?? []), node]);
  const sources = nodes.filter((node) => TARGETS[node.kind]);
  const width = Math.max(1, ...nodes.map((node) => node.position.x));
  const edges: DiagramEdge[] = [];
  const seen = new Set<string>();
  for (let tries = 0; edges.length < edgeCount && tries < edgeCount * 20; tries++) {
    const source = sources[Math.floor(next() * sources.length)];
    const kinds = TARGETS[source.kind]!;
    const candidates = byKind.get(kinds[Math.floor(next() * kinds.length)]);
    if (!candidates) continue;
    const near = Math.floor((source.position.x / width) * candidates.length + (next() - 0.5) * 12);
    const target = candidates[Math.min(candidates.length - 1, Math.max(0, near))];
    const [from, to] = next() < 0.02 ? [target, source] : [source, target];
    const key = `${from.id}>${to.id}`;
    if (from.id === to.id || seen.has(key)) continue;
    seen.add(key);
    edges.push({ id: `e${edges.length}`, source: from.id, target: to.id });
  }
  return edges;
}
