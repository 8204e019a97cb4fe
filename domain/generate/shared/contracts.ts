/** import-linter contracts encoding rules.md for one diagram, in the module names of its writer. */
import type { Area, Modules } from '../modules';
import type { NodePlan, Plan } from '../plan/plan';
import type { FrameworkWriter } from '../writer';
import { protectedModules } from './protected';

interface Contract {
  readonly name: string;
  readonly type: 'layers' | 'forbidden' | 'protected';
  readonly fields: ReadonlyArray<readonly [string, string[] | string | boolean]>;
}

function toml(c: Contract): string {
  const value = (v: string[] | string | boolean): string =>
    typeof v === 'boolean' ? String(v) : typeof v === 'string' ? JSON.stringify(v) : `[\n${v.map((x) => `    ${JSON.stringify(x)},`).join('\n')}\n]`;
  return [`[[tool.importlinter.contracts]]`, `name = ${JSON.stringify(c.name)}`, `type = "${c.type}"`, ...c.fields.map(([k, v]) => `${k} = ${value(v)}`)].join('\n');
}

/** The external frameworks the project actually installs (import-linter only knows imported ones). */
function installedFrameworks(plan: Plan, writer: FrameworkWriter): string[] {
  return [...writer.frameworkModules, ...(plan.options.tasks === 'none' ? [] : [plan.options.tasks])];
}

export function contracts(plan: Plan, writer: FrameworkWriter, m: Modules, existing: ReadonlySet<string>): string {
  const has = (mod: string): boolean => existing.has(mod);
  const out: Contract[] = [];
  const areaModules = (area: Area, nodes: readonly NodePlan[]): string[] => {
    if (plan.layout === 'layered') {
      const pkg = m.areaPackage(area);
      return has(pkg) ? [pkg] : [];
    }
    return [...new Set(nodes.map((n) => m.of(area, n)))].filter(has).sort();
  };
  const routes = areaModules('routes', plan.routers);
  const tasks = areaModules('tasks', plan.workers);
  const services = areaModules('services', plan.services);
  const repositories = areaModules('repositories', plan.repositories);
  const models = areaModules('models', plan.models);
  const schemas = areaModules('schemas', plan.models);
  const clients = areaModules('clients', [...plan.externals, ...plan.caches]);

  if (plan.layout === 'feature') {
    const f = (area: Area): string => m.featureModule(area);
    const containers = plan.features.map((feature) => m.featurePackage(feature)).filter(has);
    out.push({
      name: 'Layers inside each feature: interface > application > data > domain',
      type: 'layers',
      fields: [
        ['containers', containers],
        ['layers', [`(${f('routes')}) : (${f('tasks')})`, `(${f('services')})`, `(${f('repositories')})`, `(${f('models')}) : (${f('schemas')})`, `(${f('clients')})`]],
      ],
    });
    out.push({ name: 'core sits below everything', type: 'forbidden', fields: [['source_modules', [m.corePackage]], ['forbidden_modules', [...containers, ...m.wiring].filter(has)]] });
    const linked = featureLinks(plan);
    for (const feature of containers) {
      const others = containers.filter((o) => o !== feature && !linked.has(`${lastPart(feature)}>${lastPart(o)}`));
      if (others.length === 0) continue;
      out.push({
        name: `Feature ${feature.split('.').pop()} is independent of the features it has no drawn edge to`,
        type: 'forbidden',
        fields: [['source_modules', [feature]], ['forbidden_modules', others], ['allow_indirect_imports', true]],
      });
    }
  } else {
    const layer = (mods: string[]): string => mods.join(' : ');
    const layers = [layer([...routes, ...tasks].sort()), layer(services), layer(repositories), layer([...models, ...schemas].sort()), layer(clients), m.corePackage].filter((l) => l !== '');
    out.push({ name: 'Layers: interface > application > data > domain, core below all', type: 'layers', fields: [['layers', layers]] });
  }

  const forbiddenForRoutes = [...repositories, ...models];
  if (routes.length > 0 && forbiddenForRoutes.length > 0) {
    // Drawn edges a route may use; whether it does is the code's business, so an unused one is no error.
    const ignored = drawnRouteImports(plan, m).filter(has2(existing));
    out.push({
      name: `${writer.routesWord} talk to services, not to repositories or models (except drawn edges)`,
      type: 'forbidden',
      fields: [['source_modules', routes], ['forbidden_modules', forbiddenForRoutes], ['allow_indirect_imports', true], ...(ignored.length > 0 ? [['ignore_imports', ignored] as const, ['unmatched_ignore_imports_alerting', 'none'] as const] : [])],
    });
  }
  const business = [...services, ...repositories, ...models, ...schemas];
  if (business.length > 0) {
    out.push({
      name: 'Business layers import no web or queue framework',
      type: 'forbidden',
      fields: [['source_modules', business], ['forbidden_modules', installedFrameworks(plan, writer)]],
    });
  }
  out.push(...drawnEdgeContracts(plan, m, existing));
  return out.map(toml).join('\n\n') + '\n';
}

/** The drawing itself: a component module is imported only by the components drawn to depend on it. */
function drawnEdgeContracts(plan: Plan, m: Modules, existing: ReadonlySet<string>): Contract[] {
  return protectedModules(plan, m, existing).map((p) => {
    const by = p.drawnImporters.map((n) => n.label);
    return {
      name: `${p.module} is imported only along drawn edges (${by.length > 0 ? `from ${by.join(', ')}` : 'no drawn edge into it'})`,
      type: 'protected',
      fields: [['protected_modules', [p.module]], ['allowed_importers', [...p.allowedImporters]], ['as_packages', false]],
    };
  });
}

function has2(existing: ReadonlySet<string>) {
  return (line: string): boolean => {
    const [a, b] = line.split(' -> ');
    return existing.has(a!) && existing.has(b!);
  };
}

/** Route modules that import a repository or model because the diagram draws that edge. */
function drawnRouteImports(plan: Plan, m: Modules): string[] {
  const lines = new Set<string>();
  for (const r of plan.routers) {
    for (const repo of r.repositories) lines.add(`${m.of('routes', r)} -> ${m.of('repositories', repo)}`);
    for (const model of r.models) lines.add(`${m.of('routes', r)} -> ${m.of('models', model)}`);
  }
  return [...lines].sort();
}

/** Every `from>to` feature pair joined by at least one drawn edge, computed once per export. */
function featureLinks(plan: Plan): ReadonlySet<string> {
  return new Set(plan.edges.filter((e) => e.source.feature && e.target.feature).map((e) => `${e.source.feature}>${e.target.feature}`));
}

function lastPart(module: string): string {
  return module.slice(module.lastIndexOf('.') + 1);
}
