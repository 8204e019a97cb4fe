/** A piece of generated Python owned by one node, merged with others that share its module. */
import { pyModule, type PyImport } from './py';

export interface Unit {
  readonly module: string;
  readonly imports: readonly PyImport[];
  /** Top-level statements and definitions, in order. */
  readonly blocks: readonly string[];
  readonly doc: string;
}

/** Renders units into module texts; units sharing a module keep their order, imports merge. */
export function renderUnits(units: readonly Unit[], pkg: string, sharedDoc: (module: string) => string): Map<string, string> {
  const byModule = new Map<string, Unit[]>();
  for (const unit of units) byModule.set(unit.module, [...(byModule.get(unit.module) ?? []), unit]);
  const out = new Map<string, string>();
  for (const [module, group] of byModule) {
    const doc = group.every((u) => u.doc === group[0]!.doc) ? group[0]!.doc : sharedDoc(module);
    const blocks = mergeBlocks(group.flatMap((u) => u.blocks));
    out.set(module, pyModule({ doc, imports: group.flatMap((u) => u.imports), firstParty: [pkg], self: module, blocks }));
  }
  return out;
}

/** Identical statements (a shared `logger = ...` line) and private helpers (`def _...`) appear once. */
function mergeBlocks(blocks: readonly string[]): string[] {
  const seen = new Set<string>();
  return blocks.filter((b) => {
    if (!/^[a-z_]+ = /.test(b) && !/^(@\w+\n)?def _/.test(b)) return true;
    if (seen.has(b)) return false;
    seen.add(b);
    return true;
  });
}
