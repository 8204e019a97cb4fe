/**
 * The project generator: a diagram in, the files of a runnable Python project out.
 *
 * `generate()` is pure and deterministic: the same diagram and options give the same bytes
 * (no clock, no randomness; the migration's revision id is a hash of its content). It never
 * throws for a parsed diagram: what it cannot generate comes back as `{ ok: false, error }`.
 */
import type { Diagram } from '../diagram';
import { apiRouterModule, mainModule } from './emit-app';
import { alembicFiles } from './emit-alembic';
import { clientUnits } from './emit-clients';
import { composeYaml, DOCKERIGNORE, dockerfile, GITIGNORE } from './emit-compose';
import { coreFiles } from './emit-core';
import { envExample, readme } from './emit-docs';
import { modelUnits } from './emit-models';
import { pyprojectToml } from './emit-pyproject';
import { repositoryUnits } from './emit-repositories';
import { routeUnits } from './emit-routes';
import { schedulerUnits, sweepUnits } from './emit-schedulers';
import { serviceUnits } from './emit-services';
import { taskAppModule, workerUnits } from './emit-tasks';
import { testFiles } from './emit-tests';
import { buildersFor, containerModule, depsModule } from './emit-wiring';
import { modulesFor, pathOf } from './layout';
import type { GenerateOptions, LayoutChoice } from './options';
import { resolveLayout } from './options';
import { buildPlan, type Plan } from './plan';
import { compareText, pyModule } from './py';
import { renderUnits } from './unit';

export { resolveLayout, estimateLines, type GenerateOptions, type LayoutChoice, type ConcreteLayout } from './options';
export { buildPlan, type Plan } from './plan';
export { packageName, snakeName, isSafeIdentifier, isSafeFileStem } from './naming';

/** POSIX paths under one root folder named after the project, sorted, to file text. */
export type Files = ReadonlyMap<string, string>;

export type GenerateErrorCode = 'unsupported-framework' | 'unsupported-broker' | 'workers-without-task-framework';

export interface GenerateError {
  readonly code: GenerateErrorCode;
  readonly message: string;
}

export type GenerateResult =
  | { readonly ok: true; readonly files: Files; readonly root: string; readonly layout: LayoutChoice }
  | { readonly ok: false; readonly error: GenerateError };

export function generate(diagram: Diagram, overrides: Partial<GenerateOptions> = {}): GenerateResult {
  const options: GenerateOptions = {
    framework: overrides.framework ?? diagram.project.framework,
    tasks: overrides.tasks ?? diagram.project.tasks,
    layout: overrides.layout ?? diagram.project.layout,
  };
  const refused = refusal(diagram, options);
  if (refused) return { ok: false, error: refused };
  const plan = buildPlan(diagram, options);
  const files = projectFiles(plan);
  const root = plan.pkg;
  const sorted = [...files.keys()].sort(compareText);
  return {
    ok: true,
    root,
    layout: { layout: plan.layout, reason: plan.layoutReason },
    files: new Map(sorted.map((path) => [`${root}/${path}`, files.get(path)!])),
  };
}

/** The layout `generate()` would use, with the reason, for the UI to explain. */
export function layoutFor(diagram: Diagram, overrides: Partial<GenerateOptions> = {}): LayoutChoice {
  return resolveLayout(diagram, overrides.layout ?? diagram.project.layout);
}

function refusal(diagram: Diagram, options: GenerateOptions): GenerateError | undefined {
  if (options.framework !== 'fastapi') {
    return { code: 'unsupported-framework', message: `Exporting a ${options.framework} project is not available yet; choose FastAPI.` };
  }
  const workers = diagram.nodes.filter((n) => n.kind === 'worker' || n.kind === 'scheduler');
  if (workers.length > 0 && options.tasks === 'none') {
    return { code: 'workers-without-task-framework', message: `The diagram has ${workers.length} worker or scheduler node(s), but the task framework is "none"; choose Celery, RQ or Dramatiq.` };
  }
  const rabbit = diagram.nodes.find((n) => n.kind === 'broker' && n.engine === 'rabbitmq');
  if (rabbit && options.tasks === 'rq') {
    return { code: 'unsupported-broker', message: `RQ works with Redis only, but the broker "${rabbit.name}" is RabbitMQ.` };
  }
  return undefined;
}

