/**
 * What a drag frame changed. An edit keeps every node it did not touch as the same object, so
 * comparing two versions of the node list by identity finds the few nodes a drag moved without
 * looking inside the thousands it did not. The canvas's caches (findings, culling index, feature
 * boxes) each ask about the same pair of lists on every frame: the last answer is kept.
 */
import type { DiagramNode } from '../../domain/diagram';

let last: { before: readonly DiagramNode[]; after: readonly DiagramNode[]; changed: readonly number[] | undefined } | undefined;

/**
 * Where `after` holds a new object for the node at the same place in `before` (same id): the
 * indices of those nodes, in order. Undefined when the lists differ otherwise (a node added,
 * removed or reordered), or when more than `limit` changed.
 */
export function changedInPlace(before: readonly DiagramNode[], after: readonly DiagramNode[], limit = Infinity): readonly number[] | undefined {
  if (last?.before === before && last.after === after) return last.changed && last.changed.length <= limit ? last.changed : undefined;
  const changed = scan(before, after, limit);
  // Only a complete answer can be kept: one cut short by a smaller limit says nothing to a larger one.
  if (changed || limit === Infinity) last = { before, after, changed };
  return changed;
}

function scan(before: readonly DiagramNode[], after: readonly DiagramNode[], limit: number): number[] | undefined {
  if (before.length !== after.length) return undefined;
  const changed: number[] = [];
  for (let i = 0; i < after.length; i++) {
    if (after[i] === before[i]) continue;
    if (after[i].id !== before[i].id || changed.length >= limit) return undefined;
    changed.push(i);
  }
  return changed;
}
