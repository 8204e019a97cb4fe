/**
 * Calm sketching: a component placed a moment ago is not told off for what it cannot have yet.
 * Findings that only say "not connected yet" stay muted for the just-placed node until it is
 * connected (they then go by themselves) or the user moves on (selects something else or places
 * another); every real break, on it or elsewhere, shows at once.
 */
import type { Finding } from '../../domain/rules';
import type { FindingIndex, ItemStatus } from './findings';

/** Findings about a missing connection, the ones a component still being placed always has. */
export const NOT_CONNECTED_YET: ReadonlySet<string> = new Set(['orphan', 'worker-without-broker', 'repository-without-model', 'repository-without-database']);

let last: { index: FindingIndex; fresh: string | null; calm: FindingIndex } | undefined;

/** `index` without the not-connected-yet findings about `fresh` (the node just placed), if any. */
export function calmIndex(index: FindingIndex, fresh: string | null): FindingIndex {
  if (fresh === null || !index.nodes.has(fresh)) return index;
  if (last?.index === index && last.fresh === fresh) return last.calm;
  const muted = (finding: Finding) => NOT_CONNECTED_YET.has(finding.rule) && finding.nodes.length === 1 && finding.nodes[0] === fresh;
  if (!index.findings.some(muted)) return index;
  const nodes = new Map(index.nodes);
  const status = index.nodes.get(fresh)!;
  const rest = status.findings.filter((finding) => !muted(finding));
  if (rest.length === 0) nodes.delete(fresh);
  else nodes.set(fresh, statusOf(rest));
  const calm = { findings: index.findings.filter((finding) => !muted(finding)), nodes, edges: index.edges };
  last = { index, fresh, calm };
  return calm;
}

function statusOf(findings: readonly Finding[]): ItemStatus {
  const severity = findings.some((f) => f.severity === 'error') ? 'error' : 'warning';
  return { severity, findings, key: findings.map((f) => `${f.rule}:${f.message}`).join('|') };
}
