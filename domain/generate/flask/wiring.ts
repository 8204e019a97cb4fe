/** `wiring.py`: the one module that builds services, repositories and clients, for the blueprints and the tasks alike. */
import type { FlaskModules } from './layout';
import type { NodePlan, Plan, RepositoryPlan, ServicePlan } from '../plan/plan';
import { from, pyModule, wrap, type PyImport } from '../python/py';
import { cacheAttr, repoAttr } from './repositories';
import { serviceParams } from './services';
import { NameRegistry } from '../plan/naming';

/** Function names in `wiring.py`, shared with the routes, tasks and tests that call them. */
export interface Builders {
  of(node: NodePlan): string;
  /** How the tasks module of a worker is imported where its enqueue functions are needed. */
  taskModule(worker: NodePlan): { readonly imp: PyImport; readonly name: string };
}

export function buildersFor(plan: Plan, modules: FlaskModules): Builders {
  const names = new NameRegistry(['db', 'partial', 'get_settings', 'Defer']);
  const suffix: Record<string, string> = { repository: 'repository', service: 'service', external: 'client', cache: 'cache' };
  const wanted = (n: NodePlan): string => {
    const base = n.snake.replace(/_+$/, '');
    const end = suffix[n.kind] ?? n.kind;
    return base.endsWith(end) ? base : `${base}_${end}`;
  };
  const aliases = new NameRegistry(['db', 'tasks', 'wiring']);
  return {
    of: (n) => names.claim(n.id, wanted(n)),
    taskModule(worker) {
      const module = modules.of('tasks', worker);
      const parts = module.split('.');
      const last = parts.pop()!;
      const alias = plan.layout === 'layered' ? aliases.claim(worker.id, `${last}_tasks`) : aliases.claim(module, plan.layout === 'flat' ? 'tasks' : `${parts[parts.length - 1]}_tasks`);
      return { imp: from(parts.join('.'), alias === last ? last : `${last} as ${alias}`), name: alias };
    },
  };
}

/** `from shop import wiring`: a module import, so that wiring and the task modules may import each other. */
export function wiringImport(modules: FlaskModules): PyImport {
  const parts = modules.builders.split('.');
  return from(parts.slice(0, -1).join('.'), parts[parts.length - 1]!);
}

export function wiringModule(plan: Plan, modules: FlaskModules, builders: Builders): string {
  const imports: PyImport[] = [];
  const blocks: string[] = [];
  if (plan.repositories.length > 0) imports.push(from(modules.core('db'), 'db'));
  for (const x of [...plan.externals, ...plan.caches]) {
    imports.push(from(modules.of('clients', x), x.cls));
    blocks.push(`def ${builders.of(x)}() -> ${x.cls}:\n    return ${x.cls}.from_settings()`);
  }
  for (const r of plan.repositories) {
    imports.push(from(modules.of('repositories', r), r.cls));
    blocks.push(repositoryBuilder(r, builders));
  }
  if (plan.services.length > 0) imports.push(from(modules.core('db'), 'Defer'));
  for (const s of plan.services) {
    imports.push(from(modules.of('services', s), s.cls));
    blocks.push(serviceBuilder(s, builders, imports));
  }
  return pyModule({
    doc: 'The one place objects are wired: each service, repository and client is built here, per request or task run, on the session of the current app context.',
    imports,
    firstParty: [plan.pkg],
    blocks,
  });
}

function repositoryBuilder(r: RepositoryPlan, builders: Builders): string {
  const args = [
    'db.session',
    ...r.repositories.map((o) => `${repoAttr(o)}=${builders.of(o)}()`),
    ...r.caches.map((c) => `${cacheAttr(c.snake)}=${builders.of(c)}()`),
  ];
  return `def ${builders.of(r)}() -> ${r.cls}:\n${wrap(`return ${r.cls}(`, args, ')', '    ')}`;
}

function serviceBuilder(s: ServicePlan, builders: Builders, imports: PyImport[]): string {
  const args = serviceParams(s).map((p) => {
    switch (p.of) {
      case 'repository':
        return `${p.name}=${builders.of(s.repositories.find((r) => repoAttr(r) === p.name)!)}()`;
      case 'service':
        return `${p.name}=${builders.of(s.services.find((o) => o.snake === p.name)!)}(defer)`;
      case 'external':
      case 'cache':
        return `${p.name}=${builders.of([...s.externals, ...s.caches].find((x) => x.snake === p.name)!)}()`;
      case 'task': {
        const worker = s.workers.find((w) => w.tasks.some((t) => `enqueue_${t.fn}` === p.name))!;
        const mod = builders.taskModule(worker);
        imports.push(mod.imp, from('functools', 'partial'));
        return `${p.name}=partial(defer, ${mod.name}.${p.name})`;
      }
    }
  });
  return `def ${builders.of(s)}(defer: Defer) -> ${s.cls}:\n${wrap(`return ${s.cls}(`, args, ')', '    ')}`;
}
