/**
 * Whether an exported project writes down what the round trip (spec/import.md) reads back: an
 * import statement for every drawn edge between components and none undrawn, and each
 * component's name in a module, class or router object of its own. An oracle on the exported text alone (no importer), for
 * property tests to set aside the diagrams a generator room does not yet write in full.
 */
import type { Diagram, Kind } from '../diagram';
import { buildPlan, resolveLayout } from '../generate';
import type { Area } from '../generate/modules';
import { pathOf } from '../generate/modules';
import type { NodePlan } from '../generate/plan/plan';
import { WRITERS } from '../generate/writers';

const AREA: Partial<Record<Kind, Area>> = { router: 'routes', service: 'services', repository: 'repositories', model: 'models', external: 'clients', cache: 'clients', worker: 'tasks' };

export interface Unwritten {
  /** Drawn edges whose source module imports nothing from the target's module. */
  readonly edges: readonly string[];
  /** Imports between component modules that no drawn edge asks for. */
  readonly undrawn: readonly string[];
  /** Components whose name appears in no module or class of their own. */
  readonly names: readonly string[];
  /** Components of a feature (feature layout) whose module lies outside the feature's package. */
  readonly features: readonly string[];
  /** Every component has a module of its own (none shares `services.py`): nothing in the code says "flat". */
  readonly allOwnModules: boolean;
}

export function unwritten(diagram: Diagram, files: ReadonlyMap<string, string>, root: string): Unwritten {
  const options = { framework: diagram.project.framework, tasks: diagram.project.tasks, layout: resolveLayout(diagram).layout };
  const plan = buildPlan(diagram, options);
  const modules = WRITERS[options.framework]!.modules(plan);
  const nodes = new Map<string, NodePlan>([...plan.routers, ...plan.services, ...plan.repositories, ...plan.models, ...plan.workers, ...plan.externals, ...plan.caches].map((n) => [n.id, n]));
  const moduleOf = (node: NodePlan): string | undefined => (AREA[node.kind] ? modules.of(AREA[node.kind]!, node) : undefined);
  const textOf = (module: string): string => files.get(`${root}/${pathOf(module)}`) ?? files.get(`${root}/${pathOf(`${module}.__init__`)}`) ?? '';
  const imports = (from: string, to: string): boolean => {
    const escaped = to.replace(/\./g, '\\.');
    return new RegExp(`^\\s*(from ${escaped} import|import ${escaped}\\b)`, 'm').test(textOf(from));
  };
  const edges: string[] = [];
  const drawn = new Set<string>();
  for (const { source, target } of plan.edges) {
    drawn.add(`${source.id}\u0000${target.id}`);
    const from = nodes.get(source.id) && moduleOf(source);
    const to = nodes.get(target.id) && moduleOf(target);
    if (from && to && from !== to && !imports(from, to)) edges.push(`${source.label} -> ${target.label}`);
  }
  if (WRITERS[options.framework]!.impliedImports) edges.push(...drawnYetImplied(plan.edges));
  // Imports the room's idiom makes along a drawn path (Django: services import the models their selectors reach).
  for (const [source, target] of WRITERS[options.framework]!.impliedImports?.pairs(plan) ?? []) drawn.add(`${source.id}\u0000${target.id}`);
  const undrawn: string[] = [];
  for (const source of nodes.values()) {
    for (const target of nodes.values()) {
      const from = moduleOf(source);
      const to = moduleOf(target);
      if (source === target || !from || !to || from === to || drawn.has(`${source.id}\u0000${target.id}`)) continue;
      if (imports(from, to)) undrawn.push(`${source.label} -> ${target.label}`);
    }
  }
  const names: string[] = [];
  const features: string[] = [];
  let allOwnModules = true;
  for (const node of [...nodes.values(), ...plan.schedulers]) {
    const module = node.kind === 'scheduler' ? schedulerModule(node, files, root) : moduleOf(node);
    const text = module ? textOf(module) : '';
    const ownModule = module?.split('.').pop() === node.snake;
    // A scheduler read from its jobs says nothing about the layout: they sit where the task framework wants them.
    if (!namesJobs(node, text)) allOwnModules &&= ownModule;
    if (options.layout === 'feature' && module && !module.startsWith(`${modules.featurePackage(node.feature)}.`)) features.push(`${node.kind} ${node.label}`);
    const ownClass = ['service', 'repository', 'model', 'external', 'cache'].includes(node.kind) && new RegExp(`^class ${node.cls}\\b`, 'm').test(text);
    const variable = 'variable' in node ? String(node.variable) : undefined;
    const ownObject = node.kind === 'router' && variable !== undefined && new RegExp(`^${variable} = `, 'm').test(text);
    const feature = options.layout === 'feature' && module?.split('.').slice(-2, -1)[0] === node.snake;
    if (!ownModule && !ownClass && !ownObject && !feature && !namesJobs(node, text)) names.push(`${node.kind} ${node.label}`);
  }
  return { edges, undrawn, names, features, allOwnModules };
}

/**
 * Drawn service → model edges that the code cannot tell from the import the room's idiom makes
 * anyway (Django: a service imports the models it reaches through the repositories and services it
 * imports): the import is there whether the arrow was drawn or not, so it says nothing of the arrow.
 */
function drawnYetImplied(edges: readonly { readonly source: NodePlan; readonly target: NodePlan }[]): string[] {
  const onward = new Map<string, NodePlan[]>();
  for (const { source, target } of edges) onward.set(source.id, [...(onward.get(source.id) ?? []), target]);
  const passes = (node: NodePlan): boolean => node.kind === 'repository' || node.kind === 'service';
  const reachesThroughOthers = (service: NodePlan, model: NodePlan): boolean => {
    const seen = new Set<string>([service.id]);
    const queue = (onward.get(service.id) ?? []).filter(passes);
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (seen.has(next.id)) continue;
      seen.add(next.id);
      for (const target of onward.get(next.id) ?? []) {
        if (target.id === model.id) return true;
        if (passes(target)) queue.push(target);
      }
    }
    return false;
  };
  return edges
    .filter(({ source, target }) => source.kind === 'service' && target.kind === 'model' && reachesThroughOthers(source, target))
    .map(({ source, target }) => `${source.label} -> ${target.label} (implied by a path)`);
}

/**
 * A scheduler's own module, `….schedules.<name>` or `….scheduler.<name>`, where the export writes
 * one; else the module that schedules its jobs under its name (`"<name>: worker.task"`, as a beat
 * schedule's key, RQ's `name=` or APScheduler's `id=`).
 */
function schedulerModule(node: NodePlan, files: ReadonlyMap<string, string>, root: string): string | undefined {
  const own = [...files.keys()].find((p) => new RegExp(`/schedul\\w*/${node.snake}\\.py$`).test(p));
  const jobs = own ?? [...files].find(([p, text]) => p.startsWith(`${root}/src/`) && p.endsWith('.py') && text.includes(`"${node.snake}: `))?.[0];
  return jobs?.slice(`${root}/src/`.length, -'.py'.length).replace(/\//g, '.');
}

/** The module holds the jobs of schedulers, each under its name, rather than being one. */
function namesJobs(node: NodePlan, text: string): boolean {
  return node.kind === 'scheduler' && text.includes(`"${node.snake}: `);
}
