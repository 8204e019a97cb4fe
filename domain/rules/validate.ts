/**
 * The full check. Findings come in one fixed order, which the canvas, `strata validate` and the
 * export check all show:
 *
 * 1. edge findings, in edge order (`dangling-edge`, `duplicate-edge` or a matrix rule; at most
 *    one per edge);
 * 2. `cycle`, one per strongly connected group, ordered by the group's first node;
 * 3. `invalid-name`, in node order;
 * 4. `duplicate-name`, one per group, ordered by the group's first node;
 * 5. `worker-without-broker`, `broker-unsupported`, `repository-without-database`,
 *    `repository-without-model`, `orphan`, `god-service`, `fat-router`: in this rule order,
 *    node order inside each rule.
 */
import type { Diagram } from '../diagram';
import type { Finding } from './catalog';
import { collectCycles } from './cycle-rule';
import { collectEdgeFindings } from './edge-rules';
import { buildGraph, type Graph } from './graph';
import { buildNames, collectDuplicateNames, collectInvalidNames, type NameTable } from './name-rules';
import {
  collectFatRouters,
  collectGodServices,
  collectOrphans,
  collectRepositoriesWithoutDatabase,
  collectRepositoriesWithoutModel,
  collectUnsupportedBrokers,
  collectWorkersWithoutBroker,
} from './node-rules';

/** Every finding for `diagram`, in the documented order. Never throws on a parsed diagram. */
export function validate(diagram: Diagram): Finding[] {
  return collectAll(buildGraph(diagram), buildNames(diagram.nodes));
}

/** The node-level rules of step 5, in their fixed order. */
export const NODE_RULES: readonly ((graph: Graph, findings: Finding[]) => void)[] = [
  collectWorkersWithoutBroker,
  collectUnsupportedBrokers,
  collectRepositoriesWithoutDatabase,
  collectRepositoriesWithoutModel,
  collectOrphans,
  collectGodServices,
  collectFatRouters,
];

export function collectAll(graph: Graph, names: NameTable): Finding[] {
  const findings: Finding[] = [];
  collectEdgeFindings(graph, findings);
  collectCycles(graph, findings);
  collectInvalidNames(names, findings);
  collectDuplicateNames(names, findings);
  for (const collect of NODE_RULES) collect(graph, findings);
  return findings;
}
