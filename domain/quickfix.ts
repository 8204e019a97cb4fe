/**
 * Quick fixes: a finding's suggested repair as one edit (one undo step). Pure, so the Problems
 * panel, the context menus and tests offer and apply the same fixes.
 */
import { KIND_INFO, type Diagram, type DiagramNode, type Position } from './diagram';
import { freshId, type Edit } from './edits';
import { pythonForm } from './names';
import { pairVerdict, type Finding } from './rules';

export interface QuickFix {
  /** What the button says, naming the components. */
  readonly label: string;
  readonly edit: Edit;
}

/** The quick fix for a finding, when there is one. */
export function quickFixFor(diagram: Diagram, finding: Pick<Finding, 'rule' | 'edges'>): QuickFix | undefined {
  const edge = finding.edges.length === 1 ? diagram.edges.find((candidate) => candidate.id === finding.edges[0]) : undefined;
  if (!edge) return undefined;
  const source = diagram.nodes.find((node) => node.id === edge.source);
  const target = diagram.nodes.find((node) => node.id === edge.target);
  if (!source || !target || source === target) return undefined;
  if (finding.rule === 'layer-direction' && pairVerdict(target.kind, source.kind).severity === undefined) {
    return { label: `Reverse: ${target.name} depends on ${source.name}`, edit: { type: 'reverse-edges', ids: [edge.id] } };
  }
  if (finding.rule === 'skip-layer') return insertService(diagram, edge.id, source, target);
  return undefined;
}

/** A router (or worker) reaching past the service layer gets a service between it and the repository. */
function insertService(diagram: Diagram, edgeId: string, source: DiagramNode, target: DiagramNode): QuickFix {
  const id = freshId(diagram, 's');
  const name = serviceName(diagram, target);
  const position: Position = {
    x: Math.round((source.position.x + target.position.x) / 2),
    y: Math.round((source.position.y + target.position.y) / 2),
  };
  const service: DiagramNode = { id, kind: 'service', name, position, ...(target.feature !== undefined && { feature: target.feature }) };
  const first = freshId(diagram, 'e');
  const second = freshId(diagram, 'e', new Set([first]));
  return {
    label: `Insert service ${name} between ${source.name} and ${target.name}`,
    edit: {
      type: 'batch',
      edits: [
        { type: 'add-nodes', nodes: [service], edges: [{ id: first, source: source.id, target: id }, { id: second, source: id, target: target.id }] },
        { type: 'remove', nodeIds: [], edgeIds: [edgeId] },
      ],
    },
  };
}

/** `order_service` for `order_repository`; a number added where the name is taken. */
function serviceName(diagram: Diagram, repository: DiagramNode): string {
  const stem = pythonForm(repository.name).replace(/_?(repository|repo)$/, '') || 'new';
  const taken = new Set(diagram.nodes.filter((node) => node.kind === 'service').map((node) => pythonForm(node.name)));
  let name = `${stem}_service`;
  for (let n = 2; taken.has(name); n++) name = `${stem}_service_${n}`;
  return name;
}

/**
 * The feature every neighbour of `nodeId` shares, when the node is not in it yet: the fix for a
 * component drawn beside a feature but left outside it.
 */
export function neighboursFeature(diagram: Diagram, nodeId: string): string | undefined {
  const node = diagram.nodes.find((candidate) => candidate.id === nodeId);
  if (!node || KIND_INFO[node.kind].layer === 'infrastructure') return undefined;
  const ids = new Set(diagram.edges.flatMap((edge) => (edge.source === nodeId ? [edge.target] : edge.target === nodeId ? [edge.source] : [])));
  const features = diagram.nodes.filter((other) => ids.has(other.id) && KIND_INFO[other.kind].layer !== 'infrastructure').map((other) => other.feature);
  const [first] = features;
  if (first === undefined || features.some((feature) => feature !== first) || first === node.feature) return undefined;
  return first;
}

/** What a new dependency `sourceId -> target` would break, for every other node, in one pass. */
export function dependencyWarnings(diagram: Diagram, sourceId: string): Map<string, { severity: 'error' | 'warning'; rule: string }> {
  const source = diagram.nodes.find((node) => node.id === sourceId);
  const found = new Map<string, { severity: 'error' | 'warning'; rule: string }>();
  if (!source) return found;
  // An edge to any node that already reaches the source closes a cycle: those are the source's ancestors.
  const incoming = new Map<string, string[]>();
  for (const edge of diagram.edges) incoming.set(edge.target, [...(incoming.get(edge.target) ?? []), edge.source]);
  const ancestors = new Set<string>([sourceId]);
  const stack = [sourceId];
  while (stack.length > 0) {
    for (const parent of incoming.get(stack.pop()!) ?? []) {
      if (ancestors.has(parent)) continue;
      ancestors.add(parent);
      stack.push(parent);
    }
  }
  for (const target of diagram.nodes) {
    if (target.id === sourceId) continue;
    const pair = pairVerdict(source.kind, target.kind);
    if (pair.severity === 'error' && pair.rule) found.set(target.id, { severity: 'error', rule: pair.rule });
    else if (ancestors.has(target.id)) found.set(target.id, { severity: 'error', rule: 'cycle' });
    else if (pair.severity === 'warning' && pair.rule) found.set(target.id, { severity: 'warning', rule: pair.rule });
  }
  return found;
}
