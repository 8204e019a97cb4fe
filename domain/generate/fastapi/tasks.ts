/** The task app and one tasks module per worker node, for Celery, RQ or Dramatiq. */
import type { FastapiModules } from './layout';
import type { Plan, TaskPlan, WorkerPlan } from '../plan/plan';
import { from, indent, LINE_LENGTH, plain, pyModule, str, wrap, wrapCollection, type PyImport } from '../python/py';
import type { Builders } from './wiring';
import type { Unit } from '../python/unit';
import { beatSchedule } from './schedulers';

const RUN_ONCE = `Work = Callable[[AsyncSession, Defer, int], Awaitable[None]]


def run_once(task: str, item_id: int, work: Work) -> bool:
    """Runs \`work\` once per (task, id); what it defers is enqueued after the commit."""
    deferred: list[tuple[Callable[..., object], tuple[object, ...]]] = []

    def defer(function: Callable[..., object], *args: object) -> None:
        deferred.append((function, args))

    done = asyncio.run(_run_once(task, item_id, work, defer))
    # Outside the event loop: an eager task may start its own.
    for function, args in deferred:
        function(*args)
    return done


async def _run_once(task: str, item_id: int, work: Work, defer: Defer) -> bool:
    async with task_session() as session:
        if await already_done(session, task, item_id):
            logger.info("%s(%s) already done", task, item_id)
            return False
        try:
            await work(session, defer, item_id)
        except NotFoundError as error:
            logger.warning("%s(%s) skipped: %s", task, item_id, error)
            return False
        mark_done(session, task, item_id)
        await session.commit()
    return True`;

/** A tuple assignment as ruff formats it: a one-item tuple keeps its trailing comma. */
function tupleOf(head: string, items: readonly string[]): string {
  const oneLine = `${head}${items.join(', ')}${items.length === 1 ? ',' : ''})`;
  return oneLine.length <= LINE_LENGTH ? oneLine : `${head}\n${items.map((item) => `    ${item},`).join('\n')}\n)`;
}

