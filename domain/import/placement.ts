/**
 * Where a module stands: the component it belongs to by its name (spec/import.md: the last
 * component name on its dotted path decides), or why it is no component.
 */
import type { Kind } from '../diagram';
import type { Module, ModuleIndex } from './modules';
import { isKindWord, kindOfName, PLUMBING, PLUMBING_PACKAGES, SCHEMA_WORDS } from './names';

export type Placement =
  | { readonly kind: Kind; /** The module or package the component is: the module itself or the package right below the kind's package. */ readonly anchor: string }
  | { readonly reason: string };

/**
 * Packages holding a Django project's settings (`settings`, `wsgi`, `asgi`). Elsewhere a
 * `settings.py` is one module of configuration among the app's own (Flask's RealWorld app keeps
 * it beside its blueprint packages), so it makes no package configuration.
 */
export function settingsPackages(index: ModuleIndex): Set<string> {
  const found = new Set<string>();
  if (!isDjango(index)) return found;
  for (const module of index.modules) {
    const parts = module.name.split('.');
    const last = parts[parts.length - 1]!;
    if (parts.length > 1 && ['settings', 'wsgi', 'asgi'].includes(last)) found.add(parts.slice(0, -1).join('.'));
    if (parts.length > 2 && parts[parts.length - 2] === 'settings') found.add(parts.slice(0, -2).join('.'));
  }
  return found;
}

/** A Django project: a `manage.py`, or code that imports Django. */
function isDjango(index: ModuleIndex): boolean {
  return index.has('manage') || index.modules.some((m) => m.facts.imports.some((i) => i.level === 0 && (i.module === 'django' || i.module.startsWith('django.'))));
}

/**
 * Django apps: packages with an `apps.py`, or with a `models.py` beside `views.py` or `urls.py`
 * (apps older than AppConfig, listed in INSTALLED_APPS by their dotted path, as in the Django
 * RealWorld app's `conduit/apps/articles/`).
 */
function appPackages(index: ModuleIndex): Set<string> {
  const found = new Set(index.modules.filter((m) => m.name.endsWith('.apps') && !m.isPackage).map((m) => m.name.slice(0, -'.apps'.length)));
  for (const module of index.modules) {
    if (module.isPackage || !module.name.endsWith('.models')) continue;
    const app = module.name.slice(0, -'.models'.length);
    if (index.has(`${app}.views`) || index.has(`${app}.urls`)) found.add(app);
  }
  return found;
}

export function placeModules(index: ModuleIndex): Map<Module, Placement> {
  const settings = settingsPackages(index);
  const apps = appPackages(index);
  const packages = new Set(index.modules.filter((m) => m.isPackage).map((m) => m.name));
  const placements = new Map<Module, Placement>();
  for (const module of index.modules) placements.set(module, placeOne(module, index, packages, settings, apps));
  // A package found by an outer name (`api/users/…`) is no component when a module inside it
  // is one by a name of its own (`api/users/services.py`): then the package is a feature.
  const anchors = new Set<string>();
  for (const [module, placement] of placements) if ('kind' in placement && placement.anchor === module.name) anchors.add(placement.anchor);
  for (const [module, placement] of placements) {
    if (!('kind' in placement) || placement.anchor === module.name) continue;
    const inner = [...anchors].some((anchor) => anchor.startsWith(`${placement.anchor}.`));
    if (inner) placements.set(module, { reason: `a helper of the ${placement.anchor} package, whose components have names of their own` });
  }
  // An app's `urls` beside a package of its routers (`apis/orders.py`) only mounts them.
  const routers = [...placements.values()].flatMap((p) => ('kind' in p && p.kind === 'router' ? [p.anchor] : []));
  for (const [module, placement] of placements) {
    if (!('kind' in placement) || module.name.split('.').pop() !== 'urls') continue;
    const depth = module.name.split('.').length;
    const parent = `${module.name.slice(0, -'urls'.length)}`;
    if (routers.some((anchor) => anchor.startsWith(parent) && anchor.split('.').length > depth)) placements.set(module, { reason: 'mounts the routes of the routers below it' });
  }
  return placements;
}

