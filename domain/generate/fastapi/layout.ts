/** Where each part of a FastAPI project lives, per layout. */
import type { Area, Modules } from '../modules';
import type { Plan } from '../plan/plan';

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
  /** The scheduler process's module (RQ cron registrations, or the APScheduler process): above the tasks. */
  readonly schedules: string;
}

export function modulesFor(plan: Pick<Plan, 'pkg' | 'layout'>): FastapiModules {
  const { pkg, layout } = plan;
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
    wiring: [`${pkg}.container`, layout === 'layered' ? `${pkg}.api.deps` : `${pkg}.deps`, ...(layout === 'layered' ? [`${pkg}.api.router`] : []), `${pkg}.main`, `${pkg}.schedules`],
    deps: layout === 'layered' ? `${pkg}.api.deps` : `${pkg}.deps`,
    container: `${pkg}.container`,
    taskApp: layout === 'layered' ? `${pkg}.tasks.app` : `${pkg}.worker`,
    core: (name) => `${pkg}.core.${name}`,
    schedules: `${pkg}.schedules`,
  };
}