export function taskAppModule(plan: Plan, modules: FastapiModules): string {
  const imports: PyImport[] = [
    plain('asyncio'),
    plain('logging'),
    from('collections.abc', 'Awaitable', 'Callable'),
    from('sqlalchemy.ext.asyncio', 'AsyncSession'),
    from(modules.core('config'), 'get_settings'),
    from(modules.core('db'), 'Defer', 'task_session'),
    from(modules.core('errors'), 'BrokerUnavailableError', 'NotFoundError'),
    from(modules.core('logging'), 'configure_logging'),
    from(modules.core('task_runs'), 'already_done', 'mark_done'),
  ];
  const head = ['settings = get_settings()\nconfigure_logging(settings.log_level)\nlogger = logging.getLogger(__name__)'];
  const taskModules = [...new Set(plan.workers.map((w) => modules.of('tasks', w)))];
  switch (plan.options.tasks) {
    case 'celery':
      imports.push(from('celery', 'Celery', 'Task'), from('kombu.exceptions', 'OperationalError'));
      if (beatSchedule(plan).length > 0) imports.push(from('celery.schedules', 'crontab'));
      head.push(`celery_app = Celery(
    ${str(plan.pkg)},
    broker=settings.broker_url,
${wrapCollection('include=[', taskModules.map(str), '],', '    ')}
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
    # A request that enqueues gives up within seconds when the broker is down (503).
    broker_connection_timeout=3,
    task_publish_retry_policy={
        "max_retries": 2,
        "interval_start": 0,
        "interval_step": 0.5,
        "interval_max": 1,
    },
)`,
      `def enqueue(task: Task, item_id: int) -> None:
    """Sends the task (runs it at once under TASKS_EAGER); a broker that cannot be
    reached raises BrokerUnavailableError, which the API answers with 503."""
    try:
        task.delay(item_id)
    except OperationalError as error:
        raise BrokerUnavailableError(str(error)) from error`,
      `def ping_broker() -> None:
    """Raises when the broker cannot be reached within a few seconds (readiness)."""
    with celery_app.connection_for_write() as connection:
        connection.ensure_connection(max_retries=1, interval_start=0, timeout=3)`,
      ...beatSchedule(plan));
      break;
    case 'rq':
      imports.push(from('functools', 'lru_cache'), from('redis', 'Redis'), from('redis.exceptions', 'RedisError'), from('rq', 'Queue', 'Retry'));
      head.push(`# Read by the worker and the cron scheduler: rq worker -c ${modules.taskApp}
REDIS_URL = settings.broker_url
QUEUES = [settings.task_queue]`,
      `@lru_cache
def get_connection() -> Redis:
    """One connection pool per process; a broker that is down fails within seconds."""
    return Redis.from_url(
        settings.broker_url, socket_connect_timeout=3, socket_timeout=5
    )`,
      `def get_queue() -> Queue:
    return Queue(settings.task_queue, connection=get_connection())`,
      `def enqueue(job: Callable[[int], object], item_id: int) -> None:
    """Runs the job at once under TASKS_EAGER (tests), else queues it with retries; a
    broker that cannot be reached raises BrokerUnavailableError (the API answers 503)."""
    if settings.tasks_eager:
        job(item_id)
        return
    try:
        get_queue().enqueue(job, item_id, retry=Retry(max=3, interval=[10, 30, 60]))
    except RedisError as error:
        raise BrokerUnavailableError(str(error)) from error`,
      `def ping_broker() -> None:
    """Raises when the broker cannot be reached within a few seconds (readiness)."""
    get_connection().ping()`);
      break;
    case 'dramatiq': {
      const rabbit = plan.broker?.engine === 'rabbitmq';
      imports.push(plain('dramatiq'), plain('importlib'), from('dramatiq.brokers.stub', 'StubBroker'), from('dramatiq', 'Broker'), from(modules.core('heartbeat'), 'WorkerHeartbeat'));
      imports.push(from('dramatiq.errors', 'BrokerConnectionError'));
      imports.push(...(rabbit ? [from('dramatiq.brokers.rabbitmq', 'RabbitmqBroker'), plain('pika')] : [from('dramatiq.brokers.redis', 'RedisBroker'), from('redis.exceptions', 'RedisError')]));
      head.push(`def build_broker() -> Broker:
    if settings.tasks_eager:
        return StubBroker()
    return ${rabbit ? 'RabbitmqBroker(url=settings.broker_url)' : 'RedisBroker(\n        url=settings.broker_url, socket_connect_timeout=3, socket_timeout=5\n    )'}`,
      `# Every actor module, imported when a worker boots (as Celery's include does), so
# "dramatiq ${modules.taskApp}" runs every task.
${tupleOf('ACTOR_MODULES = (', taskModules.map(str))}`,
      `class ImportActors(dramatiq.Middleware):
    def before_worker_boot(
        self, broker: dramatiq.Broker, worker: dramatiq.Worker
    ) -> None:
        for module in ACTOR_MODULES:
            importlib.import_module(module)`,
      'broker = build_broker()\nbroker.add_middleware(ImportActors())\nbroker.add_middleware(WorkerHeartbeat())\ndramatiq.set_broker(broker)',
      `def enqueue(actor: dramatiq.Actor, item_id: int) -> None:
    """Runs the actor at once under TASKS_EAGER (tests), else sends it to the broker; a
    broker that cannot be reached raises BrokerUnavailableError (the API answers 503)."""
    if settings.tasks_eager:
        actor(item_id)
        return
    try:
        actor.send(item_id)
    except ${rabbit ? 'BrokerConnectionError' : '(BrokerConnectionError, RedisError)'} as error:
        raise BrokerUnavailableError(str(error)) from error`,
      rabbit
        ? `def ping_broker() -> None:
    """Raises when the broker cannot be reached within a few seconds (readiness)."""
    parameters = pika.URLParameters(settings.broker_url)
    parameters.connection_attempts = 1
    parameters.socket_timeout = 3
    pika.BlockingConnection(parameters).close()`
        : `def ping_broker() -> None:
    """Raises when the broker cannot be reached within a few seconds (readiness)."""
    broker.client.ping()`);
      break;
    }
    case 'none':
      break;
  }
  return pyModule({
    doc: `The ${plan.options.tasks === 'rq' ? 'RQ queue' : plan.options.tasks === 'dramatiq' ? 'Dramatiq broker' : 'Celery app'} and the run-once helper every task goes through.`,
    imports,
    firstParty: [plan.pkg],
    blocks: [...head, RUN_ONCE],
  });
}

export function workerUnits(plan: Plan, modules: FastapiModules, builders: Builders): Unit[] {
  return plan.workers.map((w) => workerUnit(plan, w, modules, builders));
}

function workerUnit(plan: Plan, w: WorkerPlan, modules: FastapiModules, builders: Builders): Unit {
  const app = modules.taskApp;
  const imports: PyImport[] = [
    plain('logging'),
    from('sqlalchemy.ext.asyncio', 'AsyncSession'),
    from(modules.core('db'), 'Defer'),
    from(app, 'run_once'),
  ];
  const blocks = ['logger = logging.getLogger(__name__)'];
  for (const task of w.tasks) blocks.push(...taskBlocks(plan, w, task, modules, builders, imports));
  return { module: modules.of('tasks', w), imports, doc: `Tasks of the ${w.label} worker: idempotent, taking ids, retried with backoff.`, blocks };
}

