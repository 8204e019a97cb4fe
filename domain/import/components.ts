/**
 * From placed modules to components: one per anchor, or one per class where a module named
 * only by its kind (`services.py`) holds several components' classes; kinds refined by what
 * the code imports (a client without an HTTP client is no external API; one over Redis is a
 * cache); features from Django apps, Flask blueprints and packages that hold several layers.
 */
import type { Kind } from '../diagram';
import type { DefinitionFact } from './facts';
import type { Module, ModuleIndex } from './modules';
import { CLASS_SUFFIXES, HTTP_CLIENTS, isKindWord, snakeOfClass } from './names';
import type { Placement } from './placement';

export interface Component {
  readonly key: string;
  kind: Kind;
  name: string;
  feature?: string;
  /** The module or package it is. */
  readonly anchor: string;
  readonly modules: readonly Module[];
  /** For a component that is one class (or router object) of a shared module. */
  readonly definition?: DefinitionFact;
  /** Named after the one class (or router object) its module defines, not after the module. */
  readonly named?: boolean;
  /** Sibling modules merged into this component (Django's `urls` beside `apis`). */
  readonly also?: readonly string[];
  /** A scheduler made of the jobs its module schedules (schedulers.ts), not named by its module. */
  readonly scheduled?: true;
}

export interface NotComponent {
  readonly module: Module;
  readonly reason: string;
}

/** Names of router objects that say what they are, not which one (`router = APIRouter()`, `bp = Blueprint(...)`). */
const GENERIC_OBJECTS: ReadonlySet<string> = new Set(['router', 'api_router', 'api', 'bp', 'blueprint', 'app', 'routes', 'urls', 'views']);

const ORM_BASES = new Set(['Base', 'db.Model', 'models.Model', 'Model', 'DeclarativeBase', 'TimeStampedModel']);
const ROUTER_CALLEES = ['APIRouter', 'Blueprint', 'Router', 'DefaultRouter', 'SimpleRouter', 'NinjaAPI'];
const SCHEDULING = new Set(['apscheduler', 'rq_scheduler', 'periodiq', 'schedule', 'croniter', 'time']);

export function findComponents(index: ModuleIndex, placements: ReadonlyMap<Module, Placement>, imported: ReadonlyMap<Module, ReadonlySet<string>>): { components: Component[]; notComponents: NotComponent[] } {
  const notComponents: NotComponent[] = [];
  const groups = new Map<string, { kind: Kind; modules: Module[] }>();
  for (const module of index.modules) {
    const placement = placements.get(module)!;
    if (!('kind' in placement)) {
      notComponents.push({ module, reason: placement.reason });
      continue;
    }
    const group = groups.get(placement.anchor) ?? { kind: placement.kind, modules: [] };
    group.modules.push(module);
    groups.set(placement.anchor, group);
  }
  const components: Component[] = [];
  const routePackages = packagesDeclaringRoutes(groups);
  for (const [anchor, group] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const uses = new Set(group.modules.flatMap((m) => [...(imported.get(m) ?? [])]));
    const kind = group.kind === 'router' && routePackages.has(parentOf(anchor)) && !declaresRoutes(group.modules) && definesFunctions(group.modules)
      ? { reason: 'declares no route beside modules that do: a helper of the routes (authentication, errors)' }
      : refineKind(group.kind, uses, group.modules);
    if (typeof kind === 'object') {
      for (const module of group.modules) notComponents.push({ module, reason: kind.reason });
      continue;
    }
    const last = anchor.split('.').pop()!;
    const split = isKindWord(last) && group.modules.length === 1 ? splitByDefinition(kind, group.modules[0]!, imported) : [];
    // One component class in a module: the module is that component, named after the class, or
    // after the module when the object's name says only what it is (`router = APIRouter()`).
    if (split.length === 1 && GENERIC_OBJECTS.has(split[0]!.name)) components.push({ key: anchor, kind: split[0]!.kind, name: last, anchor, modules: group.modules });
    else if (split.length === 1) components.push({ key: anchor, kind: split[0]!.kind, name: split[0]!.name, anchor, modules: group.modules, named: true });
    else if (split.length > 1) components.push(...split.map((c) => ({ ...c, anchor, modules: group.modules })));
    else components.push({ key: anchor, kind, name: last, anchor, modules: group.modules });
  }
  return { components: mergeSiblings(components), notComponents };
}

