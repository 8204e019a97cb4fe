/**
 * Schedulers from the jobs a project schedules (schedules.ts), wherever it declares them: a
 * Celery app's or Django settings' beat schedule, a shared `schedules.py` of RQ cron or
 * APScheduler jobs. Jobs named `"<scheduler>: <what>"` (as Strata's exports name them) are
 * grouped into one scheduler per prefix; the others are one scheduler per module. Each scheduler
 * depends on the workers whose tasks its jobs run.
 */
import type { Component } from './components';
import type { CodeEdge } from './edges';
import type { DefinitionFact } from './facts';
import type { Module, ModuleIndex } from './modules';
import { isKindWord } from './names';
import type { ScheduleFact } from './schedules';

/** What a job's call needs imported to be a job at all: `admin.site.register(...)` is none. */
function isJob(job: ScheduleFact, uses: ReadonlySet<string>): boolean {
  if (job.via === '') return true;
  const method = job.via.slice(job.via.lastIndexOf('.') + 1);
  if (method === 'add_job') return uses.has('apscheduler');
  if (method === 'register') return uses.has('rq') && job.via.endsWith('cron.register');
  return uses.has('rq_scheduler');
}

/**
 * A job runs a worker's task: a beat entry names one; a call's target is imported from a
 * worker's module. A heartbeat or a cleanup function scheduled beside the tasks makes no scheduler.
 */
function runsTask(job: ScheduleFact, module: Module, index: ModuleIndex, workerModules: ReadonlySet<Module>): boolean {
  if (job.byTaskName) return true;
  const root = job.target.split('.')[0]!;
  const fact = module.facts.imports.find((f) => f.bound.includes(root));
  return fact !== undefined && index.resolve(module, fact).internal.some((link) => workerModules.has(link.to));
}

/** The name of a scheduler whose jobs carry none: the framework's own word for its scheduler. */
function defaultName(jobs: readonly ScheduleFact[]): string {
  if (jobs.every((j) => j.byTaskName)) return 'beat';
  return jobs.every((j) => j.via.endsWith('cron.register')) ? 'cron' : 'scheduler';
}

/** A scheduler the jobs of one module make, with the jobs it stands for. */
interface Scheduled {
  readonly component: Component;
  readonly jobs: readonly ScheduleFact[];
}

/**
 * `components` with the schedulers the modules' jobs make: a module named only as a scheduler
 * (`schedules.py`) whose jobs name their schedulers gives way to them; a module that is a
 * scheduler by a name of its own keeps it.
 */
export function addSchedulers(components: readonly Component[], index: ModuleIndex, imported: ReadonlyMap<Module, ReadonlySet<string>>): { components: Component[]; scheduled: Scheduled[] } {
  let result = [...components];
  const scheduled: Scheduled[] = [];
  const workerModules = new Set(components.filter((c) => c.kind === 'worker').flatMap((c) => c.modules));
  for (const module of index.modules) {
    const jobs = (module.facts.schedules ?? []).filter((job) => isJob(job, imported.get(module) ?? new Set()) && runsTask(job, module, index, workerModules));
    if (jobs.length === 0) continue;
    const host = result.find((c) => !c.definition && c.modules.includes(module));
    const hostNamesItself = host?.kind === 'scheduler' && !isKindWord(host.anchor.split('.').pop()!);
    const groups = byPrefix(jobs);
    // Where jobs name their schedulers, the unnamed ones are the module's own housekeeping (a heartbeat).
    if (groups.size > 1) groups.delete('');
    if (hostNamesItself || (host?.kind === 'scheduler' && groups.has(''))) continue;
    if (host?.kind === 'scheduler') result = result.filter((c) => c !== host);
    for (const [prefix, own] of groups) {
      const name = prefix || defaultName(own);
      const component: Component = { key: `${module.name}:${name}`, kind: 'scheduler', name, anchor: module.name, modules: [module], definition: definitionOf(name, own), named: true, scheduled: true };
      result.push(component);
      scheduled.push({ component, jobs: own });
    }
  }
  return { components: result, scheduled };
}

/** Jobs by the scheduler their name gives (`"nightly: audit.run_audit"` → `nightly`); '' for unnamed ones. */
function byPrefix(jobs: readonly ScheduleFact[]): Map<string, ScheduleFact[]> {
  const groups = new Map<string, ScheduleFact[]>();
  for (const job of jobs) {
    const colon = job.label.indexOf(':');
    const prefix = colon > 0 ? job.label.slice(0, colon).trim() : '';
    const key = /^[\w.-]+$/.test(prefix) ? prefix : '';
    groups.set(key, [...(groups.get(key) ?? []), job]);
  }
  return groups;
}

/**
 * A scheduler stands for its jobs inside a module shared with others: its references are the
 * names its jobs run, so the module's imports of them are its dependencies (edges.ts).
 */
function definitionOf(name: string, jobs: readonly ScheduleFact[]): DefinitionFact {
  const references = new Set(jobs.filter((j) => !j.byTaskName).map((j) => j.target.split('.')[0]!));
  return { name, type: 'assignment', line: jobs[0]!.line, bases: [], decorators: [], callee: '', returns: '', references };
}

/**
 * Edges to the workers of jobs that name their task by its registered name (a beat schedule's
 * `"task": "shop.audit.sweep_run_audit"`): the worker whose module defines that function, the
 * one the name's module or its component's name points to when several do.
 */
export function scheduleEdges(scheduled: readonly Scheduled[], components: readonly Component[]): CodeEdge[] {
  const workers = components.filter((c) => c.kind === 'worker');
  const edges = new Map<string, CodeEdge>();
  for (const { component, jobs } of scheduled) {
    for (const job of jobs.filter((j) => j.byTaskName)) {
      const worker = workerOfTask(job.target, workers);
      if (!worker) continue;
      const key = `${component.key}\u0000${worker.key}`;
      const edge = edges.get(key) ?? { source: component, target: worker, evidence: [] };
      edge.evidence.push({ path: component.modules[0]!.path, line: job.line, typeOnly: false });
      edges.set(key, edge);
    }
  }
  return [...edges.values()];
}

function workerOfTask(taskName: string, workers: readonly Component[]): Component | undefined {
  const parts = taskName.split('.');
  const fn = parts.pop()!;
  const defining = workers.filter((w) => w.modules.some((m) => m.facts.definitions.some((d) => d.type === 'function' && d.name === fn)));
  if (defining.length <= 1) return defining[0];
  const modulePath = parts.join('.');
  return defining.find((w) => w.modules.some((m) => m.name === modulePath)) ?? onlyOne(defining.filter((w) => parts.includes(w.name)));
}

function onlyOne<T>(items: readonly T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}
