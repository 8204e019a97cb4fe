/**
 * An arrow's words in the code: where a labelled dependency is wired by an import, a comment
 * above that import says what the arrow said (`# orders -> notifications: enqueues`). Where the
 * dependency has no import of its own (both ends in one module, or wired by the framework), the
 * words stay in the README's graph only. Comments change nothing ruff or import-linter check.
 */
import type { Kind } from '../../diagram';
import type { Area, Modules } from '../modules';
import type { NodePlan, Plan } from '../plan/plan';

/** The modules that hold a node's own code, in the words of the Modules interface. */
const AREAS: Readonly<Record<Kind, readonly Area[]>> = {
  router: ['routes'],
  worker: ['tasks'],
  scheduler: [],
  service: ['services'],
  repository: ['repositories'],
  model: ['models'],
  external: ['clients'],
  database: [],
  broker: [],
  cache: [],
};

/** Adds the comments to `python` (dotted module name → text), in place. */
export function labelImports(python: Map<string, string>, plan: Plan, modules: Modules): void {
  for (const edge of plan.edges) {
    if (!edge.label) continue;
    const words = `# ${edge.source.label} -> ${edge.target.label}: ${edge.label}`.replace(/\s+/g, ' ');
    for (const module of modulesOf(edge.source, modules)) {
      const text = python.get(module);
      const targets = new Set(modulesOf(edge.target, modules).filter((target) => target !== module));
      if (text === undefined || targets.size === 0) continue;
      const labelled = commentAbove(text, targets, words);
      if (labelled !== text) python.set(module, labelled);
    }
  }
}

function modulesOf(node: NodePlan, modules: Modules): string[] {
  return AREAS[node.kind].map((area) => modules.of(area, node));
}

/** The text with `words` above its first top-level import from one of `targets`; unchanged if there is none. */
function commentAbove(text: string, targets: ReadonlySet<string>, words: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => {
    const match = /^(?:from (\S+) import |import (\S+)$)/.exec(line);
    return match !== null && targets.has(match[1] ?? match[2]!);
  });
  if (at < 0 || lines[at - 1] === words) return text;
  // ruff's isort sets a comment off from the import above it by a blank line.
  const previous = lines[at - 1] ?? '';
  const above = previous === '' || previous.startsWith('#') ? [words] : ['', words];
  return [...lines.slice(0, at), ...above, ...lines.slice(at)].join('\n');
}
