/** Repository nodes (HackSoft's selectors): reads only, returning querysets and instances. */
import type { Plan, RepositoryPlan } from '../plan/plan';
import { docText, from, indent, type PyImport } from '../python/py';
import type { Unit } from '../python/unit';
import { wrapAt } from './code';
import type { DjangoModel } from './fields';
import type { DjangoModules } from './layout';
import { PY_TYPES } from './services';
import { sweptWorkers, taskModel } from './usage';

export function selectorUnits(plan: Plan, modules: DjangoModules, models: ReadonlyMap<string, DjangoModel>): Unit[] {
  const swept = new Set(plan.workers.filter((w) => sweptWorkers(plan).has(w.id)).map((w) => taskModel(w)?.id).filter((id) => id !== undefined));
  return plan.repositories.map((r) => selectorUnit(r, modules, models, swept));
}

function selectorUnit(r: RepositoryPlan, modules: DjangoModules, models: ReadonlyMap<string, DjangoModel>, swept: ReadonlySet<string | undefined>): Unit {
  const imports: PyImport[] = [];
  const methods: string[] = [];
  const params = ['self', ...r.repositories.map((o) => `${o.snake}: ${o.cls} | None = None`)];
  for (const o of r.repositories) imports.push(from(modules.of('repositories', o), o.cls));
  const init = r.repositories.length > 0 ? [`${wrapAt(1, 'def __init__(', params, ') -> None:')}\n${indent(r.repositories.map((o) => `self._${o.snake} = ${o.snake} or ${o.cls}()`).join('\n'))}`] : [];
  for (const plan of r.models) {
    const m = models.get(plan.id)!;
    const v = m.snake;
    imports.push(from('django.db.models', 'QuerySet'), from(modules.of('models', plan), m.cls));
    methods.push(
      `def list_${m.plural}(self) -> QuerySet[${m.cls}]:\n    return ${m.cls}.objects.order_by("id")`,
      `def get_${v}(self, ${v}_id: int) -> ${m.cls} | None:\n    return ${m.cls}.objects.filter(pk=${v}_id).first()`,
    );
    for (const f of m.fields.filter((x) => x.unique && !x.auto)) {
      const t = PY_TYPES[f.type];
      if (t.imp) imports.push(from(t.imp[0], t.imp[1]));
      methods.push(`${wrapAt(1, `def ${v}_${f.attr}_taken(`, ['self', `${f.attr}: ${t.py}`, 'except_id: int | None = None'], ') -> bool:')}
    query = ${m.cls}.objects.filter(${f.attr}=${f.attr})
    return query.exclude(pk=except_id).exists()`);
    }
    if (swept.has(plan.id)) {
      imports.push(from(modules.core('ledger'), 'handled_ids'));
      methods.push(`${wrapAt(1, `def ${v}_ids_pending(`, ['self', 'task: str', 'after_id: int', 'batch: int'], ') -> list[int]:')}
    """One page of ${m.cls} ids the task has not handled yet (keyset paging)."""
    pending = (
        ${m.cls}.objects.filter(pk__gt=after_id)
        .exclude(pk__in=handled_ids(task))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return list(pending[:batch])`);
    }
  }
  const names = r.models.map((m) => models.get(m.id)!.cls).join(', ');
  const doc = `"""Selectors${names ? ` over ${names}` : ''}; nothing here writes."""`;
  const body = [doc, ...init, ...methods].join('\n\n');
  return { module: modules.of('repositories', r), imports, doc: `The ${docText(r.label)} selectors: reads. Writes live in services.`, blocks: [`class ${r.cls}:\n${indent(body)}`] };
}
