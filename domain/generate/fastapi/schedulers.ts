/**
 * Scheduler nodes, each task framework's own: Celery beat reads `beat_schedule` from the task
 * app; RQ's cron loads `<pkg>.schedules` (`rq cron`); Dramatiq gets an APScheduler process
 * (`python -m <pkg>.schedules`). At each scheduler's `<NAME>_SCHEDULE` setting (a cron expression
 * in UTC or a number of seconds) they enqueue the sweep of every task of the workers it points
 * to; a sweep runs on a worker and enqueues the task for every row it has not handled yet,
 * paging through the table by id in batches (never a capped list). Tasks stay idempotent.
 */
import type { Builders } from './wiring';
import type { FastapiModules } from './layout';
import type { ModelPlan, Plan, SchedulerPlan, TaskPlan, WorkerPlan } from '../plan/plan';
import { docText, from, plain, pyModule, str, wrap, type PyImport } from '../python/py';
import type { Unit } from '../python/unit';
import { hasSchedulerProcess } from './processes';

export const sweepName = (t: TaskPlan): string => `sweep_${t.fn}`;
const ledgerOf = (w: WorkerPlan, t: TaskPlan): string => `${w.snake.replace(/_+$/, '')}.${t.fn}`;
const stem = (snake: string): string => snake.replace(/_+$/, '');

/** The model whose rows a worker's tasks take as ids: what its sweeps page through. */
export function sweptModel(w: WorkerPlan): ModelPlan | undefined {
  return w.services[0]?.provides[0]?.model ?? w.repositories[0]?.models[0] ?? w.models[0];
}

/** Workers some scheduler points to, in plan order. */
export function sweptWorkers(plan: Plan): WorkerPlan[] {
  const swept = new Set(plan.schedulers.flatMap((s) => s.workers.map((w) => w.id)));
  return plan.broker && plan.options.tasks !== 'none' ? plan.workers.filter((w) => swept.has(w.id)) : [];
}

/** Sweep tasks, added to the module of every worker a scheduler points to. */
export function sweepUnits(plan: Plan, modules: FastapiModules, builders: Builders): Unit[] {
  void builders;
  return sweptWorkers(plan).map((w) => {
    const imports: PyImport[] = [];
    const blocks = w.tasks.flatMap((t) => sweep(plan, w, t, modules, imports));
    return { module: modules.of('tasks', w), imports, doc: `Tasks of the ${w.label} worker: idempotent, taking ids, retried with backoff.`, blocks };
  });
}

function decorator(plan: Plan, w: WorkerPlan, t: TaskPlan, modules: FastapiModules, imports: PyImport[]): string {
  switch (plan.options.tasks) {
    case 'celery':
      imports.push(from(modules.taskApp, 'celery_app'));
      return `@celery_app.task(name=${str(`${plan.pkg}.${stem(w.snake)}.${sweepName(t)}`)})\n`;
    case 'dramatiq':
      imports.push(plain('dramatiq'), from(modules.taskApp, 'settings'));
      return '@dramatiq.actor(queue_name=settings.task_queue, max_retries=0)\n';
    default:
      return '';
  }
}

function sweep(plan: Plan, w: WorkerPlan, t: TaskPlan, modules: FastapiModules, imports: PyImport[]): string[] {
  const model = sweptModel(w);
  const head = decorator(plan, w, t, modules, imports);
  imports.push(plain('logging'));
  if (!model) {
    return [`${head}def ${sweepName(t)}() -> int:\n    """Nothing to sweep: the ${t.fn} task reaches no model to page through."""\n    logger.info("${sweepName(t)}: nothing to sweep")\n    return 0`];
  }
  imports.push(plain('asyncio'), from(modules.core('db'), 'task_session'), from(modules.core('task_runs'), 'SWEEP_BATCH', 'pending_ids'));
  return [
    `${head}def ${sweepName(t)}() -> int:
    """Enqueues ${t.fn} for every ${model.cls} it has not handled yet, a batch of ids at a
    time in id order; returns how many."""
    enqueued = 0
    after = 0
    while ids := asyncio.run(_pending_${t.fn}(after)):
        for item_id in ids:
            enqueue_${t.fn}(item_id)
        enqueued += len(ids)
        after = ids[-1]
    logger.info("${sweepName(t)}: enqueued %s", enqueued)
    return enqueued`,
    `async def _pending_${t.fn}(after: int) -> list[int]:
    async with task_session() as session:
${wrap('return await pending_ids(', ['session', str(model.table), str(ledgerOf(w, t)), 'after', 'SWEEP_BATCH'], ')', '        ')}`,
  ];
}

/** Every (scheduler, worker, task) a scheduler enqueues the sweep of. */
function sweepsOf(plan: Plan): Array<{ s: SchedulerPlan; w: WorkerPlan; t: TaskPlan }> {
  return plan.schedulers.flatMap((s) => s.workers.flatMap((w) => w.tasks.map((t) => ({ s, w, t }))));
}

