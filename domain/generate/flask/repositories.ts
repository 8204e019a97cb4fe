/** Repository nodes: data access over their models, on the request's session. They flush, never commit. */
import type { FlaskModules } from './layout';
import type { ModelPlan, RepositoryPlan } from '../plan/plan';
import { from, indent, wrap, type PyImport } from '../python/py';
import { cacheKey, fitSignature, repositoryDependencyNames } from '../sqlalchemy/components';
import type { Unit } from '../python/unit';

export function repositoryUnits(repositories: readonly RepositoryPlan[], modules: FlaskModules): Unit[] {
  return repositories.map((r) => repositoryUnit(r, modules));
}

function repositoryUnit(repo: RepositoryPlan, modules: FlaskModules): Unit {
  const imports: PyImport[] = [from('sqlalchemy.orm', 'Session')];
  const params = ['self', 'session: Session'];
  const assigns = ['self._session = session'];
  const names = repositoryDependencyNames(repo);
  for (const other of [...repo.repositories, ...repo.caches]) {
    imports.push(from(modules.of(other.kind === 'cache' ? 'clients' : 'repositories', other), other.cls));
    params.push(`${names.get(other.id)!}: ${other.cls}`);
    assigns.push(`self._${names.get(other.id)!} = ${names.get(other.id)!}`);
  }
  const cache = repo.caches[0] && `self._${names.get(repo.caches[0].id)!}`;
  const methods: string[] = [];
  for (const model of repo.models) {
    imports.push(from(modules.of('models', model), model.cls), from(modules.of('schemas', model), model.create));
    if (cache) imports.push(from(modules.of('schemas', model), model.read), from('sqlalchemy.orm', 'make_transient_to_detached'));
    methods.push(...crudMethods(model, cache));
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

/** The read of one item: through the drawn cache when there is one (a hit joins the session without a query). */
function getBody(m: ModelPlan, cache: string | undefined): string {
  if (!cache) return `return self._session.get(${m.cls}, item_id)`;
  return `key = ${cacheKey(m, 'item_id')}
cached = ${cache}.get_json(key)
if cached is not None:
    # A cached row joins the session as if it had been loaded, without a query.
    entity = ${m.cls}(**${m.read}.model_validate(cached).model_dump())
    make_transient_to_detached(entity)
    return self._session.merge(entity, load=False)
entity = self._session.get(${m.cls}, item_id)
if entity is not None:
    item = ${m.read}.model_validate(entity)
    ${cache}.set_json(key, item.model_dump(mode="json"))
return entity`;
}

function crudMethods(m: ModelPlan, cache: string | undefined): string[] {
  const s = m.snake;
  // Every write drops the item's cache entry, so the next read goes to the database.
  const forget = cache ? `\n    ${cache}.delete(${cacheKey(m, 'entity.id')})` : '';
  return [
    `def add_${s}(self, data: ${m.create}) -> ${m.cls}:
    entity = ${m.cls}(**data.model_dump())
    self._session.add(entity)
    self._session.flush()
    self._session.refresh(entity)
    return entity`,
    `def get_${s}(self, item_id: int) -> ${m.cls} | None:\n${indent(getBody(m, cache))}`,
    `def list_${m.plural}(self, offset: int = 0, limit: int = 100) -> list[${m.cls}]:
    model = ${m.cls}
    query = select(model).order_by(model.id).offset(offset).limit(limit)
    return list(self._session.scalars(query))`,
    `def ${s}_ids_after(self, after_id: int, limit: int) -> list[int]:
    """One page of ids in id order, after \`after_id\`: a sweep pages through all."""
    model = ${m.cls}
    query = select(model.id).where(model.id > after_id).order_by(model.id)
    return list(self._session.scalars(query.limit(limit)))`,
    `def update_${s}(self, entity: ${m.cls}, changes: dict[str, Any]) -> ${m.cls}:
    for key, value in changes.items():
        setattr(entity, key, value)
    self._session.flush()${forget}
    self._session.refresh(entity)
    return entity`,
    `def delete_${s}(self, entity: ${m.cls}) -> None:
    self._session.delete(entity)
    self._session.flush()${forget}`,
  ].map(fitSignature);
}
