/**
 * Worker nodes: one tasks module each (Celery `shared_task`s, RQ functions through django-rq,
 * Dramatiq actors through django-dramatiq). Tasks take ids, run once per id (the ledger),
 * retry transient failures with backoff, and an enqueue the broker refuses raises
 * TaskQueueUnavailableError (503). A swept worker also has a sweep task per task.
 */
import type { NodePlan, Plan, TaskPlan, WorkerPlan } from '../plan/plan';
import { docText, from, indent, plain, str, type PyImport } from '../python/py';
import type { Unit } from '../python/unit';
import type { DjangoModel } from './fields';
import type { DjangoModules } from './layout';
import { sweptWorkers, taskModel } from './usage';

export const ledgerName = (t: TaskPlan): string => `${t.worker.snake.replace(/_+$/, '')}.${t.fn}`;
const constant = (t: TaskPlan): string => t.fn.toUpperCase();
export const sweepName = (t: TaskPlan): string => `sweep_${t.fn}`;

interface Context {
  readonly plan: Plan;
  readonly w: WorkerPlan;
  readonly modules: DjangoModules;
  readonly models: ReadonlyMap<string, DjangoModel>;
  readonly imports: PyImport[];
}

export function workerUnits(plan: Plan, modules: DjangoModules, models: ReadonlyMap<string, DjangoModel>): Unit[] {
  if (!plan.broker) return [];
  return plan.workers.map((w) => workerUnit({ plan, w, modules, models, imports: [plain('logging')] }));
}

function workerUnit(ctx: Context): Unit {
  const { plan, w, modules, imports } = ctx;
  imports.push(from(modules.core('errors'), 'TaskQueueUnavailableError'), from(modules.core('ledger'), 'run_once'));
  const model = taskModel(w);
  const m = model ? ctx.models.get(model.id) : undefined;
  const param = m ? `${m.snake}_id` : 'item_id';
  const what = m ? docText(m.plan.label) : 'item';
  const swept = sweptWorkers(plan).has(w.id);
  const constants = w.tasks.map((t) => `${constant(t)} = ${str(ledgerName(t))}`);
  if (swept) constants.push('SWEEP_BATCH = 500');
  const blocks = ['logger = logging.getLogger(__name__)', constants.join('\n')];
  if (plan.options.tasks === 'rq') {
    imports.push(plain('django_rq'), from('django.conf', 'settings'), from('redis.exceptions', 'RedisError'), from('rq', 'Retry'));
    blocks.push('# Exponential backoff with a 10 minute cap: 10 s, 30 s, 90 s, 270 s, 600 s.\nRETRY = Retry(max=5, interval=[10, 30, 90, 270, 600])');
  }
  if (plan.options.tasks === 'dramatiq') {
    imports.push(plain('dramatiq'), from('django.conf', 'settings'), from('django.db', 'OperationalError'), from('dramatiq.errors', 'DramatiqError'));
    blocks.push(`def transient(retries_so_far: int, error: Exception) -> bool:
    """Retry database outages and broken connections, never a bug or bad data."""
    return retries_so_far < 5 and isinstance(error, OperationalError | ConnectionError)`);
  }
  for (const t of w.tasks) {
    const work = workOf(ctx, t, param, blocks);
    blocks.push(task(ctx, t, param, work), enqueue(ctx, t, param, what));
    if (swept) blocks.push(sweep(ctx, t, m, param));
  }
  return { module: modules.of('tasks', w), imports, doc: `Tasks of the ${w.label} worker: idempotent, taking ids, retried with backoff.`, blocks };
}

