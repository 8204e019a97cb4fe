/**
 * Scheduler nodes, each task framework's own (neutral design §5): Celery beat reads
 * CELERY_BEAT_SCHEDULE from the settings; RQ's cron loads a module of `cron.register` calls
 * (`manage.py rqcron`); Dramatiq gets an APScheduler process. Each sends the sweep of every
 * task of the workers it points to, at the `<SCHEDULER>_SCHEDULE` setting.
 */
import type { Plan, SchedulerPlan } from '../plan/plan';
import { docText, from, plain, pyModule, str, type PyImport } from '../python/py';
import type { DjangoModules } from './layout';
import { ledgerName, sweepName } from './tasks';

/** CELERY_BEAT_SCHEDULE, for settings/base.py. */
export function beatSchedule(plan: Plan): string {
  const entries = plan.schedulers.flatMap((s) =>
    s.workers.flatMap((w) =>
      w.tasks.map((t) => `    ${str(`${s.snake.replace(/_+$/, '')}: ${ledgerName(t)}`)}: {
        "task": ${str(`${plan.pkg}.${w.snake.replace(/_+$/, '')}.${sweepName(t)}`)},
        "schedule": celery_schedule(${s.scheduleSetting}),
    },`),
    ),
  );
  return `# Celery beat runs each drawn scheduler's sweeps: celery -A ${plan.pkg} beat.
CELERY_BEAT_SCHEDULE = {${entries.length > 0 ? `\n${entries.join('\n')}\n` : ''}}`;
}

export function scheduleModules(plan: Plan, modules: DjangoModules): Map<string, string> {
  const out = new Map<string, string>();
  if (!plan.broker || plan.options.tasks === 'celery') return out;
  for (const s of plan.schedulers) out.set(modules.scheduleOf(s), plan.options.tasks === 'rq' ? rqCron(plan, s, modules) : apscheduler(plan, s, modules));
  return out;
}

function rqCron(plan: Plan, s: SchedulerPlan, modules: DjangoModules): string {
  const imports: PyImport[] = [from('django.conf', 'settings'), from('rq', 'cron')];
  const lines: string[] = [];
  for (const w of s.workers) {
    for (const t of w.tasks) {
      imports.push(from(modules.of('tasks', w), sweepName(t)));
      lines.push(`cron.register(\n    ${sweepName(t)},\n    settings.TASK_QUEUE,\n    name=${str(`${s.snake.replace(/_+$/, '')}: ${ledgerName(t)}`)},\n    **timing,\n)`);
    }
  }
  return pyModule({
    doc: `The ${s.label} scheduler: RQ s cron, started with python manage.py rqcron ${modules.scheduleOf(s)}. It enqueues the sweeps at ${s.scheduleSetting} (a cron expression in UTC, or a number of seconds).`.replace('RQ s cron', 'the cron of RQ'),
    imports,
    firstParty: [plan.pkg],
    blocks: [`schedule = settings.${s.scheduleSetting}\ntiming = {"interval": int(schedule)} if schedule.isdigit() else {"cron": schedule}${lines.length ? `\n${lines.join('\n')}` : ''}`],
  });
}

function apscheduler(plan: Plan, s: SchedulerPlan, modules: DjangoModules): string {
  const sweeps = s.workers.flatMap((w) => w.tasks.map((t) => ({ w, t })));
  const lazyImports = new Map<string, string[]>([[modules.core('heartbeat'), ['INTERVAL_SECONDS', 'touch_scheduler_file']]]);
  for (const { w, t } of sweeps) lazyImports.set(modules.of('tasks', w), [...(lazyImports.get(modules.of('tasks', w)) ?? []), sweepName(t)]);
  const lazy = [...lazyImports.keys()].sort().map((module) => `    from ${module} import ${lazyImports.get(module)!.join(', ')}`);
  const jobs = sweeps.map(({ t }) => `    scheduler.add_job(
        ${sweepName(t)}.send,
        trigger(settings.${s.scheduleSetting}),
        id=${str(`${s.snake.replace(/_+$/, '')}: ${ledgerName(t)}`)},
        coalesce=True,
        max_instances=1,
        misfire_grace_time=3600,
    )`);
  return pyModule({
    doc: `The ${docText(s.label)} scheduler (APScheduler): python -m ${modules.scheduleOf(s)}. At ${s.scheduleSetting} (a cron expression in UTC, or a number of seconds) it sends the sweeps of its workers.`,
    imports: [plain('logging'), plain('os'), plain('django'), from('apscheduler.schedulers.blocking', 'BlockingScheduler'), from('apscheduler.triggers.cron', 'CronTrigger'), from('apscheduler.triggers.interval', 'IntervalTrigger')],
    firstParty: [plan.pkg],
    blocks: [
      'logger = logging.getLogger(__name__)',
      `def trigger(schedule: str) -> CronTrigger | IntervalTrigger:
    if schedule.isdigit():
        return IntervalTrigger(seconds=int(schedule))
    return CronTrigger.from_crontab(schedule, timezone="UTC")`,
      `def build() -> BlockingScheduler:
    from django.conf import settings

${lazy.join('\n')}

    scheduler = BlockingScheduler(timezone="UTC")
${jobs.join('\n')}
    # The healthcheck's heartbeat: it runs only while the scheduler loop runs.
    touch_scheduler_file()
    scheduler.add_job(
        touch_scheduler_file,
        IntervalTrigger(seconds=INTERVAL_SECONDS),
        id="heartbeat",
    )
    return scheduler`,
      `def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", ${str(`${plan.pkg}.settings.production`)})
    django.setup()
    scheduler = build()
    logger.info("scheduler: jobs %s", [job.id for job in scheduler.get_jobs()])
    scheduler.start()`,
      'if __name__ == "__main__":\n    main()',
    ],
  });
}

