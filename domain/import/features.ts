/**
 * Features: Django apps (a package with `apps.py`), Flask blueprint packages, and packages that
 * hold modules named for several layers (`orders/routes.py`, `orders/services.py`). A component
 * belongs to the nearest feature package above it and, when its own module is named only by its
 * kind, is named after that feature.
 */
import type { Component } from './components';
import type { ModuleIndex } from './modules';
import { isKindWord, kindOfName } from './names';

export function featurePackages(index: ModuleIndex, components: readonly Component[], settings: ReadonlySet<string>): Set<string> {
  const features = new Set<string>();
  for (const module of index.modules) {
    const parts = module.name.split('.');
    const parent = parts.slice(0, -1).join('.');
    // An app is a feature, but not the project package made an app (`shop/apps.py` beside
    // `shop/settings/`): that one app is the whole project.
    if (parts[parts.length - 1] === 'apps' && !module.isPackage && parent !== '' && !settings.has(parent)) features.add(parent);
    const blueprint = module.facts.definitions.some((d) => d.type === 'assignment' && (d.callee === 'Blueprint' || d.callee.endsWith('.Blueprint')));
    // A blueprint made in a package's __init__ makes the package a feature (`app/auth/`); one made
    // in a plain module (`app/cli.py`) says nothing about the package around it.
    if (blueprint && module.isPackage && !kindOfName(module.name.split('.').pop()!)) features.add(module.name);
  }
  // Packages holding modules named by their layer: features when they are not the project's one top package.
  const kindsOf = new Map<string, Set<string>>();
  for (const component of components) {
    const parts = component.anchor.split('.');
    if (parts.length < 2 || !isKindWord(parts[parts.length - 1]!)) continue;
    const holder = parts.slice(0, -1).join('.');
    kindsOf.set(holder, (kindsOf.get(holder) ?? new Set()).add(component.kind));
  }
  // Below a kind's package, a package with one layer is one component (`integrations/aws/client.py`), not a feature;
  // a package with several is one, whatever its name (Dispatch's `task/` and `cost_model/` hold views, service and models).
  const underKind = (holder: string) => holder.split('.').slice(0, -1).some((part) => kindOfName(part));
  const holders = new Set([...kindsOf].filter(([holder, kinds]) => kinds.size >= 2 || (!underKind(holder) && !kindOfName(holder.split('.').pop()!))).map(([holder]) => holder));
  const topLevel = [...holders].filter((h) => !h.includes('.'));
  for (const holder of holders) if (holder.includes('.') || topLevel.length >= 2) features.add(holder);
  return features;
}

/** Sets each component's feature and final name; names stay unique per kind and feature. */
export function assignFeatures(components: readonly Component[], features: ReadonlySet<string>): void {
  const names = featureNames(features);
  for (const component of components) {
    const parts = component.anchor.split('.');
    for (let n = parts.length - 1; n > 0; n--) {
      const candidate = parts.slice(0, n).join('.');
      if (features.has(candidate)) {
        component.feature = names.get(candidate)!;
        break;
      }
    }
    // A module named only by its kind is named after its package (`orders/services.py`, `integrations/aws/client.py`).
    const parent = parts[parts.length - 2];
    if (!component.definition && !component.named && isKindWord(parts[parts.length - 1]!) && component.feature) component.name = parent && !kindOfName(parent) ? parent : component.feature;
  }
  const taken = new Set<string>();
  for (const component of components) {
    const base = component.name;
    for (let n = 2; taken.has(`${component.kind}/${component.feature ?? ''}/${component.name}`); n++) component.name = `${base}_${n}`;
    taken.add(`${component.kind}/${component.feature ?? ''}/${component.name}`);
  }
}

/**
 * A feature is named after its package; feature packages that share a name (`case/priority/`,
 * `incident/priority/`, as Netflix's Dispatch has them) take the packages above them too, up to
 * below the project's top package: `case_priority`, `incident_priority`.
 */
function featureNames(features: ReadonlySet<string>): Map<string, string> {
  const names = new Map<string, string>();
  const byLast = new Map<string, string[]>();
  for (const feature of features) {
    const last = feature.split('.').pop()!;
    byLast.set(last, [...(byLast.get(last) ?? []), feature]);
  }
  for (const [last, packages] of byLast) {
    for (const feature of packages) {
      const parts = feature.split('.');
      names.set(feature, packages.length === 1 || parts.length < 3 ? last : parts.slice(1).join('_'));
    }
  }
  return names;
}
