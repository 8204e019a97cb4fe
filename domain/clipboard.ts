/**
 * Copy and paste as data: what a copy holds, how it travels as clipboard text, and how a paste
 * becomes new nodes and edges. The text is plain JSON so that a copy from one window or tab can
 * be pasted into another, and it is read back as untrusted input, like a file.
 */
import { CURRENT_VERSION, FORMAT, notesOf, type Diagram, type DiagramEdge, type DiagramNode, type DiagramNote, type Position } from './diagram';
import { isRecord, jsonDepth } from './json';
import { pythonForm } from './names';
import { MAX_DEPTH, MAX_FILE_CHARS, readDiagram } from './parse';

/** The key that marks clipboard text as a Strata copy: `{"strata-clipboard":1,...}`. */
export const CLIPBOARD_MARKER = 'strata-clipboard';
const CLIPBOARD_VERSION = 1;

/** Nodes, the edges among them and notes, as copied. */
export interface Clip {
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
  /** Absent when no note was copied, as in a diagram file. */
  readonly notes?: readonly DiagramNote[];
}

/**
 * The given nodes and the edges between two of them; edges leaving the selection stay behind.
 * `ids` may name notes too: they are selected like nodes, and travel with them.
 */
export function copyNodes(diagram: Diagram, ids: ReadonlySet<string>): Clip {
  const notes = notesOf(diagram).filter((note) => ids.has(note.id));
  return {
    nodes: diagram.nodes.filter((node) => ids.has(node.id)),
    edges: diagram.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target)),
    ...(notes.length > 0 && { notes }),
  };
}

/** Whether a clip holds nothing to paste. */
export function isEmptyClip(clip: Clip): boolean {
  return clip.nodes.length === 0 && (clip.notes?.length ?? 0) === 0;
}

/** Clipboard text for a clip; it carries the diagram format version so a newer app can migrate it. */
export function encodeClip(clip: Clip): string {
  const notes = clip.notes ? { notes: clip.notes } : {};
  return JSON.stringify({ [CLIPBOARD_MARKER]: CLIPBOARD_VERSION, version: CURRENT_VERSION, nodes: clip.nodes, edges: clip.edges, ...notes });
}

/**
 * The clip in clipboard text, or undefined when the text is not a valid Strata copy. Nodes and
 * edges pass the same checks as a diagram file; edges to nodes outside the clip are dropped.
 */
export function decodeClip(text: string): Clip | undefined {
  if (!text.includes(CLIPBOARD_MARKER) || text.length > MAX_FILE_CHARS || jsonDepth(text, MAX_DEPTH) > MAX_DEPTH) {
    return undefined;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(raw) || raw[CLIPBOARD_MARKER] !== CLIPBOARD_VERSION) return undefined;
  const notes = raw.notes === undefined ? {} : { notes: raw.notes };
  const result = readDiagram({ format: FORMAT, version: raw.version, nodes: raw.nodes, edges: raw.edges, ...notes });
  if (!result.ok) return undefined;
  const ids = new Set(result.diagram.nodes.map((node) => node.id));
  const read = notesOf(result.diagram);
  return {
    nodes: result.diagram.nodes,
    edges: result.diagram.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target)),
    ...(read.length > 0 && { notes: read }),
  };
}

/**
 * A clip made ready to add to `diagram`: every node, edge and note gets an id the diagram does not
 * use, positions move by `offset`, edges follow their nodes' new ids, and a name that would
 * duplicate one of the same kind and feature gets a number (`order_service_2`).
 */
export function placeClip(diagram: Diagram, clip: Clip, offset: Position): Clip {
  const nextId = idAllocator(diagram);
  const nextName = nameAllocator(diagram);
  const newIds = new Map<string, string>();
  const nodes = clip.nodes.map((node): DiagramNode => {
    const id = nextId(idPrefix(node.id));
    newIds.set(node.id, id);
    const position = { ...node.position, x: node.position.x + offset.x, y: node.position.y + offset.y };
    return { ...node, id, name: nextName(node), position };
  });
  const edges = clip.edges.flatMap((edge): DiagramEdge[] => {
    const source = newIds.get(edge.source);
    const target = newIds.get(edge.target);
    return source && target ? [{ ...edge, id: nextId('e'), source, target }] : [];
  });
  const notes = clip.notes?.map((note): DiagramNote => ({ ...note, id: nextId(idPrefix(note.id)), position: { x: note.position.x + offset.x, y: note.position.y + offset.y } }));
  return { nodes, edges, ...(notes && { notes }) };
}

/** `s12` → `s`, so a pasted service gets an id like the others; ids without a letter become `n`. */
function idPrefix(id: string): string {
  return id.replace(/\d+$/, '') || 'n';
}

/** Hands out ids unused by the diagram and by earlier calls, in one pass over the diagram. */
function idAllocator(diagram: Diagram): (prefix: string) => string {
  const used = new Set<string>();
  for (const node of diagram.nodes) used.add(node.id);
  for (const edge of diagram.edges) used.add(edge.id);
  for (const note of notesOf(diagram)) used.add(note.id);
  const counters = new Map<string, number>();
  return (prefix) => {
    let n = counters.get(prefix) ?? 1;
    while (used.has(`${prefix}${n}`)) n++;
    counters.set(prefix, n + 1);
    used.add(`${prefix}${n}`);
    return `${prefix}${n}`;
  };
}

/** Keeps a name when it is free among nodes of the same kind and feature, else numbers it. */
function nameAllocator(diagram: Diagram): (node: DiagramNode) => string {
  const key = (node: DiagramNode, name: string) => `${node.kind}\u0000${node.feature ?? ''}\u0000${pythonForm(name)}`;
  const taken = new Set(diagram.nodes.map((node) => key(node, node.name)));
  return (node) => {
    let name = node.name;
    if (pythonForm(name) !== '' && taken.has(key(node, name))) {
      const base = name.replace(/_\d+$/, '');
      let n = 2;
      while (taken.has(key(node, `${base}_${n}`))) n++;
      name = `${base}_${n}`;
    }
    taken.add(key(node, name));
    return name;
  };
}
