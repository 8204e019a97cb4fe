/**
 * The rules' findings for the store's diagram, computed once per diagram (incrementally, from
 * the previous one) and indexed by node and edge for the canvas.
 */
import type { Diagram } from '../../domain/diagram';
import { createValidator, type Finding, type Severity } from '../../domain/rules';

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
let last: { diagram: Diagram; index: FindingIndex } | undefined;

export function findingsOf(diagram: Diagram): FindingIndex {
  if (last?.diagram === diagram) return last.index;
  const findings = validator.validate(diagram);
  const index = { findings, nodes: byItem(findings, (f) => f.nodes), edges: byItem(findings, (f) => f.edges) };
  last = { diagram, index };
  return index;
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
