/**
 * One import-linter `protected` contract per component module: only the modules of the
 * components with a drawn edge into it (and the wiring above every layer) may import it, so an
 * import the diagram does not draw breaks a contract in every layer, siblings included.
 */
import type { Area, Modules } from '../modules';
import type { NodePlan, Plan } from '../plan/plan';

/** Where a node's own code lives; a model's schemas are its data shapes, shared by every layer above. */
const AREA_OF_KIND: Partial<Record<NodePlan['kind'], Area>> = {
  router: 'routes',
  worker: 'tasks',
  scheduler: 'tasks',
  service: 'services',
  repository: 'repositories',
  model: 'models',
  external: 'clients',
  cache: 'clients',
};

export interface ProtectedModule {
  readonly module: string;
  /** The components whose code is in it (several in the flat and feature layouts). */
  readonly nodes: readonly NodePlan[];
  /** The drawn components that may import it, by name, for the contract's name. */
  readonly drawnImporters: readonly NodePlan[];
  readonly allowedImporters: readonly string[];
}

export function moduleOfNode(node: NodePlan, m: Modules): string | undefined {
  const area = AREA_OF_KIND[node.kind];
  return area ? m.of(area, node) : undefined;
}

/**
 * Every existing component module with the modules allowed to import it: those of the drawn
 * edges into any component it holds, the wiring and, for task modules, the task app (it
 * registers every task). Modules that share a file share their allowances: in the flat layout
 * a drawn edge between two areas opens that pair of modules.
 */
export function protectedModules(plan: Plan, m: Modules, existing: ReadonlySet<string>): ProtectedModule[] {
  const sources = new Map<string, NodePlan[]>();
  for (const e of plan.edges) sources.set(e.target.id, [...(sources.get(e.target.id) ?? []), e.source]);
  const nodes: NodePlan[] = [...plan.routers, ...plan.workers, ...plan.schedulers, ...plan.services, ...plan.repositories, ...plan.models, ...plan.externals, ...plan.caches];
  const byModule = new Map<string, NodePlan[]>();
  for (const node of nodes) {
    const module = moduleOfNode(node, m);
    if (module && existing.has(module)) byModule.set(module, [...(byModule.get(module) ?? []), node]);
  }
  const out: ProtectedModule[] = [];
  for (const [module, held] of byModule) {
    const drawn = unique(held.flatMap((n) => sources.get(n.id) ?? []));
    const allowed = new Set<string>(m.wiring);
    for (const s of drawn) {
      const from = moduleOfNode(s, m);
      if (from) allowed.add(from);
    }
    if (held.some((n) => n.kind === 'worker')) allowed.add(m.taskApp);
    allowed.delete(module);
    out.push({ module, nodes: held, drawnImporters: drawn, allowedImporters: [...allowed].filter((x) => existing.has(x)).sort() });
  }
  return out.sort((a, b) => (a.module < b.module ? -1 : a.module > b.module ? 1 : 0));
}

function unique(nodes: readonly NodePlan[]): NodePlan[] {
  return [...new Map(nodes.map((n) => [n.id, n])).values()];
}
