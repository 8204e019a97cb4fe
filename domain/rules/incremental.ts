/**
 * Incremental checking for the canvas: a validator remembers the previous diagram and reuses
 * whatever an edit could not have changed. Diagrams are immutable, so an unchanged node or edge
 * keeps its object identity; identity is all that is compared.
 *
 * Fast paths: nodes edited in place (same ids and kinds) with the same edges, or with edges
 * appended. Anything else (nodes added or removed, a kind changed, edges removed or reordered)
 * rebuilds the graph, still reusing remembered findings.
 */
import type { Diagram, DiagramEdge, DiagramNode } from '../diagram';
import { analyze, type Analysis } from './analysis';
import type { Finding } from './catalog';
import { buildGraph } from './graph';
import { withAppendedEdges, withDiagram } from './graph-update';
import { Memo } from './memo';
import { buildNames, updateNames, type NameTable } from './name-table';
import { collectAll } from './validate';

/** A stateful checker that returns exactly what `validate` returns, faster after small edits. */
export interface Validator {
  /** The findings for `diagram`, as `validate(diagram)` gives them. */
  validate(diagram: Diagram): Finding[];
}

/** More appended edges than this rebuild the graph instead: each insertion copies the lists. */
const MAX_APPENDED = 32;

/** Creates a validator; keep one per open document. */
export function createValidator(): Validator {
  let analysis: Analysis | undefined;
  let names: NameTable | undefined;
  const memo = new Memo();
  return {
    validate(diagram: Diagram): Finding[] {
      const changed = analysis === undefined ? undefined : changedNodes(analysis.graph.nodes, diagram.nodes);
      analysis = nextAnalysis(analysis, changed, diagram);
      names = names === undefined || changed === undefined ? buildNames(diagram.nodes) : updateNames(names, diagram.nodes, changed);
      return collectAll(analysis, names, memo);
    },
  };
}

function nextAnalysis(previous: Analysis | undefined, changed: readonly number[] | undefined, diagram: Diagram): Analysis {
  if (previous === undefined || changed === undefined || !sameKinds(previous.graph.nodes, diagram.nodes, changed)) {
    return analyze(buildGraph(diagram, previous?.graph));
  }
  const before = previous.graph.edges;
  const after = diagram.edges;
  const appended = after.length - before.length;
  if (appended < 0 || appended > MAX_APPENDED || !samePrefix(before, after)) return analyze(buildGraph(diagram, previous.graph));
  return appended === 0 ? withDiagram(previous, diagram) : withAppendedEdges(previous, diagram);
}

/** Indices of replaced nodes, or undefined when nodes were added, removed or got other ids. */
function changedNodes(before: readonly DiagramNode[], after: readonly DiagramNode[]): number[] | undefined {
  if (before.length !== after.length) return undefined;
  const changed: number[] = [];
  for (let i = 0; i < after.length; i++) {
    if (before[i] === after[i]) continue;
    if (before[i].id !== after[i].id) return undefined;
    changed.push(i);
  }
  return changed;
}

function sameKinds(before: readonly DiagramNode[], after: readonly DiagramNode[], changed: readonly number[]): boolean {
  return changed.every((i) => before[i].kind === after[i].kind);
}

function samePrefix(before: readonly DiagramEdge[], after: readonly DiagramEdge[]): boolean {
  if (before === after) return true;
  for (let i = 0; i < before.length; i++) if (before[i] !== after[i]) return false;
  return true;
}
