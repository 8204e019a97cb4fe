/**
 * Dependencies between components, each with the import statements behind it (`file:line`).
 * Inside a module split into one component per class, the class that uses an imported name is
 * the one that depends on it, and a class using another class of its module depends on it too.
 */
import type { Component } from './components';
import type { Module, ModuleIndex, InternalImport } from './modules';
import { COMPOSITION_ROOTS } from './names';

export interface Evidence {
  readonly path: string;
  readonly line: number;
  readonly typeOnly: boolean;
}

export interface CodeEdge {
  readonly source: Component;
  readonly target: Component;
  readonly evidence: Evidence[];
}

/** An import between a component and a module that is none, so it draws no edge. */
export interface DroppedImport {
  readonly path: string;
  readonly line: number;
  readonly from: string;
  readonly to: string;
  /** Which end is not a component. */
  readonly missing: 'source' | 'target';
}

export function findEdges(index: ModuleIndex, components: readonly Component[], internal: ReadonlyMap<Module, readonly InternalImport[]>): { edges: CodeEdge[]; dropped: DroppedImport[] } {
  const whole = new Map<Module, Component>();
  const split = new Map<Module, Component[]>();
  for (const component of components) {
    for (const module of component.modules) {
      if (component.definition) split.set(module, [...(split.get(module) ?? []), component]);
      else whole.set(module, component);
    }
  }
  const edges = new Map<string, CodeEdge>();
  const dropped: DroppedImport[] = [];
  const add = (source: Component, target: Component, evidence: Evidence) => {
    if (source === target) return;
    const key = `${source.key}\u0000${target.key}`;
    const edge = edges.get(key) ?? { source, target, evidence: [] };
    edge.evidence.push(evidence);
    edges.set(key, edge);
  };
  for (const module of index.modules) {
    for (const link of internal.get(module) ?? []) {
      const evidence = { path: module.path, line: link.line, typeOnly: link.typeOnly };
      const pairs = pairsOf(module, link, whole, split);
      const hasSource = pairs.some((p) => p.sources.length > 0);
      const hasTarget = pairs.some((p) => p.targets.length > 0);
      if (!hasSource && hasTarget) dropped.push({ path: module.path, line: link.line, from: module.name, to: link.to.name, missing: 'source' });
      if (hasSource && !hasTarget) dropped.push({ path: module.path, line: link.line, from: module.name, to: link.to.name, missing: 'target' });
      for (const pair of pairs) for (const source of pair.sources) for (const target of pair.targets) add(source, target, evidence);
    }
    for (const source of split.get(module) ?? []) {
      for (const target of split.get(module) ?? []) {
        // Two models of one module naming each other (a relationship declared on both sides) say
        // nothing about which depends on which: neither edge is drawn.
        const mutual = source.kind === 'model' && target.kind === 'model' && target.definition!.references?.has(source.definition!.name);
        if (source !== target && !mutual && source.definition!.references?.has(target.definition!.name)) {
          add(source, target, { path: module.path, line: source.definition!.line, typeOnly: false });
        }
      }
    }
  }
  for (const module of index.modules) {
    const stem = module.name.split('.').pop()!;
    if (whole.has(module) || split.has(module) || !COMPOSITION_ROOTS.has(stem)) continue;
    for (const wiring of wiringOf(module, internal.get(module) ?? [], whole, split)) add(wiring.source, wiring.target, wiring.evidence);
  }
  return { edges: [...edges.values()], dropped };
}

/**
 * A composition root (`container.py`, `deps.py`) hands each component what it depends on:
 * a function returning `OrderService` that mentions `audit_tasks` wires the service to the
 * worker, with no import in the service's own module.
 */
function wiringOf(module: Module, links: readonly InternalImport[], whole: ReadonlyMap<Module, Component>, split: ReadonlyMap<Module, Component[]>): Array<{ source: Component; target: Component; evidence: Evidence }> {
  const bound = new Map<string, Component[]>();
  for (const link of links) {
    const target = whole.get(link.to);
    const theirs = split.get(link.to) ?? [];
    if (link.names.length === 0) link.bound.forEach((name) => bound.set(name, target ? [target] : theirs));
    else link.names.forEach((name, i) => bound.set(link.bound[i] ?? name, target ? [target] : theirs.filter((t) => t.definition!.name === name)));
  }
  const found: Array<{ source: Component; target: Component; evidence: Evidence }> = [];
  for (const definition of module.facts.definitions) {
    if (definition.type !== 'function' || !definition.references) continue;
    const built = bound.get(definition.returns);
    if (!built || built.length !== 1) continue;
    for (const name of definition.references) {
      if (name === definition.returns) continue;
      for (const target of bound.get(name) ?? []) found.push({ source: built[0]!, target, evidence: { path: module.path, line: definition.line, typeOnly: false } });
    }
  }
  return found;
}

/**
 * Who uses what an import brings: one pair per imported name (one for a module import). In a
 * split module only the classes that mention the bound name use it; a module import of a split
 * module reaches the classes the user mentions.
 */
function pairsOf(module: Module, link: InternalImport, whole: ReadonlyMap<Module, Component>, split: ReadonlyMap<Module, Component[]>): Array<{ sources: Component[]; targets: Component[] }> {
  const own = whole.get(module);
  const mine = split.get(module) ?? [];
  const users = (bound: string): Component[] => (own ? [own] : mine.filter((part) => part.definition!.references?.has(bound)));
  const target = whole.get(link.to);
  const theirs = split.get(link.to) ?? [];
  if (link.names.length === 0) {
    const sources = link.bound.flatMap(users);
    if (target) return [{ sources, targets: [target] }];
    return sources.map((source) => {
      const used = source.definition?.references;
      return { sources: [source], targets: used ? theirs.filter((t) => used.has(t.definition!.name)) : theirs };
    });
  }
  return link.names.map((name, i) => {
    const targets = target ? [target] : name === '*' ? theirs : theirs.filter((t) => t.definition!.name === name);
    const bound = link.bound[i] ?? name;
    const sources = bound === '*' ? (own ? [own] : mine) : users(bound);
    return { sources, targets };
  });
}

/**
 * Django's services write through the ORM of the models their selectors read (the HackSoft
 * styleguide; Strata's Django export and its contracts alike): a service's import of a model it
 * reaches through the selectors and services it imports goes without an arrow of its own.
 */
export function impliedByPath(edges: readonly CodeEdge[]): Set<CodeEdge> {
  const out = new Map<Component, Component[]>();
  for (const edge of edges) out.set(edge.source, [...(out.get(edge.source) ?? []), edge.target]);
  const reachesThroughOthers = (service: Component, model: Component): boolean => {
    const seen = new Set<Component>([service]);
    const queue = (out.get(service) ?? []).filter((c) => c.kind === 'repository' || c.kind === 'service');
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (seen.has(next)) continue;
      seen.add(next);
      for (const target of out.get(next) ?? []) {
        if (target === model) return true;
        if (target.kind === 'repository' || target.kind === 'service') queue.push(target);
      }
    }
    return false;
  };
  return new Set(edges.filter((e) => e.source.kind === 'service' && e.target.kind === 'model' && reachesThroughOthers(e.source, e.target)));
}