/**
 * Nothing under a settings package is a component (`config/`), unless a Django app sits
 * between: `startapp` inside the project package, or the project package being an app itself.
 */
function placeOne(module: Module, index: ModuleIndex, packages: ReadonlySet<string>, settings: ReadonlySet<string>, apps: ReadonlySet<string>): Placement {
  const parts = module.name.split('.');
  const last = parts.length - 1;
  const parent = parts.slice(0, -1).join('.');
  if (parts[last] === 'urls' && settings.has(parent) && apps.has(parent)) return { reason: 'the root URLconf of a project package that is also an app' };
  let inApp = false;
  for (let depth = parts.length - 1; depth > 0; depth--) {
    const prefix = parts.slice(0, depth).join('.');
    inApp ||= apps.has(prefix);
    // A package of one kind's modules in the project package (`shop/schedules/`) holds components.
    const below = parts[depth]!;
    const kindPackage = depth < last && isKindWord(below) && packages.has(`${prefix}.${below}`);
    if (!inApp && !kindPackage && settings.has(prefix)) return { reason: 'part of the project configuration package' };
    if (PLUMBING_PACKAGES.has(parts[depth - 1]!)) return { reason: `under ${parts.slice(0, depth).join('.')}, shared plumbing` };
  }
  if (PLUMBING.has(parts[last]!) || (module.isPackage && PLUMBING_PACKAGES.has(parts[last]!))) {
    return { reason: `${parts[last]} names plumbing, not a component` };
  }
  for (let i = last; i >= 0; i--) {
    const word = parts[i]!;
    const kind = kindOfName(word);
    if (!kind) continue;
    // `models/search_query.py`: the package says what its modules are; a kind word only at one end
    // of the module's own name (`query`) does not outrank it.
    if (i === last && i > 0 && !isKindWord(word) && isKindWord(parts[i - 1]!) && kindOfName(parts[i - 1]!) !== kind) continue;
    if (SCHEMA_WORDS.has(word)) {
      const beside = parts.slice(0, i);
      // `models/schemas/` beside `models/domain/` (the FastAPI RealWorld app): the domain models are the components.
      if (MODEL_PACKAGES.some((name) => index.has([...beside, name].join('.')))) {
        return { reason: 'schemas beside models: the models are the components' };
      }
    }
    if (i === last) {
      if (module.isPackage && hasModulesBelow(module.name, index)) return { reason: `the ${word} package: its modules are the components` };
      if (i > 0 && isKindWord(word) && kindOfName(parts[i - 1]!) === kind && gathers(module)) {
        return { reason: `gathers the modules of the ${parts[i - 1]} package` };
      }
      // `routes/articles/api.py`: the module named only by its kind is the router of the package it sits in.
      if (i > 1 && isKindWord(word) && kindOfName(parts[i - 2]!) === kind) return { kind, anchor: parts.slice(0, i).join('.') };
      return { kind, anchor: module.name };
    }
    const child = parts[i + 1]!;
    if (PLUMBING.has(child) || (isKindWord(child) && kindOfName(child) === kind && !packages.has(parts.slice(0, i + 2).join('.')))) {
      return { reason: `the ${child} module of the ${word} package is wiring, not a component` };
    }
    return { kind, anchor: parts.slice(0, i + 2).join('.') };
  }
  return { reason: 'no component name on its path' };
}

/**
 * A module named like its package that defines no function or class only gathers the package's
 * modules (`routes/api.py` including each router) or holds its plumbing (`queries/queries.py`
 * loading SQL files); one defining tasks or handlers of its own (`tasks/jobs.py`) is a component.
 */
function gathers(module: Module): boolean {
  return !module.facts.definitions.some((d) => d.type === 'function' || d.type === 'class');
}

/** Names of a package of models, beside which a `schemas` package holds no components. */
const MODEL_PACKAGES = ['models', 'model', 'domain', 'entities', 'entity'];

function hasModulesBelow(name: string, index: ModuleIndex): boolean {
  const prefix = `${name}.`;
  return index.modules.some((m) => m.name.startsWith(prefix));
}