function projectFiles(plan: Plan): Map<string, string> {
  const modules = modulesFor(plan);
  const builders = buildersFor(plan, modules);
  const python = new Map<string, string>();
  const units = [
    ...modelUnits(plan.models, modules),
    ...repositoryUnits(plan.repositories, modules),
    ...serviceUnits(plan.services, modules),
    ...clientUnits(plan, modules),
    ...routeUnits(plan.routers, modules, builders),
    ...(plan.broker ? workerUnits(plan, modules, builders) : []),
    ...(plan.broker ? sweepUnits(plan, modules, builders) : []),
    ...(plan.broker ? schedulerUnits(plan, modules) : []),
  ];
  for (const [module, text] of renderUnits(units, plan.pkg, (m) => `${areaTitle(m)} of ${plan.title}.`.replace(/^./, (c) => c.toUpperCase()))) python.set(module, text);
  for (const [module, text] of coreFiles(plan, modules)) python.set(module, text);
  python.set(modules.container, containerModule(plan, modules, builders));
  python.set(modules.deps, depsModule(plan, modules, builders));
  if (plan.layout === 'layered' && plan.routers.length > 0) python.set(`${plan.pkg}.api.router`, apiRouterModule(plan, modules));
  if (plan.broker) python.set(modules.taskApp, taskAppModule(plan, modules));
  python.set(`${plan.pkg}.main`, mainModule(plan, modules));
  for (const pkg of packagesOf(python.keys())) {
    if (!python.has(pkg)) python.set(`${pkg}.__init__`, pyModule({ doc: packageDoc(plan, pkg), firstParty: [plan.pkg], blocks: [] }));
  }
  const files = new Map<string, string>();
  for (const [module, text] of python) files.set(pathOf(module), text);
  const existing = new Set([...python.keys()].map((m) => m.replace(/\.__init__$/, '')));
  files.set('pyproject.toml', pyprojectToml(plan, existing));
  for (const [path, text] of alembicFiles(plan, modules)) files.set(path, text);
  for (const [path, text] of testFiles(plan, modules, builders)) files.set(path, text);
  const taskModules = [...new Set(plan.workers.map((w) => modules.of('tasks', w)))];
  const schedulerModules = new Map(plan.schedulers.map((s) => [s.id, modules.of('tasks', s)]));
  files.set('docker-compose.yml', composeYaml(plan, modules.taskApp, taskModules, schedulerModules));
  files.set('Dockerfile', dockerfile(plan));
  files.set('.gitignore', GITIGNORE);
  files.set('.dockerignore', DOCKERIGNORE);
  files.set('README.md', readme(plan));
  files.set('.env.example', envExample(plan));
  return files;
}

function packagesOf(modules: Iterable<string>): string[] {
  const packages = new Set<string>();
  for (const module of modules) {
    const parts = module.split('.');
    for (let i = 1; i < parts.length; i++) packages.add(parts.slice(0, i).join('.'));
  }
  return [...packages].sort();
}

function areaTitle(module: string): string {
  const last = module.split('.').pop() ?? module;
  return last.replace(/_/g, ' ');
}

function packageDoc(plan: Plan, pkg: string): string {
  if (pkg === plan.pkg) return `${plan.title}: exported from a Strata diagram.`;
  const last = pkg.split('.').pop()!;
  const known: Record<string, string> = {
    api: 'The HTTP interface.',
    routes: 'One module per router.',
    core: 'Settings, database, errors and logging: below every other layer.',
    services: 'Business logic: one class per service.',
    repositories: 'Data access: one class per repository.',
    models: 'ORM models: one module per model.',
    schemas: 'Pydantic schemas of the models.',
    clients: 'Adapters for external APIs and caches.',
    tasks: 'Background tasks: one module per worker.',
  };
  return known[last] && (plan.layout !== 'feature' || last === 'core') ? known[last]! : `The ${last.replace(/_/g, ' ')} feature.`;
}
