/**
 * core/heartbeat.py: what the worker and scheduler healthchecks ask, so that a hung process
 * fails them (importing a module would not). RQ processes report to Redis themselves; the
 * Dramatiq worker and the APScheduler process touch a file while they run.
 */
import type { Plan } from '../plan/plan';
import { from, plain, pyModule, str } from '../python/py';
import type { FastapiModules } from './layout';
import { HEARTBEAT } from './processes';

export function heartbeatModule(plan: Plan, modules: FastapiModules): string | undefined {
  if (!plan.broker || plan.workers.length === 0) return undefined;
  if (plan.options.tasks === 'rq') return rqHeartbeat(plan, modules);
  if (plan.options.tasks === 'dramatiq') return fileHeartbeat(plan);
  return undefined;
}

function rqHeartbeat(plan: Plan, modules: FastapiModules): string {
  return pyModule({
    doc: `Healthchecks of the RQ processes: exit 0 only while a live RQ worker (or cron scheduler) of this host has reported to Redis recently; a hung process stops reporting. python -m ${modules.core('heartbeat')} worker|cron`,
    imports: [plain('socket'), plain('sys'), from('datetime', 'UTC', 'datetime', 'timedelta'), from('redis', 'Redis'), from('rq', 'Worker'), from('rq.cron', 'CronScheduler'), from(modules.core('config'), 'get_settings')],
    firstParty: [plan.pkg],
    blocks: [
      `def fresh(seen: datetime | None, limit: timedelta) -> bool:
    return seen is not None and datetime.now(UTC) - seen.astimezone(UTC) < limit`,
      `def alive(kind: str, connection: Redis, host: str) -> bool:
    if kind == "worker":
        # RQ refreshes a worker's heartbeat at least every worker_ttl (420 s) - 15 s.
        workers = Worker.all(connection=connection)
        limit = timedelta(seconds=840)
        return any(
            w.hostname == host and fresh(w.last_heartbeat, limit) for w in workers
        )
    # The cron scheduler reports at least once a minute.
    schedulers = CronScheduler.all(connection)
    limit = timedelta(seconds=120)
    return any(
        s.hostname == host and fresh(s.last_heartbeat, limit) for s in schedulers
    )`,
      `def main(kind: str) -> int:
    connection = Redis.from_url(get_settings().broker_url, socket_timeout=5)
    host = socket.gethostname()
    ok = alive(kind, connection, host)
    print("alive" if ok else f"no live RQ {kind} on {host}")
    return 0 if ok else 1`,
      'if __name__ == "__main__":\n    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "worker"))',
    ],
  });
}

function fileHeartbeat(plan: Plan): string {
  return pyModule({
    doc: 'Heartbeat files of the Dramatiq worker and the scheduler: a hung process stops touching its file, and python -m <this module> FILE MAX_AGE_SECONDS fails.',
    imports: [plain('sys'), plain('threading'), plain('time'), from('pathlib', 'Path'), plain('dramatiq')],
    firstParty: [plan.pkg],
    blocks: [
      `WORKER_FILE = ${str(HEARTBEAT.worker(plan.pkg))}\nSCHEDULER_FILE = ${str(HEARTBEAT.scheduler(plan.pkg))}\nINTERVAL_SECONDS = 15`,
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
