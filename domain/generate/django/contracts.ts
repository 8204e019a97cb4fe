/**
 * import-linter contracts in Django's words: the layers (urls > apis and tasks > services >
 * selectors > models), no web or queue framework in the business layers, and one `protected`
 * contract per drawn component: only the components with a drawn edge to it (and the wiring:
 * urls.py, admin.py, the model and task barrels) may import its module. A service writes
 * through the ORM of the models it reaches, so those models allow it too.
 */
import type { Area } from '../modules';
import type { NodePlan, Plan } from '../plan/plan';
import { docText } from '../python/py';
import type { DjangoModules } from './layout';

interface Contract {
  readonly name: string;
  readonly type: 'layers' | 'forbidden' | 'protected';
  readonly fields: ReadonlyArray<readonly [string, readonly string[] | string | boolean]>;
}

function toml(c: Contract): string {
  const value = (v: readonly string[] | string | boolean): string => {
    if (typeof v === 'boolean') return String(v);
    if (typeof v === 'string') return JSON.stringify(v);
    const inline = `[${v.map((x) => JSON.stringify(x)).join(', ')}]`;
    return inline.length <= 70 ? inline : `[\n${v.map((x) => `    ${JSON.stringify(x)},`).join('\n')}\n]`;
  };
  return ['[[tool.importlinter.contracts]]', `name = ${JSON.stringify(c.name)}`, `type = "${c.type}"`, ...c.fields.map(([k, v]) => `${k} = ${value(v)}`)].join('\n');
}

/** Web and queue frameworks the generated code imports, which business layers must not. */
function frameworks(plan: Plan): string[] {
  const out = ['rest_framework'];
  if (!plan.broker || plan.workers.length === 0) return out;
  if (plan.options.tasks === 'celery') out.push('celery', 'kombu');
  if (plan.options.tasks === 'rq') out.push('rq', 'django_rq');
  if (plan.options.tasks === 'dramatiq') out.push('dramatiq');
  if (plan.options.tasks === 'dramatiq' && plan.broker.engine === 'rabbitmq') out.push('pika');
  if (plan.options.tasks === 'dramatiq' && plan.schedulers.length > 0) out.push('apscheduler');
  return out;
}

function areaOfKind(kind: NodePlan['kind']): Area | undefined {
  const areas: Partial<Record<NodePlan['kind'], Area>> = { router: 'routes', worker: 'tasks', service: 'services', repository: 'repositories', model: 'models', external: 'clients', cache: 'clients' };
  return areas[kind];
}

export function djangoContracts(plan: Plan, m: DjangoModules, existing: ReadonlySet<string>): string {
  const has = (mod: string): boolean => existing.has(mod);
  const out: Contract[] = [];
  const schedulePackage = [`${plan.pkg}.schedules`].filter(has);
  if (plan.layout === 'feature') {
    const apps = m.apps.map((a) => a.module).filter(has);
    out.push({
      name: 'Layers of the project: urls, schedules > feature apps > core',
      type: 'layers',
      fields: [['layers', [[m.urls, ...schedulePackage].join(' : '), apps.join(' : '), m.corePackage].filter((l) => l !== '')]],
    });
    out.push({
      name: 'Layers inside each app: apis, tasks > services > selectors > models',
      type: 'layers',
      fields: [['containers', apps], ['layers', ['(urls)', '(apis) : (tasks)', '(services)', '(selectors)', '(models)', '(clients)']]],
    });
  } else {
    const app = m.apps[0]!;
    const area = (a: Area): string[] => [m.areaOf(app, a)].filter(has);
    const bottom = [...area('models'), ...area('clients')].join(' | ');
    const layers = [m.urls, schedulePackage.join(' : '), [...area('routes'), ...area('tasks')].join(' : '), ...area('services'), ...area('repositories'), bottom, m.corePackage].filter((l) => l !== '' && (l.includes(' ') || has(l)));
    out.push({ name: 'Layers: urls > apis, tasks > services > selectors > models > core', type: 'layers', fields: [['layers', layers]] });
  }
  const business = m.apps.flatMap((app) => (['services', 'repositories', 'models', 'clients'] as Area[]).map((a) => m.areaOf(app, a))).filter(has);
  if (business.length > 0) out.push({ name: 'Business layers import no web or queue framework', type: 'forbidden', fields: [['source_modules', business], ['forbidden_modules', frameworks(plan)]] });
  out.push(...protectedContracts(plan, m, has));
  return `${out.map(toml).join('\n\n')}\n`;
}