const ROUTE_DECORATOR = /^[\w.]+\.(route|get|post|put|patch|delete|head|options|websocket|api_route|errorhandler|app_errorhandler)\(/;

function parentOf(anchor: string): string {
  return anchor.split('.').slice(0, -1).join('.');
}

/** A route handler (`@bp.route(...)`, `@router.get(...)`), a view class or a router object. */
function declaresRoutes(modules: readonly Module[]): boolean {
  return modules.some((m) =>
    m.facts.definitions.some((d) => d.type === 'class' || (d.type === 'assignment' && ROUTER_CALLEES.some((c) => d.callee === c || d.callee.endsWith(`.${c}`))) || d.decorators.some((x) => ROUTE_DECORATOR.test(x))),
  );
}

function definesFunctions(modules: readonly Module[]): boolean {
  return modules.some((m) => m.facts.definitions.some((d) => d.type === 'function'));
}

/** Packages in which some router module declares its routes with decorators. */
function packagesDeclaringRoutes(groups: ReadonlyMap<string, { kind: Kind; modules: Module[] }>): Set<string> {
  const found = new Set<string>();
  for (const [anchor, group] of groups) {
    if (group.kind === 'router' && group.modules.some((m) => m.facts.definitions.some((d) => d.decorators.some((x) => ROUTE_DECORATOR.test(x))))) found.add(parentOf(anchor));
  }
  return found;
}

/**
 * Modules of one package named only by the same kind (Django's `apis.py` and `urls.py`, or
 * `services.py` beside `use_cases.py`) are one component: the package's routes, its services.
 */
function mergeSiblings(components: readonly Component[]): Component[] {
  const merged: Component[] = [];
  const byPackage = new Map<string, Component>();
  for (const component of components) {
    const parts = component.anchor.split('.');
    const mergeable = !component.definition && !component.named && isKindWord(parts[parts.length - 1]!);
    const key = `${component.kind}\u0000${parts.slice(0, -1).join('.')}`;
    const first = mergeable ? byPackage.get(key) : undefined;
    if (first) {
      const index = merged.indexOf(first);
      merged[index] = { ...first, modules: [...first.modules, ...component.modules], also: [...(first.also ?? []), component.anchor] };
      byPackage.set(key, merged[index]!);
      continue;
    }
    if (mergeable) byPackage.set(key, component);
    merged.push(component);
  }
  return merged;
}

function refineKind(kind: Kind, uses: ReadonlySet<string>, modules: readonly Module[]): Kind | { reason: string } {
  if (kind === 'external') {
    if ([...uses].some((u) => HTTP_CLIENTS.has(u))) return 'external';
    if (uses.has('redis') || uses.has('aioredis') || uses.has('valkey')) return 'cache';
    return { reason: 'a client module that uses no HTTP client' };
  }
  // Django wants a `models.py` in every app, and `startapp` writes one with no model in it.
  if (kind === 'model' && modules.every((m) => m.facts.definitions.every((d) => d.type !== 'class'))) return { reason: 'defines no class' };
  if (kind === 'worker') {
    const definitions = modules.flatMap((m) => m.facts.definitions);
    if ((definesTaskApp(definitions) || modules.some(importsTaskApp)) && !definitions.some(isTask)) return { reason: 'the task app: it defines no task' };
    // A periodic loop (`time`) or a scheduling library, and no task of its own.
    if (!definitions.some(isTask) && [...uses].some((u) => SCHEDULING.has(u)) && !uses.has('rq') && definitions.some((d) => d.type === 'function')) return 'scheduler';
  }
  return kind;
}

function definesTaskApp(definitions: readonly DefinitionFact[]): boolean {
  return definitions.some((d) => d.type === 'assignment' && /(^|\.)(Celery|Queue|RedisBroker|RabbitmqBroker|Dramatiq|Scheduler)$/.test(d.callee));
}

/** Importing what builds a task app (`Celery`, RQ's `Queue`, a Dramatiq broker) marks the module that sets one up. */
function importsTaskApp(module: Module): boolean {
  return module.facts.imports.some(
    (fact) => (fact.module === 'celery' && fact.names.includes('Celery')) || (fact.module === 'rq' && fact.names.includes('Queue')) || fact.module.startsWith('dramatiq.brokers'),
  );
}

/** Decorated as a task: `@shared_task`, `@app.task(...)`, `@dramatiq.actor`, `@job`, or a project's own `@non_concurrent_task`. */
function isTask(definition: DefinitionFact): boolean {
  return definition.decorators.some((d) => /(^|[._])(task|actor|job)$/.test(d.split('(')[0]!.trim()));
}

/** The classes (or router objects) of a kind-named module that are components of their own. */
function splitByDefinition(kind: Kind, module: Module, imported: ReadonlyMap<Module, ReadonlySet<string>>): Array<Omit<Component, 'anchor' | 'modules'>> {
  const definitions = componentDefinitions(kind, module.facts.definitions).map((d) => (kind === 'router' ? withRoutes(d, module.facts.definitions) : d));
  if (definitions.length === 0) return [];
  return definitions.map((definition) => {
    const ownKind = kind === 'external' || kind === 'cache' ? clientKind(definition, module, imported) : kind;
    return { key: `${module.name}:${definition.name}`, kind: ownKind, name: definitionName(ownKind, definition), definition };
  });
}

/** The definitions in a module that each stand for one component of `kind`. */
export function componentDefinitions(kind: Kind, definitions: readonly DefinitionFact[]): DefinitionFact[] {
  const classes = definitions.filter((d) => d.type === 'class' && !d.name.startsWith('_'));
  switch (kind) {
    case 'model':
      // SQLModel marks its tables with `table=True`; its other classes are schemas.
      return classes.filter((d) => d.bases.some((b) => ORM_BASES.has(b) || b === 'table=True'));
    case 'router':
      return definitions.filter((d) => d.type === 'assignment' && ROUTER_CALLEES.some((c) => d.callee === c || d.callee.endsWith(`.${c}`)));
    case 'service':
    case 'repository':
    case 'cache':
    case 'external': {
      const suffixes = CLASS_SUFFIXES[kind === 'cache' ? 'external' : kind]!;
      return classes.filter((d) => suffixes.some((s) => d.name.endsWith(s) && d.name !== s));
    }
    default:
      return [];
  }
}

/** A router object uses what the functions it decorates (`@orders_router.get(...)`) use. */
function withRoutes(router: DefinitionFact, definitions: readonly DefinitionFact[]): DefinitionFact {
  const routes = definitions.filter((d) => d.decorators.some((decorator) => decorator.startsWith(`${router.name}.`)));
  const references = new Set([...(router.references ?? []), ...routes.flatMap((d) => [...(d.references ?? [])])]);
  return { ...router, references };
}

function clientKind(definition: DefinitionFact, module: Module, imported: ReadonlyMap<Module, ReadonlySet<string>>): Kind {
  const references = definition.references;
  if (references) {
    const bound = new Map<string, string>();
    for (const fact of module.facts.imports) {
      const top = fact.module.split('.')[0]!;
      fact.bound.forEach((name) => bound.set(name, top));
    }
    const uses = new Set([...references].map((r) => bound.get(r)).filter((t): t is string => t !== undefined));
    if ([...uses].some((u) => HTTP_CLIENTS.has(u))) return 'external';
    if (uses.has('redis')) return 'cache';
  }
  return (imported.get(module) ?? new Set()).has('redis') && definition.name.endsWith('Cache') ? 'cache' : 'external';
}

/** `OrderService` → `order_service`; a client's `Client` ending is dropped (`PaymentsClient` → `payments`); routers drop `_router`. */
function definitionName(kind: Kind, definition: DefinitionFact): string {
  if (definition.type === 'assignment') return definition.name.replace(/_(router|bp|blueprint|api)$/, '') || definition.name;
  const snake = snakeOfClass(definition.name);
  if (kind === 'external') return snake.replace(/_(client|gateway|adapter|integration)$/, '') || snake;
  return snake;
}

/** The modules a component stands for; `module:Class` for one class of a shared module. */
export function modulesOf(component: Component): string[] {
  if (component.definition) return [`${component.anchor}:${component.definition.name}`];
  return [component.anchor, ...(component.also ?? [])];
}
