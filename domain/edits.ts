/**
 * Edits are data: small change objects applied by one pure function, so that the canvas, the
 * keyboard, undo history and tests all change a diagram the same way.
 */
import type { Diagram, DiagramEdge, DiagramNode, Position, Project } from './diagram';

export type Edit =
  | { readonly type: 'add-nodes'; readonly nodes: readonly DiagramNode[]; readonly edges?: readonly DiagramEdge[] }
  | { readonly type: 'move-nodes'; readonly positions: ReadonlyMap<string, Position> }
  | { readonly type: 'remove'; readonly nodeIds: readonly string[]; readonly edgeIds: readonly string[] }
  | { readonly type: 'add-edge'; readonly edge: DiagramEdge }
  | { readonly type: 'update-node'; readonly id: string; readonly changes: Partial<Omit<DiagramNode, 'id'>> }
  | { readonly type: 'set-project'; readonly project: Partial<Project> };

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
  }
}

function moveNodes(diagram: Diagram, positions: ReadonlyMap<string, Position>): Diagram {
  return {
    ...diagram,
    nodes: diagram.nodes.map((node) => {
      const position = positions.get(node.id);
      return position ? { ...node, position } : node;
    }),
  };
}

/** Removing a node removes the edges attached to it, so no edge is left dangling. */
function removeItems(diagram: Diagram, nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>): Diagram {
  return {
    ...diagram,
    nodes: diagram.nodes.filter((node) => !nodeIds.has(node.id)),
    edges: diagram.edges.filter(
      (edge) => !edgeIds.has(edge.id) && !nodeIds.has(edge.source) && !nodeIds.has(edge.target),
    ),
  };
}

/** An id not used by any node or edge of the diagram, such as `service3`. */
export function freshId(diagram: Diagram, prefix: string, taken: ReadonlySet<string> = new Set()): string {
  const used = new Set<string>(taken);
  for (const node of diagram.nodes) used.add(node.id);
  for (const edge of diagram.edges) used.add(edge.id);
  let n = 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}