/** The callable run once per id: the service's work method, or a function here for the other edges. */
function workOf(ctx: Context, t: TaskPlan, param: string, blocks: string[]): string {
  const { w, modules, imports } = ctx;
  const service = w.services[0];
  const lines: string[] = [];
  if (service) imports.push(from(modules.of('services', service), service.cls));
  for (const s of w.services.slice(1)) {
    imports.push(from(modules.of('services', s), s.cls));
    lines.push(`${s.cls}().${t.fn}(${param})`);
  }
  for (const r of w.repositories) {
    const model = r.models[0];
    imports.push(from(modules.of('repositories', r), r.cls));
    if (model) {
      imports.push(from(modules.core('errors'), 'NotFoundError'));
      lines.push(`if ${r.cls}().get_${model.snake}(${param}) is None:\n    raise NotFoundError(f"${docText(model.label).replace(/[{}]/g, '')} {${param}} not found")`);
    }
  }
  for (const model of w.models) {
    const m = ctx.models.get(model.id)!;
    imports.push(from(modules.of('models', model), m.cls), from(modules.core('errors'), 'NotFoundError'));
    lines.push(`if not ${m.cls}.objects.filter(pk=${param}).exists():\n    raise NotFoundError(f"${m.cls} {${param}} not found")`);
  }
  for (const c of w.caches) {
    imports.push(from(modules.of('clients', c), c.cls));
    lines.push(`${c.cls}().set(f"{${constant(t)}}:{${param}}", "done")`);
  }
  for (const next of w.workers.flatMap((o) => o.tasks)) {
    imports.push(from(modules.of('tasks', next.worker), `enqueue_${next.fn}`), from('django.db', 'transaction'));
    lines.push(`# Queued once this run (and its ledger row) has committed.\ntransaction.on_commit(lambda: enqueue_${next.fn}(${param}))`);
  }
  if (lines.length === 0 && service) return `${service.cls}().${t.fn}`;
  if (service) lines.unshift(`${service.cls}().${t.fn}(${param})`);
  if (lines.length === 0) lines.push(`logger.info("${t.fn}: handled %s", ${param})`);
  blocks.push(`def _${t.fn}(${param}: int) -> None:\n    """The work of ${t.fn} for one id."""\n${indent(lines.join('\n'))}`);
  return `_${t.fn}`;
}

function task(ctx: Context, t: TaskPlan, param: string, work: string): string {
  const { plan, w } = ctx;
  // One line: fitSource splits it at the indentation it ends up at.
  const run = `return run_once(${constant(t)}, ${param}, ${work})`;
  const name = `${plan.pkg}.${w.snake.replace(/_+$/, '')}.${t.fn}`;
  switch (plan.options.tasks) {
    case 'celery': {
      ctx.imports.push(from('celery', 'Task', 'shared_task'), from('django.db', 'OperationalError'), from(ctx.modules.core('errors'), 'UpstreamUnavailableError'), from(ctx.modules.core('ledger'), 'Outcome'));
      return `@shared_task(
    bind=True,
    name=${str(name)},
    # Transient failures only; a 4xx from an external API or a bug is not retried.
    autoretry_for=(OperationalError, UpstreamUnavailableError, ConnectionError),
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=5,
)
def ${t.fn}(self: Task, ${param}: int) -> Outcome:
    """Idempotent: a second run for the same id changes nothing."""
    logger.info("${t.fn}(%s), attempt %s", ${param}, self.request.retries + 1)
    ${run}`;
    }
    case 'rq':
      ctx.imports.push(from(ctx.modules.core('ledger'), 'Outcome'));
      return `def ${t.fn}(${param}: int) -> Outcome:
    """Idempotent: a second run for the same id changes nothing. An error fails the
    job, and RQ retries it as RETRY says."""
    ${run}`;
    default:
      return `@dramatiq.actor(
    actor_name=${str(name)},
    queue_name=settings.TASK_QUEUE,
    max_retries=5,
    min_backoff=10_000,
    max_backoff=600_000,
    retry_when=transient,
)
def ${t.fn}(${param}: int) -> None:
    """Idempotent: a second run for the same id changes nothing."""
    outcome = run_once(${constant(t)}, ${param}, ${work})
    logger.info("${t.fn}(%s): %s", ${param}, outcome)`;
  }
}

