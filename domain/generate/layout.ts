/** Where each part of the project lives, per layout: dotted module names under the package. */
import type { ConcreteLayout } from './options';
import type { NodePlan, Plan } from './plan';

export type Area = 'routes' | 'services' | 'repositories' | 'models' | 'schemas' | 'clients' | 'tasks';

export interface Modules {
  readonly pkg: string;
  readonly layout: ConcreteLayout;
  /** The module that holds a node's code for one area (a model node has `models` and `schemas`). */
  of(area: Area, node: NodePlan): string;
  readonly deps: string;
  readonly container: string;
  readonly taskApp: string;
  core(name: 'config' | 'db' | 'errors' | 'logging' | 'task_runs'): string;
}

const LAYERED_FOLDER: Readonly<Record<Area, string>> = {
  routes: 'api.routes',
  services: 'services',
  repositories: 'repositories',
  models: 'models',
  schemas: 'schemas',
  clients: 'clients',
  tasks: 'tasks',
};

export function modulesFor(plan: Pick<Plan, 'pkg' | 'layout'>): Modules {
  const { pkg, layout } = plan;
  return {
    pkg,
    layout,
    of(area, node) {
      if (layout === 'layered') return `${pkg}.${LAYERED_FOLDER[area]}.${node.snake}`;
      if (layout === 'flat') return `${pkg}.${area}`;
      return `${pkg}.${node.feature}.${area}`;
    },
    deps: layout === 'layered' ? `${pkg}.api.deps` : `${pkg}.deps`,
    container: `${pkg}.container`,
    taskApp: layout === 'layered' ? `${pkg}.tasks.app` : `${pkg}.worker`,
    core: (name) => `${pkg}.core.${name}`,
  };
}

/** `shop.api.routes.orders` → `src/shop/api/routes/orders.py`. */
export function pathOf(module: string): string {
  return `src/${module.replace(/\./g, '/')}.py`;
}
