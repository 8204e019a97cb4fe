/**
 * Where each part of a Django project lives (NOTES of the reference exports, "Layouts → Django
 * apps"): one app for the project (flat, layered) or one app per feature, each holding
 * `models`, `selectors`, `services`, `apis`, `urls`, `tasks`, `admin` and `migrations`; a kind
 * with two or more components becomes a package of one module each (neutral design §1).
 */
import type { Area, Modules } from '../modules';
import type { NodePlan, Plan } from '../plan/plan';
import { featureAppName, labelRegistry, projectLabel } from './naming';

/** Django's words for the plan's areas: routers are APIs, repositories selectors. */
const AREA_MODULE: Readonly<Record<Area, string>> = {
  routes: 'apis',
  services: 'services',
  repositories: 'selectors',
  models: 'models',
  schemas: 'apis',
  clients: 'clients',
  tasks: 'tasks',
};

export interface DjangoApp {
  /** Dotted module of the app package: `shop` or `inventory.catalog`. */
  readonly module: string;
  readonly label: string;
  /** The plan's feature name (feature layout); `''` for a one-app project. */
  readonly feature: string;
}

export interface DjangoModules extends Modules {
  readonly apps: readonly DjangoApp[];
  /** The app a node belongs to. */
  appOf(node: NodePlan): DjangoApp;
  /** Whether an area of an app is a package with one module per node (two or more nodes). */
  isPackage(app: DjangoApp, area: Area): boolean;
  /** The module of one area of an app: `shop.models` (a module, or the package's barrel). */
  areaOf(app: DjangoApp, area: Area): string;
  /** The module of a scheduler (RQ cron registrations, or an APScheduler process). */
  scheduleOf(scheduler: NodePlan): string;
  readonly urls: string;
  settings(name: 'base' | 'development' | 'production' | 'test'): string;
  core(name: string): string;
}

/** The kinds whose nodes live in each area. */
function areaNodes(plan: Plan, area: Area): readonly NodePlan[] {
  switch (area) {
    case 'routes':
      return plan.routers;
    case 'services':
      return plan.services;
    case 'repositories':
      return plan.repositories;
    case 'models':
    case 'schemas':
      return plan.models;
    case 'clients':
      return [...plan.externals, ...plan.caches];
    case 'tasks':
      return plan.workers;
  }
}

export function modulesFor(plan: Plan): DjangoModules {
  const { pkg, layout } = plan;
  const registry = labelRegistry();
  const apps: DjangoApp[] = [];
  const byFeature = new Map<string, DjangoApp>();
  if (layout === 'feature') {
    for (const feature of plan.features) {
      const name = featureAppName(feature, registry);
      const app = { module: `${pkg}.${name}`, label: name, feature };
      apps.push(app);
      byFeature.set(feature, app);
    }
  } else {
    apps.push({ module: pkg, label: projectLabel(pkg), feature: '' });
  }
  const appOf = (node: NodePlan): DjangoApp => byFeature.get(node.feature) ?? apps[0]!;
  const counts = new Map<string, number>();
  for (const area of Object.keys(AREA_MODULE) as Area[]) {
    for (const node of areaNodes(plan, area)) {
      const key = `${appOf(node).module}:${AREA_MODULE[area]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const isPackage = (app: DjangoApp, area: Area): boolean => layout === 'layered' || (counts.get(`${app.module}:${AREA_MODULE[area]}`) ?? 0) >= 2;
  const areaOf = (app: DjangoApp, area: Area): string => `${app.module}.${AREA_MODULE[area]}`;
  const of = (area: Area, node: NodePlan): string => {
    const app = appOf(node);
    if (area === 'schemas') return of('models', node);
    return isPackage(app, area) ? `${areaOf(app, area)}.${node.snake}` : areaOf(app, area);
  };
  const schedulerPackage = layout === 'layered' || plan.schedulers.length >= 2;
  return {
    pkg,
    layout,
    apps,
    appOf,
    isPackage,
    areaOf,
    of,
    areaPackage: (area) => `${pkg}.${AREA_MODULE[area]}`,
    featureModule: (area) => AREA_MODULE[area],
    featurePackage: (feature) => byFeature.get(feature)?.module ?? `${pkg}.${feature}`,
    corePackage: `${pkg}.core`,
    // An app's urls.py exists only where a router of its own is drawn.
    wiring: [`${pkg}.urls`, ...apps.filter((a) => a.module !== pkg && plan.routers.some((r) => appOf(r).module === a.module)).map((a) => `${a.module}.urls`), ...apps.map((a) => `${a.module}.admin`)],
    taskApp: plan.options.tasks === 'celery' ? pkg : `${pkg}.tasks`,
    scheduleOf: (s) => (schedulerPackage ? `${pkg}.schedules.${s.snake}` : `${pkg}.schedules`),
    urls: `${pkg}.urls`,
    settings: (name) => `${pkg}.settings.${name}`,
    core: (name) => `${pkg}.core.${name}`,
  };
}
