/**
 * The full check. Findings come in one fixed order, which the canvas, `strata validate` and the
 * export check all show:
 *
 * 1. edge findings, in edge order (`dangling-edge`, `duplicate-edge` or a matrix rule; at most
 *    one per edge);
 * 2. `cycle`, one per strongly connected group, ordered by the group's first node;
 * 3. `invalid-name`, in node order; then `unsafe-name`, the project's first, then in node order;
 * 4. `duplicate-name`, one per group, ordered by the group's first node;
 * 5. `worker-without-broker`, `broker-unsupported`, `repository-without-database`,
 *    `repository-without-model`, `orphan`, `god-service`, `fat-router`: in this rule order,
 *    node order inside each rule.
 *
 * `reserved-name` is a note, not a finding: `reservedNotes` (reserved.ts) gives it on its own.
 */
import type { Diagram } from '../diagram';
import { analyze, type Analysis } from './analysis';
import type { Finding } from './catalog';
import { collectCycles } from './cycle-rule';
import { collectEdgeFindings } from './edge-rules';
import { buildGraph } from './graph';
import type { Memo } from './memo';
import { collectDuplicateNames, collectInvalidNames, collectUnsafeNames } from './name-rules';
import { buildNames, type NameTable } from './name-table';
import { collectNodeFindings } from './node-rules';

/** Every finding for `diagram`, in the documented order. Never throws on a parsed diagram. */
export function validate(diagram: Diagram): Finding[] {
  return collectAll(analyze(buildGraph(diagram)), buildNames(diagram.nodes));
}

/** All findings in the documented order; with a memo, unchanged findings are reused. */
export function collectAll(analysis: Analysis, names: NameTable, memo?: Memo): Finding[] {
  const findings: Finding[] = [];
  collectEdgeFindings(analysis.graph, findings, memo);
  collectCycles(analysis, findings, memo);
  collectInvalidNames(names, findings, memo);
  collectUnsafeNames(analysis.graph.diagram, findings);
  collectDuplicateNames(names, findings, memo);
  collectNodeFindings(analysis, findings, memo);
  return findings;
}
