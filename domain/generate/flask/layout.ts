/** Where each part of a Flask project lives, per layout (export.md, Flask). */
import type { Area, Modules } from '../modules';
import type { Plan } from '../plan/plan';

const LAYERED_FOLDER: Readonly<Record<Area, string>> = {
  routes: 'routes',
  services: 'services',
  repositories: 'repositories',
  models: 'models',
  schemas: 'schemas',
  clients: 'clients',
  tasks: 'tasks',
};

/** The Flask room's modules: the shared view plus its wiring, web helpers and core modules. */
export interface FlaskModules extends Modules {
  /** The one place services and repositories are built (the counterpart of FastAPI's deps). */
  readonly wiring: readonly string[];
  readonly builders: string;
  /** Request parsing and error handlers shared by every blueprint. */
  readonly web: string;
  core(name: 'config' | 'db' | 'errors' | 'logging' | 'task_runs' | 'health'): string;
}

export function modulesFor(plan: Pick<Plan, 'pkg' | 'layout'>): FlaskModules {
  const { pkg, layout } = plan;
  return {
    pkg,
    layout,
    of(area, node) {
      if (layout === 'layered') return `${pkg}.${LAYERED_FOLDER[area]}.${node.snake}`;
      // A scheduler is a process of its own (python -m), never a part of a shared tasks module.
      if (node.kind === 'scheduler') return `${pkg}.schedulers.${node.snake}`;
      if (layout === 'flat') return `${pkg}.${area}`;
      return `${pkg}.${node.feature}.${area}`;
    },
    areaPackage: (area) => `${pkg}.${LAYERED_FOLDER[area]}`,
    featureModule: (area) => area,
    featurePackage: (feature) => `${pkg}.${feature}`,
    corePackage: `${pkg}.core`,
    // The package itself holds create_app(), which registers every blueprint.
    wiring: [pkg, `${pkg}.wiring`, `${pkg}.web`, `${pkg}.health`],
    builders: `${pkg}.wiring`,
    web: `${pkg}.web`,
    taskApp: layout === 'layered' ? `${pkg}.tasks.app` : `${pkg}.worker`,
    core: (name) => `${pkg}.core.${name}`,
  };
}
