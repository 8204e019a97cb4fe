/** Which drawn edges become code, and dependency order. */
import type { Diagram, Kind } from '../../diagram';
import { safeText } from '../../names';
import type { NodePlan } from './plan';

/** Edges the generator turns into code: rules.md's `ok` and `W` cells. */
export const CODE_EDGES: Readonly<Partial<Record<Kind, readonly Kind[]>>> = {
  router: ['worker', 'service', 'repository', 'model', 'cache'],
  worker: ['worker', 'service', 'repository', 'model', 'broker', 'cache'],
  scheduler: ['worker', 'broker'],
  service: ['worker', 'service', 'repository', 'model', 'cache', 'external'],
  repository: ['repository', 'model', 'database', 'cache'],
  model: ['model'],
};

/** Drawn edges that become code: known nodes, allowed pairs, first of duplicates, no cycles. */
export function acceptedEdges(diagram: Diagram, nodes: ReadonlyMap<string, NodePlan>): Array<{ source: NodePlan; target: NodePlan; label?: string }> {
  const seen = new Set<string>();
  const out = new Map<string, string[]>();
  const accepted: Array<{ source: NodePlan; target: NodePlan; label?: string }> = [];
  for (const edge of diagram.edges) {
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target || source === target) continue;
    if (!CODE_EDGES[source.kind]?.includes(target.kind)) continue;
    const key = `${source.id}\u0000${target.id}`;
    if (seen.has(key) || reaches(out, target.id, source.id)) continue;
    seen.add(key);
    out.set(source.id, [...(out.get(source.id) ?? []), target.id]);
    // The arrow's words, as one safe line, for the places the export mentions this dependency.
    const label = edge.label ? safeText(edge.label) : '';
    accepted.push(label ? { source, target, label } : { source, target });
  }
  return accepted;
}

function reaches(out: ReadonlyMap<string, string[]>, from: string, to: string): boolean {
  const stack = [from];
  const visited = new Set<string>();
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === to) return true;
    if (visited.has(id)) continue;
    visited.add(id);
    stack.push(...(out.get(id) ?? []));
  }
  return false;
}

/** Dependencies first, in the drawn order otherwise; the graph is acyclic by construction. */
export function topological<T extends { id: string }>(items: readonly T[], deps: (item: T) => readonly T[]): T[] {
  const done = new Set<string>();
  const out: T[] = [];
  const visit = (item: T): void => {
    if (done.has(item.id)) return;
    done.add(item.id);
    deps(item).forEach(visit);
    out.push(item);
  };
  items.forEach(visit);
  return out;
}
