/** `wiring.py`: the one module that builds services, repositories and clients, for the blueprints and the tasks alike. */
import type { FlaskModules } from './layout';
import type { Plan, RepositoryPlan, ServicePlan } from '../plan/plan';
import { from, pyModule, wrap, type PyImport } from '../python/py';
import { buildersFor, enqueueName, repositoryDependencyNames, serviceParams, type Builders } from '../sqlalchemy/components';

export type { Builders } from '../sqlalchemy/components';

/** Builder names in `wiring.py`, shared with the routes, tasks and tests that call them. */
export function flaskBuilders(modules: FlaskModules): Builders {
  return buildersFor(modules, ['db', 'partial', 'get_settings', 'Defer'], ['db', 'tasks', 'wiring']);
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
  const names = repositoryDependencyNames(r);
  const args = [
    'db.session',
    ...r.repositories.map((o) => `${names.get(o.id)!}=${builders.of(o)}()`),
    ...r.caches.map((c) => `${names.get(c.id)!}=${builders.of(c)}()`),
  ];
  return `def ${builders.of(r)}() -> ${r.cls}:\n${wrap(`return ${r.cls}(`, args, ')', '    ')}`;
}

function serviceBuilder(s: ServicePlan, builders: Builders, imports: PyImport[]): string {
  const args = serviceParams(s).map((p) => {
    switch (p.of) {
      case 'repository':
        return `${p.name}=${builders.of(p.node!)}()`;
      case 'service':
        return `${p.name}=${builders.of(p.node!)}(defer)`;
      case 'external':
      case 'cache':
        return `${p.name}=${builders.of(p.node!)}()`;
      case 'task': {
        const mod = builders.taskModule(p.task!.worker);
        imports.push(mod.imp, from('functools', 'partial'));
        return `${p.name}=partial(defer, ${mod.name}.${enqueueName(p.task!)})`;
      }
    }
  });
  return `def ${builders.of(s)}(defer: Defer) -> ${s.cls}:\n${wrap(`return ${s.cls}(`, args, ')', '    ')}`;
}
