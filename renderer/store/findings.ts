/**
 * The rules' findings for the store's diagram, computed once per diagram (incrementally, from
 * the previous one) and indexed by node and edge for the canvas.
 */
import type { Diagram, DiagramNode } from '../../domain/diagram';
import { createValidator, type Finding, type Severity } from '../../domain/rules';
import { changedInPlace } from './moves';

export interface ItemStatus {
  readonly severity: Severity;
  readonly findings: readonly Finding[];
  /** Equal for equal statuses, so unchanged nodes keep their flow objects. */
  readonly key: string;
}

export interface FindingIndex {
  readonly findings: readonly Finding[];
  readonly nodes: ReadonlyMap<string, ItemStatus>;
  readonly edges: ReadonlyMap<string, ItemStatus>;
}

const validator = createValidator();
/** `validated` is the diagram the findings were computed for: `diagram` differs from it in positions alone. */
let last: { diagram: Diagram; index: FindingIndex; validated: Diagram } | undefined;

export function findingsOf(diagram: Diagram): FindingIndex {
  if (last?.diagram === diagram) return last.index;
  // No rule looks at positions: a drag keeps the index, so no frame of it pays for validation and
  // flow objects keyed on the index (edges, badges) stay as they are.
  if (last && onlyMoved(last.diagram, diagram)) {
    last = { ...last, diagram };
    return last.index;
  }
  const findings = validator.validate(diagram);
  const index = { findings, nodes: byItem(findings, (f) => f.nodes), edges: byItem(findings, (f) => f.edges) };
  last = { diagram, index, validated: diagram };
  return index;
}

/**
 * The diagram as it was when its findings were last computed: the same object for as long as
 * only positions change. What is derived from the findings and names alone (the Problems panel's
 * list and quick-fix labels) keys on it, and so does nothing on a drag frame.
 */
export function validatedDiagram(diagram: Diagram): Diagram {
  findingsOf(diagram);
  return last!.validated;
}

/** True when `after` differs from `before` in node positions alone. */
function onlyMoved(before: Diagram, after: Diagram): boolean {
  if (before.edges !== after.edges || before.project !== after.project) return false;
  const changed = changedInPlace(before.nodes, after.nodes);
  return changed !== undefined && changed.every((i) => sameButPosition(before.nodes[i], after.nodes[i]));
}

/** True when two versions of a node differ at most in where they are drawn. */
export function sameButPosition(a: DiagramNode, b: DiagramNode): boolean {
  const keys = Object.keys(b);
  if (keys.length !== Object.keys(a).length) return false;
  return keys.every((key) => key === 'position' || a[key as keyof DiagramNode] === b[key as keyof DiagramNode]);
}

function byItem(findings: readonly Finding[], ids: (finding: Finding) => readonly string[]): Map<string, ItemStatus> {
  const grouped = new Map<string, Finding[]>();
  for (const finding of findings) {
    for (const id of ids(finding)) {
      const list = grouped.get(id);
      if (list) list.push(finding);
      else grouped.set(id, [finding]);
    }
  }
  const statuses = new Map<string, ItemStatus>();
  for (const [id, list] of grouped) {
    const severity = list.some((f) => f.severity === 'error') ? 'error' : 'warning';
    statuses.set(id, { severity, findings: list, key: list.map((f) => `${f.rule}:${f.message}`).join('|') });
  }
  return statuses;
}

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number } {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: findings.length - errors };
}
