/** The project's modules by name, and import statements resolved to them. */
import type { ModuleFile } from './files';
import type { ImportFact, ModuleFacts } from './facts';

export interface Module extends ModuleFile {
  readonly facts: ModuleFacts;
}

/** An import statement of one module that reaches another module of the project. */
export interface InternalImport {
  readonly from: Module;
  readonly to: Module;
  /** Names taken from `to` (`from a import B`), empty when the module itself is imported. */
  readonly names: readonly string[];
  /** What those names are called in the importing module. */
  readonly bound: readonly string[];
  readonly line: number;
  readonly typeOnly: boolean;
}

export class ModuleIndex {
  private readonly byName = new Map<string, Module>();
  /** Top-level names of the project's own packages and modules. */
  readonly firstParty = new Set<string>();

  constructor(readonly modules: readonly Module[]) {
    for (const module of modules) {
      for (const alias of module.aliases) {
        if (!this.byName.has(alias)) this.byName.set(alias, module);
        this.firstParty.add(alias.split('.')[0]!);
      }
    }
  }

  get(name: string): Module | undefined {
    return this.byName.get(name);
  }

  /** True when a module or package of this name exists. */
  has(name: string): boolean {
    return this.byName.has(name);
  }

  /**
   * Where an import statement leads: the modules of the project it reaches (a from-import of
   * submodules reaches each), and the top-level name of a third-party package otherwise.
   */
  resolve(from: Module, fact: ImportFact): { internal: InternalImport[]; external?: string } {
    const absolute = fact.level > 0 ? relativeBase(from, fact.level, fact.module) : fact.module;
    if (absolute === undefined) return { internal: [] };
    if (fact.level === 0 && !this.firstParty.has(absolute.split('.')[0]!)) return { internal: [], external: absolute.split('.')[0]! };
    const edge = (to: Module, names: readonly string[], bound: readonly string[]): InternalImport => ({ from, to, names, bound, line: fact.line, typeOnly: fact.typeOnly });
    if (fact.names.length === 0) {
      const to = this.longestPrefix(absolute);
      return { internal: to ? [edge(to, [], fact.bound)] : [] };
    }
    const internal: InternalImport[] = [];
    const rest: string[] = [];
    const restBound: string[] = [];
    fact.names.forEach((name, i) => {
      const submodule = name === '*' ? undefined : this.byName.get(absolute === '' ? name : `${absolute}.${name}`);
      if (submodule) internal.push(edge(submodule, [], [fact.bound[i] ?? name]));
      else {
        rest.push(name);
        restBound.push(fact.bound[i] ?? name);
      }
    });
    if (rest.length > 0) {
      const to = this.longestPrefix(absolute);
      if (to) internal.push(edge(to, rest, restBound));
    }
    return { internal };
  }

  private longestPrefix(name: string): Module | undefined {
    const parts = name.split('.');
    for (let n = parts.length; n > 0; n--) {
      const found = this.byName.get(parts.slice(0, n).join('.'));
      if (found) return found;
    }
    return undefined;
  }
}

/** `from ..a import b` inside `pkg.sub.mod` is `pkg.a`; undefined when the dots climb above the root. */
function relativeBase(from: Module, level: number, module: string): string | undefined {
  const parts = from.name.split('.');
  // A package's __init__ is the package itself, so one dot means the package, not its parent.
  const keep = parts.length - (from.isPackage ? level - 1 : level);
  if (keep < 0) return undefined;
  const base = parts.slice(0, keep);
  if (module !== '') base.push(module);
  return base.join('.');
}
