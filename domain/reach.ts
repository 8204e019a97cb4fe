/**
 * Which models a router reaches along drawn edges: router → service (→ service)* → repository →
 * model, router → repository → model, or router → model. The Inspector offers them as what the
 * router may serve (its `resource` key); the generator's plan applies the same walk.
 */
import type { Diagram, DiagramNode } from './diagram';

/** The models `routerId` reaches, in edge order (first reached first), each once. */
export function modelsReachedBy(diagram: Pick<Diagram, 'nodes' | 'edges'>, routerId: string): DiagramNode[] {
  const nodes = new Map(diagram.nodes.map((n) => [n.id, n]));
  const targets = new Map<string, DiagramNode[]>();
  for (const edge of diagram.edges) {
    const target = nodes.get(edge.target);
    if (!target || !nodes.has(edge.source)) continue;
    targets.set(edge.source, [...(targets.get(edge.source) ?? []), target]);
  }
  const models: DiagramNode[] = [];
  const seen = new Set<string>([routerId]);
  const visit = (id: string): void => {
    for (const next of targets.get(id) ?? []) {
      if (seen.has(next.id)) continue;
      seen.add(next.id);
      if (next.kind === 'model') models.push(next);
      else if (next.kind === 'service' || next.kind === 'repository') visit(next.id);
    }
  };
  visit(routerId);
  return models;
}
