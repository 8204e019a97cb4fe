/** Repository nodes: data access over their models. They flush, never commit. */
import type { FastapiModules } from './layout';
import type { ModelPlan, RepositoryPlan } from '../plan/plan';
import { cacheKey, fitSignature, repositoryDependencyNames } from '../sqlalchemy/components';
import { from, indent, wrap, type PyImport } from '../python/py';
import type { Unit } from '../python/unit';

export function repositoryUnits(repositories: readonly RepositoryPlan[], modules: FastapiModules): Unit[] {
  return repositories.map((r) => repositoryUnit(r, modules));
}

function repositoryUnit(repo: RepositoryPlan, modules: FastapiModules): Unit {
  const imports: PyImport[] = [from('sqlalchemy.ext.asyncio', 'AsyncSession')];
  const params = ['self', 'session: AsyncSession'];
  const assigns = ['self._session = session'];
  const names = repositoryDependencyNames(repo);
  for (const other of repo.repositories) {
    imports.push(from(modules.of('repositories', other), other.cls));
    params.push(`${names.get(other.id)!}: ${other.cls}`);
    assigns.push(`self._${names.get(other.id)!} = ${names.get(other.id)!}`);
  }
  for (const cache of repo.caches) {
    imports.push(from(modules.of('clients', cache), cache.cls));
    params.push(`${names.get(cache.id)!}: ${cache.cls}`);
    assigns.push(`self._${names.get(cache.id)!} = ${names.get(cache.id)!}`);
  }
  const methods: string[] = [];
  for (const model of repo.models) {
    imports.push(from(modules.of('models', model), model.cls), from(modules.of('schemas', model), model.create));
    if (repo.caches.length > 0) imports.push(from(modules.of('schemas', model), model.read), from('sqlalchemy.orm', 'make_transient_to_detached'));
    methods.push(...crudMethods(model, repo.caches[0] && names.get(repo.caches[0].id)));
  }
  if (repo.models.length > 0) imports.push(from('sqlalchemy', 'select'), from('typing', 'Any'));
  const init = `${wrap('def __init__(', params, ') -> None:', '    ').replace(/^ {4}/gm, '')}\n${indent(assigns.join('\n'))}`;
  const doc = `"""Data access${repo.models.length ? ` for ${repo.models.map((m) => m.cls).join(', ')}` : ''}; flushes, never commits: the caller owns the transaction."""`;
  const body = [doc, init, ...methods].join('\n\n');
  return {
    module: modules.of('repositories', repo),
    imports,
    doc: `The ${repo.label} repository.`,
    blocks: [`class ${repo.cls}:\n${indent(body)}`],
  };
}

function crudMethods(m: ModelPlan, cacheName: string | undefined): string[] {
  const s = m.snake;
  const cache = cacheName;
  const c = cache ? `self._${cacheName}` : '';
  const forget = cache ? `\n    await ${c}.delete(${cacheKey(m, 'entity.id')})` : '';
  const get = cache
    ? `key = ${cacheKey(m, 'item_id')}
    cached = await ${c}.get_json(key)
    if cached is not None:
        # A cached row joins the session as if it had been loaded, without a query.
        entity = ${m.cls}(**${m.read}.model_validate(cached).model_dump())
        make_transient_to_detached(entity)
        return await self._session.merge(entity, load=False)
    entity = await self._session.get(${m.cls}, item_id)
    if entity is not None:
        item = ${m.read}.model_validate(entity)
        await ${c}.set_json(key, item.model_dump(mode="json"))
    return entity`
    : `return await self._session.get(${m.cls}, item_id)`;
  return [
    `async def add_${s}(self, data: ${m.create}) -> ${m.cls}:
    entity = ${m.cls}(**data.model_dump())
    self._session.add(entity)
    await self._session.flush()
    await self._session.refresh(entity)
    return entity`,
    `async def get_${s}(self, item_id: int) -> ${m.cls} | None:
    ${get}`,
    `async def list_${m.plural}(self, offset: int = 0, limit: int = 100) -> list[${m.cls}]:
    query = select(${m.cls}).order_by(${m.cls}.id).offset(offset).limit(limit)
    return list(await self._session.scalars(query))`,
    `async def update_${s}(self, entity: ${m.cls}, changes: dict[str, Any]) -> ${m.cls}:
    for key, value in changes.items():
        setattr(entity, key, value)
    await self._session.flush()${forget}
    await self._session.refresh(entity)
    return entity`,
    `async def delete_${s}(self, entity: ${m.cls}) -> None:
    await self._session.delete(entity)
    await self._session.flush()${forget}`,
  ].map(fitSignature);
}
