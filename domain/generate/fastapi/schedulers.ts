/**
 * Scheduler nodes: a small process that, every interval, sweeps its workers' tasks: each task is
 * enqueued for every item it has not handled yet (the task ledger says which). Tasks stay
 * idempotent and keep taking ids; the schedule needs no ids of its own.
 */
import type { Builders } from './wiring';
import type { FastapiModules } from './layout';
import type { Plan, SchedulerPlan, TaskPlan, WorkerPlan } from '../plan/plan';
import { from, plain, str, type PyImport } from '../python/py';
import type { Unit } from '../python/unit';

export const sweepName = (t: TaskPlan): string => `sweep_${t.fn}`;
export const tickName = (s: SchedulerPlan): string => `${s.snake}_tick`;
const ledgerOf = (w: WorkerPlan, t: TaskPlan): string => `${w.snake.replace(/_+$/, '')}.${t.fn}`;

/** Sweep functions, added to the module of every worker that a scheduler points to. */
export function sweepUnits(plan: Plan, modules: FastapiModules, builders: Builders): Unit[] {
  const swept = new Set(plan.schedulers.flatMap((s) => s.workers.map((w) => w.id)));
  return plan.workers.filter((w) => swept.has(w.id)).map((w) => {
    const imports: PyImport[] = [];
    const blocks = w.tasks.flatMap((t) => sweep(w, t, modules, builders, imports));
    return { module: modules.of('tasks', w), imports, doc: `Tasks of the ${w.label} worker: idempotent, taking ids, retried with backoff.`, blocks };
  });
}

function sweep(w: WorkerPlan, t: TaskPlan, modules: FastapiModules, builders: Builders, imports: PyImport[]): string[] {
  const service = w.services[0];
  const model = service?.provides[0]?.model;
  if (!service || !model) {
    return [`def ${sweepName(t)}() -> int:\n    """Nothing to sweep: the ${t.fn} task reaches no model to list."""\n    return 0`];
  }
  const container = modules.container.split('.');
  imports.push(
    plain('asyncio'),
    from(container.slice(0, -1).join('.'), container[container.length - 1]!),
    from(modules.core('db'), 'task_session'),
    from(modules.core('task_runs'), 'done_ids'),
    from(modules.of('services', service), service.cls),
  );
  return [
    `def ${sweepName(t)}() -> int:
    """Enqueues ${t.fn} for every ${model.cls} it has not handled yet; returns how many."""
    pending = asyncio.run(_pending_${t.fn}())
    for item_id in pending:
        enqueue_${t.fn}(item_id)
    return len(pending)`,
    `async def _pending_${t.fn}() -> list[int]:
    async with task_session() as session:
        service: ${service.cls} = container.${builders.of(service)}(session, lambda *args: None)
        items = await service.list_${model.plural}(0, 1000)
        done = await done_ids(session, ${str(ledgerOf(w, t))})
    return [item.id for item in items if item.id not in done]`,
  ];
}

export function schedulerUnits(plan: Plan, modules: FastapiModules): Unit[] {
  return plan.schedulers.map((s) => {
    const imports: PyImport[] = [plain('logging'), plain('time'), from('collections.abc', 'Callable'), from(modules.core('config'), 'get_settings'), from(modules.core('logging'), 'configure_logging')];
    const sweeps: string[] = [];
    for (const w of s.workers) {
      for (const t of w.tasks) {
        imports.push(from(modules.of('tasks', w), sweepName(t)));
        sweeps.push(sweepName(t));
      }
    }
    const interval = `${s.snake.replace(/_+$/, '').toUpperCase()}_INTERVAL_SECONDS`;
    const list = sweeps.length === 0 ? '()' : sweeps.length === 1 ? `(${sweeps[0]},)` : `(${sweeps.join(', ')})`;
    return {
      module: modules.of('tasks', s),
      imports,
      doc: `The ${s.label} scheduler: run it as a process (python -m); it sweeps its workers periodically.`,
      blocks: [
        'logger = logging.getLogger(__name__)',
        `${interval} = 60.0\n${s.snake.replace(/_+$/, '').toUpperCase()}_SWEEPS: tuple[Callable[[], int], ...] = ${list}`,
        `def ${tickName(s)}() -> int:
    """One round: every sweep enqueues what its task has not handled yet."""
    return sum(sweep() for sweep in ${s.snake.replace(/_+$/, '').toUpperCase()}_SWEEPS)`,
        `def run_${s.snake}() -> None:
    configure_logging(get_settings().log_level)
    while True:
        logger.info("${s.snake}: enqueued %s task(s)", ${tickName(s)}())
        time.sleep(${interval})`,
        `if __name__ == "__main__":\n    run_${s.snake}()`,
      ],
    };
  });
}
