/**
 * Writing a `.strata` file: stable and diff-friendly. Keys come in a fixed order, the keys this
 * version does not know follow in the order they were read, and nothing depends on time.
 */
import { CURRENT_VERSION, FORMAT, type Diagram, type DiagramEdge, type DiagramNode, type DiagramNote, type Extra } from './diagram';

export function serializeDiagram(diagram: Diagram): string {
  const document = {
    format: FORMAT,
    version: CURRENT_VERSION,
    title: diagram.title,
    project: withExtra(
      {
        name: diagram.project.name,
        framework: diagram.project.framework,
        tasks: diagram.project.tasks,
        layout: diagram.project.layout,
      },
      diagram.project.extra,
    ),
    nodes: diagram.nodes.map(nodeDocument),
    edges: diagram.edges.map(edgeDocument),
    notes: diagram.notes?.length ? diagram.notes.map(noteDocument) : undefined,
  };
  return `${JSON.stringify(withExtra(document, diagram.extra), null, 2)}\n`;
}

function nodeDocument(node: DiagramNode): object {
  return withExtra(
    {
      id: node.id,
      kind: node.kind,
      name: node.name,
      feature: node.feature,
      position: withExtra({ x: node.position.x, y: node.position.y }, node.position.extra),
      engine: node.engine,
      fields: node.fields?.map(({ extra, ...field }) => withExtra(field, extra)),
      endpoints: node.endpoints?.map(({ extra, ...endpoint }) => withExtra(endpoint, extra)),
      tasks: node.tasks?.map(({ extra, ...task }) => withExtra(task, extra)),
      // Only when set: on another kind an unknown key of the same name sits in `extra`.
      ...(node.schedule !== undefined && { schedule: node.schedule }),
      ...(node.resource !== undefined && { resource: node.resource }),
    },
    node.extra,
  );
}

function edgeDocument(edge: DiagramEdge): object {
  return withExtra({ id: edge.id, source: edge.source, target: edge.target, label: edge.label }, edge.extra);
}

function noteDocument(note: DiagramNote): object {
  const position = withExtra({ x: note.position.x, y: note.position.y }, note.position.extra);
  return withExtra({ id: note.id, style: note.style, text: note.text, position }, note.extra);
}

/** Known keys first (undefined ones are left out by JSON.stringify), then unknown keys. */
function withExtra<T extends object>(known: T, extra: Extra | undefined): T {
  if (!extra) return known;
  const out: Record<string, unknown> = { ...(known as Record<string, unknown>) };
  for (const [key, value] of Object.entries(extra)) {
    // hasOwn, not `in`: an unknown key named like an Object.prototype member (valueOf) must be kept.
    if (!Object.hasOwn(known, key)) out[key] = value;
  }
  return out as T;
}
