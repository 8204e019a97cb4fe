/**
 * The task app module (Celery app, RQ queue and worker, or Dramatiq broker), the run-once helper
 * every task goes through inside a Flask app context, and the broker's readiness check.
 */
import type { FlaskModules } from './layout';
import type { Plan } from '../plan/plan';
import { from, plain, pyModule, str, wrapCollection, type PyImport } from '../python/py';
import { beatSchedule } from './schedulers';

const RUN_ONCE = `Work = Callable[[Defer, int], None]


@lru_cache
def worker_app() -> Flask:
    """The app a task runs in outside a request: no pool shared across forked processes."""
    from ${'${pkg}'} import create_app

    options = engine_options(settings, pooled=False)
    return create_app({"SQLALCHEMY_ENGINE_OPTIONS": options})


def app_context() -> AbstractContextManager[object]:
    """The current app context (a request, a test), else the worker's own."""
    return nullcontext() if has_app_context() else worker_app().app_context()


def run_once(task: str, item_id: int, work: Work) -> bool:
    """Runs \`work\` once per (task, id); what it defers is enqueued after the commit."""
    with app_context():
        if already_done(task, item_id):
            logger.info("%s(%s) already done", task, item_id)
            return False
        try:
            with unit_of_work() as defer:
                work(defer, item_id)
                mark_done(task, item_id)
        except NotFoundError as error:
            logger.warning("%s(%s) skipped: %s", task, item_id, error)
            return False
    return True`;

const PING_AMQP = `def ping_broker() -> None:
    """Raises when the broker does not accept a connection (the readiness check)."""
    if settings.tasks_eager:
        return
    url = urlsplit(settings.broker_url)
    with socket.create_connection((url.hostname or "localhost", url.port or 5672), 2):
        pass`;

const PING_REDIS = `def ping_broker() -> None:
    """Raises when the broker does not answer (the readiness check)."""
    if settings.tasks_eager:
        return
    Redis.from_url(settings.broker_url, socket_connect_timeout=2).ping()`;

export function taskModules(plan: Plan, modules: FlaskModules): string[] {
  return [...new Set(plan.workers.map((w) => modules.of('tasks', w)))];
}

