/**
 * Scheduler nodes, each task framework's own scheduler: Celery beat (the schedule lives in the
 * Celery app), or an APScheduler process for RQ and Dramatiq. At the `<SCHEDULER>_SCHEDULE`
 * setting each runs the sweep of every task of the workers it points to: the sweep pages
 * through every row and enqueues the task for the ids the ledger has not seen.
 */
import type { Plan, SchedulerPlan, TaskPlan, WorkerPlan } from '../plan/plan';
import { docText, from, indent, plain, pyModule, str, type PyImport } from '../python/py';
import type { Unit } from '../python/unit';
import type { FlaskModules } from './layout';
import { ledgerName } from './tasks';
import type { Builders } from './wiring';
import { wiringImport } from './wiring';

export const sweepName = (t: TaskPlan): string => `sweep_${t.fn}`;
const sweepTaskName = (plan: Plan, w: WorkerPlan, t: TaskPlan): string => `${plan.pkg}.${w.snake.replace(/_+$/, '')}.${sweepName(t)}`;

/** Workers some scheduler points to: they get a sweep per task. */
export function sweptWorkers(plan: Plan): WorkerPlan[] {
  const swept = new Set(plan.schedulers.flatMap((s) => s.workers.map((w) => w.id)));
  return plan.workers.filter((w) => swept.has(w.id));
}

export function sweepUnits(plan: Plan, modules: FlaskModules, builders: Builders): Unit[] {
  return sweptWorkers(plan).map((w) => {
    const imports: PyImport[] = [from(modules.taskApp, 'app_context')];
    const blocks = ['SWEEP_BATCH = 500', ...w.tasks.map((t) => sweep(plan, w, t, modules, builders, imports))];
    return { module: modules.of('tasks', w), imports, doc: `Tasks of the ${w.label} worker: idempotent, taking ids, retried with backoff.`, blocks };
  });
}

function sweep(plan: Plan, w: WorkerPlan, t: TaskPlan, modules: FlaskModules, builders: Builders, imports: PyImport[]): string {
  const decorator = plan.options.tasks === 'celery' ? `@celery_app.task(name=${str(sweepTaskName(plan, w, t))})\n` : '';
  if (plan.options.tasks === 'celery') imports.push(from(modules.taskApp, 'celery_app'));
  const service = w.services.find((s) => s.provides.length > 0);
  const model = service?.provides[0]?.model;
  if (!service || !model) {
    return `${decorator}def ${sweepName(t)}() -> int:\n    """Nothing to sweep: ${t.fn} reaches no model to page through."""\n    return 0`;
  }
  imports.push(wiringImport(modules), from(modules.core('task_runs'), 'pending_after'));
  return `${decorator}def ${sweepName(t)}() -> int:
    """Enqueues ${t.fn} for every ${docText(model.label)} it has not handled yet, page by
    page through all rows; returns how many."""
    enqueued, after_id = 0, 0
    with app_context():
        service = wiring.${builders.of(service)}(lambda *args: None)
        while batch := service.${model.snake}_ids_after(after_id, SWEEP_BATCH):
            for item_id in pending_after(${str(ledgerName(w, t))}, batch):
                enqueue_${t.fn}(item_id)
                enqueued += 1
            after_id = batch[-1]
    return enqueued`;
}

/** Celery beat's schedule, for the Celery app module: one entry per (scheduler, task). */
export function beatSchedule(plan: Plan): string {
  const entries = plan.schedulers.flatMap((s) =>
    s.workers.flatMap((w) =>
      w.tasks.map((t) => `    ${str(`${s.snake.replace(/_+$/, '')}: ${ledgerName(w, t)}`)}: {
        "task": ${str(sweepTaskName(plan, w, t))},
        "schedule": schedule_of(settings.${s.scheduleSetting.toLowerCase()}),
    },`),
    ),
  );
  return `def schedule_of(value: str) -> crontab | float:
    """A cron expression (UTC) or a number of seconds, as the *_SCHEDULE settings hold them."""
    if value.isdigit():
        return float(value)
    minute, hour, day_of_month, month_of_year, day_of_week = value.split()
    return crontab(minute, hour, day_of_week, day_of_month, month_of_year)


# Celery beat runs each drawn scheduler's sweeps.
celery_app.conf.timezone = "UTC"
celery_app.conf.beat_schedule = {${entries.length > 0 ? `\n${entries.join('\n')}\n` : ''}}`;
}

/** For RQ and Dramatiq: one APScheduler process per scheduler node, `python -m <module>`. */
export function schedulerModules(plan: Plan, modules: FlaskModules): Map<string, string> {
  const out = new Map<string, string>();
  if (!plan.broker || plan.options.tasks === 'celery') return out;
  for (const s of plan.schedulers) out.set(modules.of('tasks', s), apscheduler(plan, s, modules));
  return out;
}

function apscheduler(plan: Plan, s: SchedulerPlan, modules: FlaskModules): string {
  const imports: PyImport[] = [plain('logging'), plain('sys'), plain('time'), from('pathlib', 'Path'), plain('tempfile'), from('apscheduler.schedulers.blocking', 'BlockingScheduler'), from('apscheduler.triggers.cron', 'CronTrigger'), from('apscheduler.triggers.interval', 'IntervalTrigger'), from(modules.taskApp, 'settings')];
  const jobs: string[] = [];
  for (const w of s.workers) {
    for (const t of w.tasks) {
      imports.push(from(modules.of('tasks', w), sweepName(t)));
      jobs.push(`scheduler.add_job(
    ${sweepName(t)},
    trigger(settings.${s.scheduleSetting.toLowerCase()}),
    id=${str(`${s.snake.replace(/_+$/, '')}: ${ledgerName(w, t)}`)},
    coalesce=True,
    max_instances=1,
    misfire_grace_time=3600,
)`);
    }
  }
  return pyModule({
    doc: `The ${docText(s.label)} scheduler (APScheduler): python -m ${modules.of('tasks', s)}. At ${s.scheduleSetting} (a cron expression in UTC, or a number of seconds) it runs the sweeps of its workers; \`check\` is its healthcheck.`,
    imports,
    firstParty: [plan.pkg],
    blocks: [
      `logger = logging.getLogger(__name__)\nHEARTBEAT_FILE = ${str(`${plan.pkg}-${s.snake.replace(/_+$/, '')}.heartbeat`)}\nHEARTBEAT = Path(tempfile.gettempdir()) / HEARTBEAT_FILE`,
      `def trigger(schedule: str) -> CronTrigger | IntervalTrigger:
    if schedule.isdigit():
        return IntervalTrigger(seconds=int(schedule))
    return CronTrigger.from_crontab(schedule, timezone="UTC")`,
      `def build() -> BlockingScheduler:
    scheduler = BlockingScheduler(timezone="UTC")
${indent([...jobs, '# The healthcheck\'s heartbeat: touched only while the scheduler loop runs.', 'scheduler.add_job(HEARTBEAT.touch, IntervalTrigger(seconds=15), id="heartbeat")', 'return scheduler'].join('\n'))}`,
      `def alive() -> bool:
    try:
        return time.time() - HEARTBEAT.stat().st_mtime < 60
    except FileNotFoundError:
        return False`,
      `def main() -> None:
    if sys.argv[1:] == ["check"]:
        sys.exit(0 if alive() else 1)
    HEARTBEAT.touch()
    scheduler = build()
    logger.info("scheduler: jobs %s", [job.id for job in scheduler.get_jobs()])
    scheduler.start()`,
      'if __name__ == "__main__":\n    main()',
    ],
  });
}
