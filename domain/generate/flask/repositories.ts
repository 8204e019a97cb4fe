/** Repository nodes: data access over their models, on the request's session. They flush, never commit. */
import type { FlaskModules } from './layout';
import type { ModelPlan, RepositoryPlan } from '../plan/plan';
import { from, indent, wrap, type PyImport } from '../python/py';
import type { Unit } from '../python/unit';

/** Attribute and parameter names: the snake name as it is (a trailing `_` may guard a keyword). */
export const repoAttr = (r: RepositoryPlan): string => r.snake;
export const cacheAttr = (snake: string): string => snake;

export function repositoryUnits(repositories: readonly RepositoryPlan[], modules: FlaskModules): Unit[] {
  return repositories.map((r) => repositoryUnit(r, modules));
}

function repositoryUnit(repo: RepositoryPlan, modules: FlaskModules): Unit {
  const imports: PyImport[] = [from('sqlalchemy.orm', 'Session')];
  const params = ['self', 'session: Session'];
  const assigns = ['self._session = session'];
  for (const other of repo.repositories) {
    imports.push(from(modules.of('repositories', other), other.cls));
    params.push(`${repoAttr(other)}: ${other.cls}`);
    assigns.push(`self._${repoAttr(other)} = ${repoAttr(other)}`);
  }
  for (const cache of repo.caches) {
    imports.push(from(modules.of('clients', cache), cache.cls));
    params.push(`${cacheAttr(cache.snake)}: ${cache.cls}`);
    assigns.push(`self._${cacheAttr(cache.snake)} = ${cacheAttr(cache.snake)}`);
  }
  const methods: string[] = [];
  for (const model of repo.models) {
    imports.push(from(modules.of('models', model), model.cls), from(modules.of('schemas', model), model.create));
    methods.push(...crudMethods(model));
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

function crudMethods(m: ModelPlan): string[] {
  const s = m.snake;
  return [
    `def add_${s}(self, data: ${m.create}) -> ${m.cls}:
    entity = ${m.cls}(**data.model_dump())
    self._session.add(entity)
    self._session.flush()
    self._session.refresh(entity)
    return entity`,
    `def get_${s}(self, item_id: int) -> ${m.cls} | None:
    return self._session.get(${m.cls}, item_id)`,
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
    self._session.flush()
    self._session.refresh(entity)
    return entity`,
    `def delete_${s}(self, entity: ${m.cls}) -> None:
    self._session.delete(entity)
    self._session.flush()`,
  ].map(fitSignature);
}

/** Re-wraps a method's first line when a long model name pushes it past the line length. */
export function fitSignature(method: string): string {
  const [first, ...rest] = method.split('\n');
  const match = /^(def \w+\()(.*)(\) -> .*:)$/.exec(first!);
  if (!match || first!.length + 4 <= 88) return method;
  const params = match[2]!.split(', ');
  const wrapped = wrap(match[1]!, params, match[3]!, '    ').replace(/^ {4}/gm, '');
  return [wrapped, ...rest].join('\n');
}
