/**
 * Finding objects remembered between checks by the incremental validator. A finding is reused
 * only when every object it was rendered from is the very same object again, so a reused finding
 * is always the one `validate` would render.
 */
import type { DiagramEdge, DiagramNode } from '../diagram';
import type { Finding, RuleId } from './catalog';

interface EdgeSlot {
  readonly edge: DiagramEdge;
  readonly source: DiagramNode | undefined;
  readonly target: DiagramNode | undefined;
  readonly first: DiagramEdge | undefined;
  readonly finding: Finding | undefined;
}

interface NodeSlot {
  readonly node: DiagramNode;
  readonly detail: unknown;
  readonly finding: Finding;
}

interface GroupSlot {
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
  readonly finding: Finding;
}

export class Memo {
  private readonly edgeSlots: (EdgeSlot | undefined)[] = [];
  private readonly nodeSlots = new Map<RuleId, (NodeSlot | undefined)[]>();
  private readonly groupSlots = new Map<string, GroupSlot>();

  /** The remembered finding for an edge, or `null` when the edge or its ends changed. */
  edge(index: number, edge: DiagramEdge, source?: DiagramNode, target?: DiagramNode, first?: DiagramEdge): Finding | undefined | null {
    const slot = this.edgeSlots[index];
    if (slot === undefined || slot.edge !== edge || slot.source !== source || slot.target !== target || slot.first !== first) {
      return null;
    }
    return slot.finding;
  }

  rememberEdge(index: number, slot: EdgeSlot): void {
    this.edgeSlots[index] = slot;
  }

  /** The remembered finding of `rule` for the node at `index`, if the node and detail are unchanged. */
  node(rule: RuleId, index: number, node: DiagramNode, detail: unknown): Finding | undefined {
    const slot = this.nodeSlots.get(rule)?.[index];
    return slot !== undefined && slot.node === node && slot.detail === detail ? slot.finding : undefined;
  }

  rememberNode(rule: RuleId, index: number, node: DiagramNode, detail: unknown, finding: Finding): void {
    let slots = this.nodeSlots.get(rule);
    if (slots === undefined) this.nodeSlots.set(rule, (slots = []));
    slots[index] = { node, detail, finding };
  }

  /** For findings about several nodes (`cycle`, `duplicate-name`), keyed by rule and first node. */
  group(key: string, nodes: readonly DiagramNode[], edges: readonly DiagramEdge[]): Finding | undefined {
    const slot = this.groupSlots.get(key);
    if (slot === undefined || !sameItems(slot.nodes, nodes) || !sameItems(slot.edges, edges)) return undefined;
    return slot.finding;
  }

  rememberGroup(key: string, nodes: readonly DiagramNode[], edges: readonly DiagramEdge[], finding: Finding): void {
    this.groupSlots.set(key, { nodes, edges, finding });
  }
}

function sameItems<T>(before: readonly T[], after: readonly T[]): boolean {
  if (before.length !== after.length) return false;
  for (let i = 0; i < after.length; i++) if (before[i] !== after[i]) return false;
  return true;
}