/** How each framework hands a task to the broker, and the error it raises when it cannot. */
function send(ctx: Context, t: TaskPlan, args: string): { call: string; errors: string } {
  switch (ctx.plan.options.tasks) {
    case 'celery':
      ctx.imports.push(from('kombu.exceptions', 'OperationalError as BrokerError'));
      return { call: `${t.fn}.delay(${args})`, errors: '(BrokerError, OSError)' };
    case 'rq':
      return { call: `queue = django_rq.get_queue(settings.TASK_QUEUE)\nqueue.enqueue(${t.fn}, ${args}, retry=RETRY)`, errors: '(RedisError, OSError)' };
    default:
      return { call: `${t.fn}.send(${args})`, errors: '(DramatiqError, OSError)' };
  }
}

function enqueue(ctx: Context, t: TaskPlan, param: string, what: string): string {
  const { call, errors } = send(ctx, t, param);
  const message = `The task queue is unavailable: ${t.fn} for ${what.replace(/[{}"\\]/g, '')} {${param}} was not queued; retry later.`;
  return `def enqueue_${t.fn}(${param}: int) -> None:
    """Enqueues ${t.fn}; raises TaskQueueUnavailableError when the broker does not take
    it (the API answers 503, nothing is lost silently)."""
    try:
${indent(call, 2)}
    except ${errors} as error:
        message = f"${message}"
        raise TaskQueueUnavailableError(message) from error`;
}

function sweep(ctx: Context, t: TaskPlan, m: DjangoModel | undefined, param: string): string {
  const { plan, w } = ctx;
  const service = w.services[0];
  const provides = service && m && service.provides.some((p) => p.model.id === m.plan.id);
  const repository = !provides && m ? w.repositories.find((r) => r.models.some((x) => x.id === m.plan.id)) : undefined;
  const pending = provides ? `${service!.cls}().${m!.plural}_pending` : repository && m ? `${repository.cls}().${m.snake}_ids_pending` : undefined;
  const name = `${plan.pkg}.${w.snake.replace(/_+$/, '')}.${sweepName(t)}`;
  const decorator = plan.options.tasks === 'celery' ? `@shared_task(name=${str(name)})\n` : plan.options.tasks === 'dramatiq' ? `@dramatiq.actor(\n    actor_name=${str(name)},\n    queue_name=settings.TASK_QUEUE,\n    max_retries=0,\n)\n` : '';
  const returns = plan.options.tasks === 'dramatiq' ? 'None' : 'int';
  const enqueueOne = plan.options.tasks === 'rq' ? `queue.enqueue(${t.fn}, ${param}, retry=RETRY)` : plan.options.tasks === 'celery' ? `${t.fn}.delay(${param})` : `${t.fn}.send(${param})`;
  if (!pending) {
    return `${decorator}def ${sweepName(t)}() -> ${returns}:\n    """Nothing to sweep: ${t.fn} reaches no model to page through."""\n    logger.info("${sweepName(t)}: nothing to sweep")${returns === 'int' ? '\n    return 0' : ''}`;
  }
  const lines = [
    ...(plan.options.tasks === 'rq' ? ['queue = django_rq.get_queue(settings.TASK_QUEUE)'] : []),
    'enqueued, after_id = 0, 0',
    `pending = ${pending}`,
    `while batch := pending(${constant(t)}, after_id, SWEEP_BATCH):`,
    `    for ${param} in batch:`,
    `        ${enqueueOne}`,
    '    enqueued += len(batch)',
    '    after_id = batch[-1]',
    `logger.info("${sweepName(t)}: enqueued %s", enqueued)`,
    ...(returns === 'int' ? ['return enqueued'] : []),
  ];
  return `${decorator}def ${sweepName(t)}() -> ${returns}:
    """Enqueues ${t.fn} for every ${docText(m!.plan.label)} not handled yet, page by page
    through all rows."""
${indent(lines.join('\n'))}`;
}

export type { NodePlan };