/**
 * Services write (selectors only read, as the HackSoft styleguide splits them), so a service
 * imports the models it reaches through its drawn repositories and the services it calls.
 */
export function impliedImports(plan: Plan): Array<readonly [NodePlan, NodePlan]> {
  return plan.services.flatMap((s) => s.provides.map((p) => [s, p.model] as const));
}

function protectedContracts(plan: Plan, m: DjangoModules, has: (mod: string) => boolean): Contract[] {
  const out: Contract[] = [];
  const moduleOf = (node: NodePlan): string | undefined => {
    if (node.kind === 'scheduler') return plan.broker && plan.options.tasks !== 'celery' ? m.scheduleOf(node) : undefined;
    const area = areaOfKind(node.kind);
    return area ? m.of(area, node) : undefined;
  };
  const sources = new Map<string, NodePlan[]>();
  for (const e of plan.edges) sources.set(e.target.id, [...(sources.get(e.target.id) ?? []), e.source]);
  const urls = [m.urls, ...m.apps.map((a) => `${a.module}.urls`)];
  const admins = m.apps.map((a) => `${a.module}.admin`);
  const nodes: NodePlan[] = [...plan.routers, ...plan.workers, ...plan.services, ...plan.repositories, ...plan.models, ...plan.externals, ...plan.caches, ...plan.schedulers];
  const names = new Set<string>();
  for (const node of nodes) {
    const module = moduleOf(node);
    if (!module || !has(module)) continue;
    const drawn = (sources.get(node.id) ?? []).filter((s) => s.kind !== 'scheduler' || moduleOf(s));
    const allowed = new Set(drawn.map(moduleOf).filter((x): x is string => x !== undefined));
    if (node.kind === 'router') urls.forEach((u) => allowed.add(u));
    if (node.kind === 'model') {
      admins.forEach((a) => allowed.add(a));
      for (const [service, model] of impliedImports(plan)) if (model.id === node.id) allowed.add(m.of('services', service));
      const app = m.appOf(node);
      if (m.isPackage(app, 'models')) allowed.add(m.areaOf(app, 'models'));
    }
    if (node.kind === 'worker') {
      const app = m.appOf(node);
      if (m.isPackage(app, 'tasks')) allowed.add(m.areaOf(app, 'tasks'));
    }
    allowed.delete(module);
    const importers = [...allowed].filter(has).sort();
    const by = drawn.map((s) => docText(s.label)).filter((l, i, all) => all.indexOf(l) === i);
    let name = `${docText(node.label)} (${node.kind}) is imported only along drawn edges${by.length ? ` (${by.join(', ')})` : ''}`;
    for (let n = 2; names.has(name); n++) name = `${name} ${n}`;
    names.add(name);
    out.push({ name, type: 'protected', fields: [['protected_modules', [module]], ['allowed_importers', importers], ['as_packages', false]] });
  }
  for (const app of m.apps) {
    for (const [area, allowed] of [['models', admins], ['tasks', []]] as const) {
      const barrel = m.areaOf(app, area);
      if (!m.isPackage(app, area) || !has(barrel)) continue;
      out.push({ name: `The ${area} package of ${app.label} (all at once) is imported only by the wiring`, type: 'protected', fields: [['protected_modules', [barrel]], ['allowed_importers', [...allowed].filter(has)], ['as_packages', false]] });
    }
  }
  return out;
}
