/** The search box's matching, kept apart from React so it can be tested alone. */
import type { DiagramNode } from '../../domain/diagram';

/** Nodes whose name holds the query, ignoring case; names that start with it come first. */
export function findNodes(nodes: readonly DiagramNode[], query: string): DiagramNode[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [];
  const starts: DiagramNode[] = [];
  const contains: DiagramNode[] = [];
  for (const node of nodes) {
    const name = node.name.toLowerCase();
    if (name.startsWith(needle)) starts.push(node);
    else if (name.includes(needle)) contains.push(node);
  }
  return [...starts, ...contains];
}
