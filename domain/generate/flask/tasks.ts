/**
 * One tasks module per worker node, for Celery, RQ or Dramatiq. Every task runs inside a Flask
 * app context, once per id (the ledger), and an enqueue the broker refuses raises
 * TaskQueueUnavailableError (the API answers 503). The task app is in taskapp.ts.
 */
import type { FlaskModules } from './layout';
import type { Plan, TaskPlan, WorkerPlan } from '../plan/plan';
import { from, indent, plain, str, wrap, type PyImport } from '../python/py';
import type { Builders } from './wiring';
import { wiringImport } from './wiring';
import type { Unit } from '../python/unit';

export const ledgerName = (w: WorkerPlan, t: TaskPlan): string => `${w.snake.replace(/_+$/, '')}.${t.fn}`;

export function workerUnits(plan: Plan, modules: FlaskModules, builders: Builders): Unit[] {
  return plan.workers.map((w) => workerUnit(plan, w, modules, builders));
}

function workerUnit(plan: Plan, w: WorkerPlan, modules: FlaskModules, builders: Builders): Unit {
  const imports: PyImport[] = [plain('logging'), from(modules.core('db'), 'Defer'), from(modules.core('errors'), 'TaskQueueUnavailableError'), from(modules.taskApp, 'run_once')];
  const blocks = ['logger = logging.getLogger(__name__)'];
  for (const task of w.tasks) blocks.push(...taskBlocks(plan, w, task, modules, builders, imports));
  return { module: modules.of('tasks', w), imports, doc: `Tasks of the ${w.label} worker: idempotent, taking ids, retried with backoff.`, blocks };
}

function taskBlocks(plan: Plan, w: WorkerPlan, t: TaskPlan, modules: FlaskModules, builders: Builders, imports: PyImport[]): string[] {
  const run = wrap('return run_once(', [str(ledgerName(w, t)), 'item_id', `_${t.fn}`], ')', '    ').trimStart();
  const doc = '"""Idempotent: a second run for the same id changes nothing."""';
  let task: string;
  let send: string;
  let errors: string;
  switch (plan.options.tasks) {
    case 'celery':
      imports.push(from('celery', 'Task'), from('kombu.exceptions', 'OperationalError as BrokerError'), from('sqlalchemy.exc', 'OperationalError'), from(modules.taskApp, 'celery_app'));
      task = `@celery_app.task(
    bind=True,
    name=${str(`${plan.pkg}.${ledgerName(w, t)}`)},
    autoretry_for=(OperationalError, ConnectionError),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=5,
)
def ${t.fn}(self: Task, item_id: int) -> bool:
    ${doc}
    logger.info("${t.fn}(%s), attempt %s", item_id, self.request.retries + 1)
    ${run}`;
      send = `${t.fn}.delay(item_id)`;
      errors = '(BrokerError, OSError)';
      break;
    case 'dramatiq':
      imports.push(plain('dramatiq'), from('dramatiq.errors', 'DramatiqError'), from('sqlalchemy.exc', 'OperationalError'), from(modules.taskApp, 'settings'));
      task = `def transient_${t.fn}(retries_so_far: int, error: Exception) -> bool:
    """Retry database outages and broken connections, never a bug or bad data."""
    return retries_so_far < 5 and isinstance(error, OperationalError | ConnectionError)


@dramatiq.actor(
    actor_name=${str(`${plan.pkg}.${ledgerName(w, t)}`)},
    queue_name=settings.task_queue,
    max_retries=5,
    min_backoff=1_000,
    max_backoff=600_000,
    retry_when=transient_${t.fn},
)
def ${t.fn}(item_id: int) -> None:
    ${doc}
    done = run_once(${str(ledgerName(w, t))}, item_id, _${t.fn})
    logger.info("${t.fn}(%s): %s", item_id, "done" if done else "skipped")`;
      send = `if settings.tasks_eager:\n    ${t.fn}(item_id)\nelse:\n    ${t.fn}.send(item_id)`;
      errors = '(DramatiqError, OSError)';
      break;
    default:
      imports.push(from('redis.exceptions', 'RedisError'), from('rq', 'Retry'), from(modules.taskApp, 'get_queue', 'settings'));
      task = `def ${t.fn}(item_id: int) -> bool:\n    ${doc}\n    ${run}`;
      send = `if settings.tasks_eager:\n    ${t.fn}(item_id)\nelse:\n    retry = Retry(max=5, interval=[10, 30, 90, 270, 600])\n    get_queue().enqueue(${t.fn}, item_id, retry=retry)`;
      errors = '(RedisError, OSError)';
  }
  const message = `The task queue is unavailable: ${t.fn}({item_id}) was not queued; retry later.`;
  const enqueue = `def enqueue_${t.fn}(item_id: int) -> None:
    """Enqueues ${t.fn}; raises TaskQueueUnavailableError when the broker does not take
    it (the API answers 503: nothing is lost silently)."""
    try:
${indent(send, 2)}
    except ${errors} as error:
        message = f"${message}"
        raise TaskQueueUnavailableError(message) from error`;
  return [task, enqueue, work(w, t, modules, builders, imports)];
}

function work(w: WorkerPlan, t: TaskPlan, modules: FlaskModules, builders: Builders, imports: PyImport[]): string {
  const lines: string[] = [];
  const useWiring = (): void => void imports.push(wiringImport(modules));
  w.services.forEach((s, i) => {
    useWiring();
    imports.push(from(modules.of('services', s), s.cls));
    const name = i === 0 ? 'service' : `service_${i + 1}`;
    lines.push(`${name}: ${s.cls} = wiring.${builders.of(s)}(defer)`, `${name}.${t.fn}(item_id)`);
  });
  w.repositories.forEach((r, i) => {
    useWiring();
    imports.push(from(modules.of('repositories', r), r.cls));
    const name = i === 0 ? 'repository' : `repository_${i + 1}`;
    lines.push(`${name}: ${r.cls} = wiring.${builders.of(r)}()`);
    const model = r.models[0];
    lines.push(model ? `logger.info("${t.fn}: %s", ${name}.get_${model.snake}(item_id))` : `logger.info("${t.fn}: %s", ${name})`);
  });
  for (const m of w.models) {
    imports.push(from(modules.of('models', m), m.cls), from(modules.core('db'), 'db'));
    lines.push(`logger.info("${t.fn}: %s", db.session.get(${m.cls}, item_id))`);
  }
  for (const other of w.workers) {
    for (const next of other.tasks) {
      imports.push(from(modules.of('tasks', other), `enqueue_${next.fn}`));
      lines.push(`defer(enqueue_${next.fn}, item_id)`);
    }
  }
  w.caches.forEach((c, i) => {
    useWiring();
    imports.push(from(modules.of('clients', c), c.cls));
    const name = i === 0 ? 'cache' : `cache_${i + 1}`;
    lines.push(`${name}: ${c.cls} = wiring.${builders.of(c)}()`, `${name}.incr(${str(`${t.fn}:runs`)})`);
  });
  if (lines.length === 0) lines.push(`logger.info("${t.fn}: handled %s", item_id)`);
  return `def _${t.fn}(defer: Defer, item_id: int) -> None:\n${indent(lines.join('\n'))}`;
}
