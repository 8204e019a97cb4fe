/**
 * The one place the verify suite knows anything per framework, and all of it comes from the
 * generator's writer (its Modules view and framework modules), never restated here. How to
 * install, configure, migrate, serve, test and lint is in each exported README.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathOf, type Modules } from '../../domain/generate/modules';
import type { NodePlan, Plan } from '../../domain/generate/plan/plan';
import { moduleOfNode } from '../../domain/generate/shared/protected';
import { WRITERS } from '../../domain/generate/writers';
import type { FrameworkWriter } from '../../domain/generate/writer';
import type { Exported } from './project.test';

export function writerOf(plan: Plan): FrameworkWriter {
  const writer = WRITERS[plan.options.framework];
  if (!writer) throw new Error(`no writer exports ${plan.options.framework}`);
  return writer;
}

export function modulesOf(plan: Plan): Modules {
  return writerOf(plan).modules(plan);
}

/** An import the contracts must refuse: the file it goes into, the line, and what lint-imports must say. */
export interface WrongImport {
  readonly what: string;
  readonly file: string;
  readonly line: string;
  readonly broken: RegExp;
}

/** Check 3's deliberately wrong imports: a business layer importing the web framework, a repository importing a route. */
export function wrongImports(p: Exported): WrongImport[] {
  const modules = modulesOf(p.plan);
  const out: WrongImport[] = [];
  const service = p.plan.services[0];
  if (service) {
    out.push({
      what: 'a service importing the web framework',
      file: join(p.dir, pathOf(modules.of('services', service))),
      line: `import ${writerOf(p.plan).frameworkModules[0]}  # a business layer importing the web framework`,
      broken: /Business layers import no web or queue framework BROKEN/,
    });
  }
  const repository = p.plan.repositories[0];
  const router = p.plan.routers.find((r) => r.feature === repository?.feature) ?? p.plan.routers[0];
  if (repository && router) {
    out.push({
      what: 'a repository importing a route module (upward)',
      file: join(p.dir, pathOf(modules.of('repositories', repository))),
      line: `import ${modules.of('routes', router)}  # upward`,
      broken: /Layers.* BROKEN/,
    });
  }
  return [...out, ...undrawnImports(p)];
}

const LAYERS: ReadonlyArray<NodePlan['kind']> = ['router', 'worker', 'service', 'repository', 'model'];
const BELOW: Readonly<Record<string, ReadonlyArray<NodePlan['kind']>>> = {
  router: ['router', 'service', 'repository', 'model', 'cache'],
  worker: ['worker', 'service', 'repository', 'model', 'cache'],
  service: ['service', 'repository', 'model', 'external', 'cache'],
  repository: ['repository', 'model', 'cache'],
  model: ['model'],
};

/**
 * One import per layer that the diagram does not draw, a sibling in the same layer first (the
 * layers contract allows those): from a component to another whose module no component sharing
 * the first one's module has a drawn edge into. Modules that hold several components (flat and
 * feature layouts) cannot tell those components apart, so such pairs are not tried.
 */
function undrawnImports(p: Exported): WrongImport[] {
  const modules = modulesOf(p.plan);
  const plan = p.plan;
  const nodes: NodePlan[] = [...plan.routers, ...plan.workers, ...plan.services, ...plan.repositories, ...plan.models, ...plan.externals, ...plan.caches];
  const moduleOf = (n: NodePlan): string | undefined => {
    const module = moduleOfNode(n, modules);
    return module && existsSync(join(p.dir, pathOf(module))) ? module : undefined;
  };
  // Imports the room's idiom makes along a drawn path count as drawn (the writer says which).
  const implied = writerOf(plan).impliedImports?.pairs(plan) ?? [];
  const drawn = new Set([...plan.edges.map((e) => [e.source, e.target] as const), ...implied].map(([from, to]) => `${moduleOf(from)}>${moduleOf(to)}`));
  const out: WrongImport[] = [];
  for (const layer of LAYERS) {
    const pair = nodes
      .filter((s) => s.kind === layer)
      .flatMap((s) => BELOW[layer]!.flatMap((kind) => nodes.filter((t) => t.kind === kind).map((t) => [s, t] as const)))
      .find(([s, t]) => {
        const from = moduleOf(s);
        const to = moduleOf(t);
        return from !== undefined && to !== undefined && from !== to && !drawn.has(`${from}>${to}`);
      });
    if (!pair) continue;
    const [from, to] = [moduleOf(pair[0])!, moduleOf(pair[1])!];
    out.push({
      what: `an undrawn import: ${pair[0].kind} ${pair[0].label} importing ${pair[1].kind} ${pair[1].label}`,
      file: join(p.dir, pathOf(from)),
      line: `import ${to}  # not drawn`,
      broken: new RegExp(`Illegal imports of protected package\\s+${to.replace(/\./g, '\\.')}`),
    });
  }
  return out;
}