const jobName = (s: SchedulerPlan, w: WorkerPlan, t: TaskPlan): string => `${stem(s.snake)}: ${ledgerOf(w, t)}`;

/** Celery: the lines added to the task app, after the app's configuration. */
export function beatSchedule(plan: Plan): string[] {
  if (plan.options.tasks !== 'celery' || !hasSchedulerProcess(plan)) return [];
  const entries = sweepsOf(plan).map(({ s, w, t }) => `    ${str(jobName(s, w, t))}: {
        "task": ${str(`${plan.pkg}.${stem(w.snake)}.${sweepName(t)}`)},
        "schedule": schedule_of(settings.${s.scheduleSetting.toLowerCase()}),
    },`);
  return [
    `def schedule_of(setting: str) -> float | crontab:
    """A schedule setting: a whole number of seconds, or a cron expression (UTC)."""
    return float(setting) if setting.isdigit() else crontab.from_string(setting)`,
    `# Celery beat sends each scheduler's sweeps: celery -A <this module> beat
celery_app.conf.beat_schedule = {
${entries.join('\n')}
}`,
  ];
}

/** RQ and Dramatiq: `<pkg>.schedules`, the scheduler process's module (none for Celery). */
export function schedulesModule(plan: Plan, modules: FastapiModules): string | undefined {
  if (!hasSchedulerProcess(plan)) return undefined;
  if (plan.options.tasks === 'rq') return rqCron(plan, modules);
  if (plan.options.tasks === 'dramatiq') return apscheduler(plan, modules);
  return undefined;
}

function sweepImports(plan: Plan, modules: FastapiModules): PyImport[] {
  return sweepsOf(plan).map(({ w, t }) => from(modules.of('tasks', w), sweepName(t)));
}

function rqCron(plan: Plan, modules: FastapiModules): string {
  const jobs = sweepsOf(plan).map(({ s, w, t }) => `cron.register(
    ${sweepName(t)},
    settings.task_queue,
    name=${str(jobName(s, w, t))},
    **timing(settings.${s.scheduleSetting.toLowerCase()}),
)`);
  return pyModule({
    doc: `The schedulers, run by the cron scheduler of RQ: rq cron ${modules.schedules} -c ${modules.taskApp}. Each enqueues its sweeps at its schedule setting (a cron expression in UTC, or a number of seconds).`,
    imports: [from('rq', 'cron'), from(modules.taskApp, 'settings'), ...sweepImports(plan, modules)],
    firstParty: [plan.pkg],
    blocks: [
      `def timing(setting: str) -> dict[str, int | str]:
    return {"interval": int(setting)} if setting.isdigit() else {"cron": setting}`,
      jobs.join('\n'),
    ],
  });
}

function apscheduler(plan: Plan, modules: FastapiModules): string {
  const jobs = sweepsOf(plan).map(({ s, w, t }) => `    scheduler.add_job(
        ${sweepName(t)}.send,
        trigger(settings.${s.scheduleSetting.toLowerCase()}),
        id=${str(jobName(s, w, t))},
        coalesce=True,
        max_instances=1,
        misfire_grace_time=3600,
    )`);
  const labels = plan.schedulers.map((s) => docText(s.label)).join(', ');
  return pyModule({
    doc: `The schedulers (${labels}), run by APScheduler: python -m ${modules.schedules}. Each sends its sweeps at its schedule setting (a cron expression in UTC, or a number of seconds).`,
    imports: [
      plain('logging'),
      from('apscheduler.schedulers.blocking', 'BlockingScheduler'),
      from('apscheduler.triggers.cron', 'CronTrigger'),
      from('apscheduler.triggers.interval', 'IntervalTrigger'),
      from(modules.core('heartbeat'), 'INTERVAL_SECONDS', 'touch_scheduler_file'),
      from(modules.taskApp, 'settings'),
      ...sweepImports(plan, modules),
    ],
    firstParty: [plan.pkg],
    blocks: [
      'logger = logging.getLogger(__name__)',
      `def trigger(setting: str) -> CronTrigger | IntervalTrigger:
    if setting.isdigit():
        return IntervalTrigger(seconds=int(setting))
    return CronTrigger.from_crontab(setting, timezone="UTC")`,
      `def build() -> BlockingScheduler:
    scheduler = BlockingScheduler(timezone="UTC")
${jobs.join('\n')}
    # The healthcheck's heartbeat: touched only while the scheduler loop runs.
    touch_scheduler_file()
    scheduler.add_job(
        touch_scheduler_file, IntervalTrigger(seconds=INTERVAL_SECONDS), id="heartbeat"
    )
    return scheduler`,
      `def main() -> None:
    scheduler = build()
    logger.info("scheduler: jobs %s", [job.id for job in scheduler.get_jobs()])
    scheduler.start()`,
      'if __name__ == "__main__":\n    main()',
    ],
  });
}
