/** The composition root (`container.py`) and the FastAPI dependencies built on it (`deps.py`). */
import type { FastapiModules } from './layout';
import type { Plan, RepositoryPlan, ServicePlan } from '../plan/plan';
import { from, pyModule, wrap, type PyImport } from '../python/py';
import { buildersFor, enqueueName, repositoryDependencyNames, serviceParams, type Builders } from '../sqlalchemy/components';

export type { Builders } from '../sqlalchemy/components';

/** Builder names in `container.py`, shared with the routes, deps and tasks that call them. */
export function fastapiBuilders(modules: FastapiModules): Builders {
  return buildersFor(modules, ['container', 'partial', 'get_settings'], ['container', 'tasks']);
}

export function containerModule(plan: Plan, modules: FastapiModules, builders: Builders): string {
  const imports: PyImport[] = [];
  const blocks: string[] = [];
  const needsSession = plan.repositories.length + plan.services.length > 0;
  if (needsSession) imports.push(from('sqlalchemy.ext.asyncio', 'AsyncSession'));
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
    doc: 'The composition root: how each service, repository and client is built, for the web app and the workers alike.',
    imports,
    firstParty: [plan.pkg],
    blocks,
  });
}

function repositoryBuilder(r: RepositoryPlan, builders: Builders): string {
  const names = repositoryDependencyNames(r);
  const args = [
    'session',
    ...r.repositories.map((o) => `${names.get(o.id)!}=${builders.of(o)}(session)`),
    ...r.caches.map((c) => `${names.get(c.id)!}=${builders.of(c)}()`),
  ];
  return `def ${builders.of(r)}(session: AsyncSession) -> ${r.cls}:\n${wrap(`return ${r.cls}(`, args, ')', '    ')}`;
}

function serviceBuilder(s: ServicePlan, builders: Builders, imports: PyImport[]): string {
  const args = serviceParams(s).map((p) => {
    switch (p.of) {
      case 'repository':
        return `${p.name}=${builders.of(p.node!)}(session)`;
      case 'service':
        return `${p.name}=${builders.of(p.node!)}(session, defer)`;
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
  const signature = wrap(`def ${builders.of(s)}(`, ['session: AsyncSession', 'defer: Defer'], `) -> ${s.cls}:`);
  return `${signature}\n${wrap(`return ${s.cls}(`, args, ')', '    ')}`;
}

export function depsModule(plan: Plan, modules: FastapiModules, builders: Builders): string {
  const imports: PyImport[] = [
    from('collections.abc', 'AsyncIterator'),
    from('typing', 'Annotated'),
    from('fastapi', 'Depends'),
    from('sqlalchemy.ext.asyncio', 'AsyncSession'),
    from(modules.core('db'), 'session_scope'),
    from('fastapi.concurrency', 'run_in_threadpool'),
  ];
  const blocks = [
    '# What the services defer (enqueuing a task) waits in the session until the commit.\nAFTER_COMMIT = "after_commit"',
    `async def get_session() -> AsyncIterator[AsyncSession]:
    """One unit of work per request, committed before the response is sent; then what
    the services deferred runs, so a broker that is down answers 503, not a lost task."""
    async with session_scope() as session:
        yield session
    for function, args in session.info.get(AFTER_COMMIT, []):
        await run_in_threadpool(function, *args)`,
    'SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]',
  ];
  const used = new Set<string>();
  for (const r of plan.routers) {
    for (const s of r.services) used.add(s.id);
    for (const x of [...r.repositories, ...r.caches]) used.add(x.id);
  }
  const container = modules.container.split('.');
  const withContainer = (): void => void imports.push(from(container.slice(0, -1).join('.'), container[container.length - 1]!));
  let deferBlock = false;
  const deferring = (): void => {
    if (deferBlock) return;
    deferBlock = true;
    imports.push(from('collections.abc', 'Callable'), from(modules.core('db'), 'Defer'));
    blocks.push(`def after_commit(session: AsyncSession) -> Defer:
    """A Defer whose calls run once the request's unit of work has committed."""

    def defer(function: Callable[..., object], *args: object) -> None:
        session.info.setdefault(AFTER_COMMIT, []).append((function, args))

    return defer`);
  };
  for (const s of plan.services.filter((x) => used.has(x.id))) {
    withContainer();
    imports.push(from(modules.of('services', s), s.cls));
    deferring();
    const signature = wrap(`async def get_${builders.of(s)}(`, ['session: SessionDep'], `) -> ${s.cls}:`);
    blocks.push(`${signature}\n${wrap(`return container.${builders.of(s)}(`, ['session', 'after_commit(session)'], ')', '    ')}`);
  }
  for (const r of plan.repositories.filter((x) => used.has(x.id))) {
    withContainer();
    imports.push(from(modules.of('repositories', r), r.cls));
    blocks.push(`async def get_${builders.of(r)}(session: SessionDep) -> ${r.cls}:\n    return container.${builders.of(r)}(session)`);
  }
  for (const c of plan.caches.filter((x) => used.has(x.id))) {
    withContainer();
    imports.push(from(modules.of('clients', c), c.cls));
    blocks.push(`async def get_${builders.of(c)}() -> ${c.cls}:\n    return container.${builders.of(c)}()`);
  }
  return pyModule({ doc: 'FastAPI dependencies: the one place the web layer wires objects together.', imports, firstParty: [plan.pkg], blocks });
}

