/**
 * What clicking a problem selects. Only what the problem is about: the edge for an edge rule (and
 * the edges of a cycle), the nodes otherwise. Selecting an edge's end nodes as well once made
 * Delete, pressed to remove "this edge", remove both components and all their edges.
 */
import type { Selection } from './store';

interface About {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
}

export function selectionFor(finding: About): Selection {
  if (finding.edges.length > 0) return { nodes: new Set(), edges: new Set(finding.edges) };
  return { nodes: new Set(finding.nodes), edges: new Set() };
}

/** Each message once: the same rule and text reached through several ids is one line. */
export function uniqueFindings<T extends { readonly rule: string; readonly message: string }>(findings: readonly T[]): T[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.rule}\n${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