function taskBlocks(plan: Plan, w: WorkerPlan, t: TaskPlan, modules: FastapiModules, builders: Builders, imports: PyImport[]): string[] {
  const ledger = str(`${w.snake.replace(/_+$/, '')}.${t.fn}`);
  const run = wrap('return run_once(', [ledger, 'item_id', `_${t.fn}`], ')', '    ').trimStart();
  const doc = '"""Idempotent: a second run for the same id changes nothing."""';
  let task: string;
  let enqueue: string;
  switch (plan.options.tasks) {
    case 'celery':
      imports.push(from('celery', 'Task'), from('sqlalchemy.exc', 'OperationalError'), from(modules.taskApp, 'celery_app', 'enqueue'));
      task = `@celery_app.task(
    bind=True,
    name=${str(`${plan.pkg}.${w.snake.replace(/_+$/, '')}.${t.fn}`)},
    autoretry_for=(OperationalError, ConnectionError),
    retry_backoff=True,
    max_retries=5,
)
def ${t.fn}(self: Task, item_id: int) -> bool:
    ${doc}
    logger.info("${t.fn}(%s), attempt %s", item_id, self.request.retries + 1)
    ${run}`;
      enqueue = `def enqueue_${t.fn}(item_id: int) -> None:\n    enqueue(${t.fn}, item_id)`;
      break;
    case 'dramatiq':
      imports.push(plain('dramatiq'), from(modules.taskApp, 'enqueue', 'settings'));
      task = `@dramatiq.actor(
    queue_name=settings.task_queue,
    max_retries=5,
    min_backoff=1_000,
    max_backoff=60_000,
)
def ${t.fn}(item_id: int) -> bool:
    ${doc}
    ${run}`;
      enqueue = `def enqueue_${t.fn}(item_id: int) -> None:\n    enqueue(${t.fn}, item_id)`;
      break;
    default:
      imports.push(from(modules.taskApp, 'enqueue'));
      task = `def ${t.fn}(item_id: int) -> bool:\n    ${doc}\n    ${run}`;
      enqueue = `def enqueue_${t.fn}(item_id: int) -> None:\n    enqueue(${t.fn}, item_id)`;
  }
  return [task, enqueue, work(w, t, modules, builders, imports)];
}

function work(w: WorkerPlan, t: TaskPlan, modules: FastapiModules, builders: Builders, imports: PyImport[]): string {
  const lines: string[] = [];
  const container = modules.container.split('.');
  const useContainer = (): void => void imports.push(from(container.slice(0, -1).join('.'), container[container.length - 1]!));
  w.services.forEach((s, i) => {
    useContainer();
    imports.push(from(modules.of('services', s), s.cls));
    const name = i === 0 ? 'service' : `service_${i + 1}`;
    lines.push(`${name}: ${s.cls} = container.${builders.of(s)}(session, defer)`, `await ${name}.${t.fn}(item_id)`);
  });
  w.repositories.forEach((r, i) => {
    useContainer();
    imports.push(from(modules.of('repositories', r), r.cls));
    const name = i === 0 ? 'repository' : `repository_${i + 1}`;
    lines.push(`${name}: ${r.cls} = container.${builders.of(r)}(session)`);
    const model = r.models[0];
    lines.push(model ? `logger.info("${t.fn}: %s", await ${name}.get_${model.snake}(item_id))` : `logger.info("${t.fn}: %s", ${name})`);
  });
  for (const m of w.models) {
    imports.push(from(modules.of('models', m), m.cls));
    lines.push(`logger.info("${t.fn}: %s", await session.get(${m.cls}, item_id))`);
  }
  for (const other of w.workers) {
    for (const next of other.tasks) {
      imports.push(from(modules.of('tasks', other), `enqueue_${next.fn}`));
      lines.push(`defer(enqueue_${next.fn}, item_id)`);
    }
  }
  w.caches.forEach((c, i) => {
    useContainer();
    imports.push(from(modules.of('clients', c), c.cls));
    const name = i === 0 ? 'cache' : `cache_${i + 1}`;
    lines.push(`${name}: ${c.cls} = container.${builders.of(c)}()`, `await ${name}.incr(${str(`${t.fn}:runs`)})`);
  });
  if (lines.length === 0) lines.push(`logger.info("${t.fn}: handled %s", item_id)`);
  const signature = wrap(`async def _${t.fn}(`, ['session: AsyncSession', 'defer: Defer', 'item_id: int'], ') -> None:');
  return `${signature}\n${indent(lines.join('\n'))}`;
}