export function taskAppModule(plan: Plan, modules: FlaskModules): string {
  const imports: PyImport[] = [
    plain('logging'),
    from('collections.abc', 'Callable'),
    from('contextlib', 'AbstractContextManager', 'nullcontext'),
    from('functools', 'lru_cache'),
    from('flask', 'Flask', 'has_app_context'),
    from(modules.core('config'), 'get_settings'),
    from(modules.core('db'), 'Defer', 'engine_options', 'unit_of_work'),
    from(modules.core('errors'), 'NotFoundError'),
    from(modules.core('logging'), 'configure_logging'),
    from(modules.core('task_runs'), 'already_done', 'mark_done'),
  ];
  const head = ['settings = get_settings()\nconfigure_logging(settings.log_level)\nlogger = logging.getLogger(__name__)'];
  const rabbit = plan.broker?.engine === 'rabbitmq';
  if (rabbit) imports.push(plain('socket'), from('urllib.parse', 'urlsplit'));
  else imports.push(from('redis', 'Redis'));
  switch (plan.options.tasks) {
    case 'celery':
      imports.push(from('celery', 'Celery'));
      head.push(`celery_app = Celery(
    ${str(plan.pkg)},
    broker=settings.broker_url,
${wrapCollection('include=[', taskModules(plan, modules).map(str), '],', '    ')}
)
celery_app.conf.update(
    task_default_queue=settings.task_queue,
    task_serializer="json",
    accept_content=["json"],
    task_ignore_result=True,
    task_acks_late=True,
    worker_prefetch_multiplier=1,
    task_always_eager=settings.tasks_eager,
    task_eager_propagates=True,
    broker_connection_retry_on_startup=True,
    broker_connection_timeout=5,
)`);
      if (plan.schedulers.length > 0) {
        imports.push(from('celery.schedules', 'crontab'));
        head.push(beatSchedule(plan));
      }
      break;
    case 'rq':
      imports.push(from('rq', 'Queue', 'Worker'));
      imports.push(plain('socket'), plain('sys'), from('datetime', 'UTC', 'datetime', 'timedelta'));
      head.push(`def get_queue() -> Queue:
    connection = Redis.from_url(settings.broker_url, socket_connect_timeout=5)
    return Queue(settings.task_queue, connection=connection)`,
      `def run_worker() -> None:
    """The worker: python -m ${modules.taskApp} (RQ's scheduler included, for retries)."""
    queue = get_queue()
    Worker([queue], connection=queue.connection).work(with_scheduler=True)`,
      `def worker_alive() -> bool:
    """A worker on this host reported to Redis lately (RQ refreshes its heartbeat at
    least every 420 s); a hung worker stops reporting."""
    queue = get_queue()
    host = socket.gethostname()
    since = datetime.now(UTC) - timedelta(seconds=840)
    return any(
        worker.hostname == host
        and worker.last_heartbeat is not None
        and worker.last_heartbeat.astimezone(UTC) > since
        for worker in Worker.all(connection=queue.connection)
    )`);
      break;
    case 'dramatiq': {
      imports.push(plain('dramatiq'), from('dramatiq.brokers.stub', 'StubBroker'), from('dramatiq', 'Broker'));
      imports.push(rabbit ? from('dramatiq.brokers.rabbitmq', 'RabbitmqBroker') : from('dramatiq.brokers.redis', 'RedisBroker'));
      head.push(`def build_broker() -> Broker:
    if settings.tasks_eager:
        return StubBroker()
    return ${rabbit ? 'RabbitmqBroker(url=settings.broker_url)' : 'RedisBroker(url=settings.broker_url)'}`);
      imports.push(plain('sys'), plain('tempfile'), plain('threading'), plain('time'), from('pathlib', 'Path'));
      head.push(`HEARTBEAT_FILE = ${str(`${plan.pkg}-worker.heartbeat`)}\nHEARTBEAT = Path(tempfile.gettempdir()) / HEARTBEAT_FILE`,
      `class WorkerHeartbeat(dramatiq.Middleware):
    """Touches HEARTBEAT every 15 s while every worker and consumer thread of this
    process is alive: the worker's healthcheck reads its age."""

    def after_worker_boot(
        self, broker: dramatiq.Broker, worker: dramatiq.Worker
    ) -> None:
        beat = threading.Thread(target=self._beat, args=(worker,), daemon=True)
        beat.start()

    def _beat(self, worker: dramatiq.Worker) -> None:
        while True:
            threads = [*worker.workers, *worker.consumers.values()]
            if threads and all(thread.is_alive() for thread in threads):
                HEARTBEAT.touch()
            time.sleep(15)`,
      'broker = build_broker()\nbroker.add_middleware(WorkerHeartbeat())\ndramatiq.set_broker(broker)',
      `def worker_alive() -> bool:
    try:
        return time.time() - HEARTBEAT.stat().st_mtime < 60
    except FileNotFoundError:
        return False`);
      break;
    }
    case 'none':
      break;
  }
  const blocks = [...head, RUN_ONCE.replace('${pkg}', plan.pkg), rabbit ? PING_AMQP : PING_REDIS];
  if (plan.options.tasks === 'rq') blocks.push('if __name__ == "__main__":\n    if sys.argv[1:] == ["check"]:\n        sys.exit(0 if worker_alive() else 1)\n    run_worker()');
  if (plan.options.tasks === 'dramatiq') blocks.push('if __name__ == "__main__":\n    # The healthcheck: python -m <this module> check\n    sys.exit(0 if worker_alive() else 1)');
  return pyModule({
    doc: `The ${plan.options.tasks === 'rq' ? 'RQ queue and worker' : plan.options.tasks === 'dramatiq' ? 'Dramatiq broker' : 'Celery app'}, and the run-once helper every task goes through (inside a Flask app context).`,
    imports,
    firstParty: [plan.pkg],
    blocks,
  });
}
