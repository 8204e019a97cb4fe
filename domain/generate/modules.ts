/**
 * Where each part of a project lives: dotted module names under the package. The shared
 * emitters (contracts, compose, README) read module names only through this interface; each
 * framework's writer implements it for the layouts it supports.
 */
import type { ConcreteLayout } from './options';
import type { NodePlan } from './plan/plan';

/** The parts of a project that hold node code, in the framework-neutral words of the plan. */
export type Area = 'routes' | 'services' | 'repositories' | 'models' | 'schemas' | 'clients' | 'tasks';

export interface Modules {
  readonly pkg: string;
  readonly layout: ConcreteLayout;
  /** The module that holds a node's code for one area (a model node has `models` and `schemas`). */
  of(area: Area, node: NodePlan): string;
  /** In the layered layout, the package holding one module per node of an area (`shop.api.routes`). */
  areaPackage(area: Area): string;
  /** In the feature layout, the module name of an area inside a feature package (`routes`). */
  featureModule(area: Area): string;
  /** The package of a feature (feature layout), from its Python name. */
  featurePackage(feature: string): string;
  /** Settings, database and logging: below every layer. */
  readonly corePackage: string;
  /** Modules that wire the layers together (composition root, app entry): above every layer. */
  readonly wiring: readonly string[];
  /** The task framework's app (Celery app, RQ queue, Dramatiq broker): what a worker is started with. */
  readonly taskApp: string;
}

/** `shop.api.routes.orders` → `src/shop/api/routes/orders.py`: every framework uses the src layout. */
export function pathOf(module: string): string {
  return `src/${module.replace(/\./g, '/')}.py`;
}