/** core/heartbeat.py: what the worker and scheduler healthchecks ask (a hung process fails them). */
export function heartbeatModule(plan: Plan): string | undefined {
  if (!plan.broker || plan.workers.length === 0) return undefined;
  if (plan.options.tasks === 'rq') {
    return pyModule({
      doc: `The worker and scheduler healthchecks: exit 0 only while a live RQ process of this host has reported to Redis recently (a hung process stops reporting). python -m ${plan.pkg}.core.heartbeat worker|cron`,
      imports: [plain('os'), plain('socket'), plain('sys'), from('datetime', 'UTC', 'datetime', 'timedelta'), plain('django')],
      firstParty: [plan.pkg],
      blocks: [
        `def fresh(seen: datetime | None, limit: timedelta) -> bool:
    return seen is not None and datetime.now(UTC) - seen.astimezone(UTC) < limit`,
        `def main(kind: str) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", ${str(`${plan.pkg}.settings.production`)})
    django.setup()
    import django_rq
    from django.conf import settings
    from rq import Worker
    from rq.cron import CronScheduler

    connection = django_rq.get_connection(settings.TASK_QUEUE)
    host = socket.gethostname()
    if kind == "worker":
        workers = [w for w in Worker.all(connection=connection) if w.hostname == host]
        # RQ refreshes a worker's heartbeat at least every worker_ttl (420 s) - 15 s.
        alive = any(fresh(w.last_heartbeat, timedelta(seconds=840)) for w in workers)
    else:
        schedulers = CronScheduler.all(connection)
        # The cron scheduler reports at least once a minute.
        alive = any(
            s.hostname == host and fresh(s.last_heartbeat, timedelta(seconds=120))
            for s in schedulers
        )
    print("alive" if alive else f"no live RQ {kind} on {host}")
    return 0 if alive else 1`,
        'if __name__ == "__main__":\n    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "worker"))',
      ],
    });
  }
  if (plan.options.tasks === 'dramatiq') {
    return pyModule({
      doc: `Heartbeat files for the worker and scheduler healthchecks: a hung process stops touching its file, and python -m ${plan.pkg}.core.heartbeat FILE MAX_AGE fails.`,
      imports: [plain('sys'), plain('threading'), plain('time'), from('pathlib', 'Path'), plain('dramatiq')],
      firstParty: [plan.pkg],
      blocks: [
        `WORKER_FILE = ${str(`/tmp/${plan.pkg}-worker.heartbeat`)}\nSCHEDULER_FILE = ${str(`/tmp/${plan.pkg}-scheduler.heartbeat`)}\nINTERVAL_SECONDS = 15`,
        `class WorkerHeartbeat(dramatiq.Middleware):
    """Touches WORKER_FILE every 15 s, only while every worker and consumer thread of
    this Dramatiq process is alive."""

    def after_worker_boot(
        self, broker: dramatiq.Broker, worker: dramatiq.Worker
    ) -> None:
        beat = threading.Thread(target=self._beat, args=(worker,), daemon=True)
        beat.start()

    def _beat(self, worker: dramatiq.Worker) -> None:
        while True:
            threads = [*worker.workers, *worker.consumers.values()]
            if threads and all(thread.is_alive() for thread in threads):
                Path(WORKER_FILE).touch()
            time.sleep(INTERVAL_SECONDS)`,
        'def touch_scheduler_file() -> None:\n    Path(SCHEDULER_FILE).touch()',
        `def main(path: str, max_age_seconds: float) -> int:
    try:
        age = time.time() - Path(path).stat().st_mtime
    except FileNotFoundError:
        print(f"{path}: no heartbeat yet")
        return 1
    print(f"{path}: last heartbeat {age:.0f} s ago")
    return 0 if age < max_age_seconds else 1`,
        'if __name__ == "__main__":\n    sys.exit(main(sys.argv[1], float(sys.argv[2])))',
      ],
    });
  }
  return undefined;
}
