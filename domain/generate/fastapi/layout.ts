/** Where each part of a FastAPI project lives, per layout. */
import type { Area, Modules } from '../modules';
import type { NodePlan, Plan } from '../plan/plan';

const LAYERED_FOLDER: Readonly<Record<Area, string>> = {
  routes: 'api.routes',
  services: 'services',
  repositories: 'repositories',
  models: 'models',
  schemas: 'schemas',
  clients: 'clients',
  tasks: 'tasks',
};

/** The FastAPI room's modules: the shared view plus its own wiring and core modules. */
export interface FastapiModules extends Modules {
  /** FastAPI dependencies (`Depends`) built on the container. */
  readonly deps: string;
  /** The composition root, shared by the web app and the workers. */
  readonly container: string;
  core(name: 'config' | 'db' | 'errors' | 'logging' | 'task_runs' | 'heartbeat'): string;
  /** The scheduler process's module (`schedulers/main.py`): it loads every scheduler module. */
  readonly schedules: string;
  /** One module per scheduler node (`schedulers/<name>.py`, in its feature's package in that layout): its jobs. */
  scheduler(node: NodePlan): string;
}

export function modulesFor(plan: Pick<Plan, 'pkg' | 'layout' | 'schedulers' | 'options' | 'broker'>): FastapiModules {
  const { pkg, layout } = plan;
  // A scheduler's module sits in its feature's package, as its tasks do; main.py runs them all.
  const scheduler = (node: NodePlan): string => (layout === 'feature' ? `${pkg}.${node.feature}.schedulers.${node.snake}` : `${pkg}.schedulers.${node.snake}`);
  // RQ and Dramatiq run the schedulers in a process of their own (Celery beat reads the task app).
  const own = plan.broker !== undefined && (plan.options.tasks === 'rq' || plan.options.tasks === 'dramatiq');
  const running = own ? plan.schedulers.filter((s) => s.workers.length > 0) : [];
  const schedulers = running.length > 0 ? [`${pkg}.schedulers.main`, ...running.map(scheduler)] : [];
  return {
    pkg,
    layout,
    of(area, node) {
      if (layout === 'layered') return `${pkg}.${LAYERED_FOLDER[area]}.${node.snake}`;
      if (layout === 'flat') return `${pkg}.${area}`;
      return `${pkg}.${node.feature}.${area}`;
    },
    areaPackage: (area) => `${pkg}.${LAYERED_FOLDER[area]}`,
    featureModule: (area) => area,
    featurePackage: (feature) => `${pkg}.${feature}`,
    corePackage: `${pkg}.core`,
    wiring: [`${pkg}.container`, layout === 'layered' ? `${pkg}.api.deps` : `${pkg}.deps`, ...(layout === 'layered' ? [`${pkg}.api.router`] : []), `${pkg}.main`, ...schedulers],
    deps: layout === 'layered' ? `${pkg}.api.deps` : `${pkg}.deps`,
    container: `${pkg}.container`,
    taskApp: layout === 'layered' ? `${pkg}.tasks.app` : `${pkg}.worker`,
    core: (name) => `${pkg}.core.${name}`,
    schedules: `${pkg}.schedulers.main`,
    scheduler,
  };
}
