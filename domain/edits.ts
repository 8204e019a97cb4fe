/**
 * Edits are data: small change objects applied by one pure function, so that the canvas, the
 * keyboard, undo history and tests all change a diagram the same way.
 */
import { notesOf, type Diagram, type DiagramEdge, type DiagramNode, type DiagramNote, type Position, type Project } from './diagram';

export type Edit =
  | { readonly type: 'add-nodes'; readonly nodes: readonly DiagramNode[]; readonly edges?: readonly DiagramEdge[] }
  | { readonly type: 'move-nodes'; readonly positions: ReadonlyMap<string, Position> }
  | { readonly type: 'remove'; readonly nodeIds: readonly string[]; readonly edgeIds: readonly string[] }
  | { readonly type: 'add-edge'; readonly edge: DiagramEdge }
  | { readonly type: 'update-node'; readonly id: string; readonly changes: Partial<Omit<DiagramNode, 'id'>> }
  | { readonly type: 'set-project'; readonly project: Partial<Project> }
  | { readonly type: 'update-edge'; readonly id: string; readonly changes: Partial<Omit<DiagramEdge, 'id'>> }
  /** Each edge then points the other way: its target depends on its source. */
  | { readonly type: 'reverse-edges'; readonly ids: readonly string[] }
  | { readonly type: 'add-notes'; readonly notes: readonly DiagramNote[] }
  | { readonly type: 'update-note'; readonly id: string; readonly changes: Partial<Omit<DiagramNote, 'id'>> }
  /** An empty title removes it. */
  | { readonly type: 'set-title'; readonly title: string }
  /** Several edits as one: one undo step for a quick fix that adds, rewires and removes. */
  | { readonly type: 'batch'; readonly edits: readonly Edit[] };

/** Applies one edit. Unchanged nodes and edges keep their identity, which caches rely on. */
export function applyEdit(diagram: Diagram, edit: Edit): Diagram {
  switch (edit.type) {
    case 'add-nodes':
      return {
        ...diagram,
        nodes: [...diagram.nodes, ...edit.nodes],
        edges: edit.edges ? [...diagram.edges, ...edit.edges] : diagram.edges,
      };
    case 'move-nodes':
      return moveNodes(diagram, edit.positions);
    case 'remove':
      return removeItems(diagram, new Set(edit.nodeIds), new Set(edit.edgeIds));
    case 'add-edge':
      return { ...diagram, edges: [...diagram.edges, edit.edge] };
    case 'update-node':
      return {
        ...diagram,
        nodes: diagram.nodes.map((node) => (node.id === edit.id ? { ...node, ...edit.changes } : node)),
      };
    case 'set-project':
      return { ...diagram, project: { ...diagram.project, ...edit.project } };
    case 'update-edge':
      return { ...diagram, edges: diagram.edges.map((edge) => (edge.id === edit.id ? withoutBlankLabel({ ...edge, ...edit.changes }) : edge)) };
    case 'reverse-edges': {
      const ids = new Set(edit.ids);
      return { ...diagram, edges: diagram.edges.map((edge) => (ids.has(edge.id) ? { ...edge, source: edge.target, target: edge.source } : edge)) };
    }
    case 'add-notes':
      return { ...diagram, notes: [...notesOf(diagram), ...edit.notes] };
    case 'update-note':
      return { ...diagram, notes: notesOf(diagram).map((note) => (note.id === edit.id ? { ...note, ...edit.changes } : note)) };
    case 'set-title':
      return withTitle(diagram, edit.title.trim());
    case 'batch':
      return edit.edits.reduce(applyEdit, diagram);
  }
}

/** A label cleared to nothing is no label, so the file does not keep `"label": ""`. */
function withoutBlankLabel(edge: DiagramEdge): DiagramEdge {
  if (edge.label === undefined || edge.label.trim() !== '') return edge;
  const rest: { -readonly [K in keyof DiagramEdge]?: DiagramEdge[K] } = { ...edge };
  delete rest.label;
  return rest as DiagramEdge;
}

function withTitle(diagram: Diagram, title: string): Diagram {
  if (title) return { ...diagram, title };
  const rest: { -readonly [K in keyof Diagram]?: Diagram[K] } = { ...diagram };
  delete rest.title;
  return rest as Diagram;
}

/** Moves nodes and notes alike (they share the canvas's ids); a diagram without notes keeps none. */
function moveNodes(diagram: Diagram, positions: ReadonlyMap<string, Position>): Diagram {
  const movesNodes = diagram.nodes.length > 0 && (positions.size > (diagram.notes?.length ?? 0) || diagram.nodes.some((node) => positions.has(node.id)));
  // Dragging only notes keeps the nodes array itself, which the canvas's culling index and the findings key on.
  const moved = !movesNodes
    ? diagram
    : {
        ...diagram,
        nodes: diagram.nodes.map((node) => {
          const position = positions.get(node.id);
          return position ? { ...node, position } : node;
        }),
      };
  if (!diagram.notes?.some((note) => positions.has(note.id))) return moved;
  return { ...moved, notes: diagram.notes.map((note) => (positions.has(note.id) ? { ...note, position: positions.get(note.id)! } : note)) };
}

/**
 * Removing a node removes the edges attached to it, so no edge is left dangling. `nodeIds` may
 * name notes too: they are selected like nodes.
 */
function removeItems(diagram: Diagram, nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>): Diagram {
  const notes = diagram.notes?.some((note) => nodeIds.has(note.id)) ? { notes: diagram.notes.filter((note) => !nodeIds.has(note.id)) } : {};
  return {
    ...diagram,
    ...notes,
    nodes: diagram.nodes.filter((node) => !nodeIds.has(node.id)),
    edges: diagram.edges.filter(
      (edge) => !edgeIds.has(edge.id) && !nodeIds.has(edge.source) && !nodeIds.has(edge.target),
    ),
  };
}

/** An id not used by any node, edge or note of the diagram, such as `service3`. */
export function freshId(diagram: Diagram, prefix: string, taken: ReadonlySet<string> = new Set()): string {
  const used = new Set<string>(taken);
  for (const node of diagram.nodes) used.add(node.id);
  for (const edge of diagram.edges) used.add(edge.id);
  for (const note of notesOf(diagram)) used.add(note.id);
  let n = 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}
