/**
 * tests/: pytest-django with one database per session (built by the real migrations) and a
 * rollback per test. Each endpoint: success, and each of 404, 409 and 422 that can occur;
 * tasks run for real in the test's process; health and readiness.
 */
import type { FieldType } from '../../diagram';
import type { Plan, ResourcePlan, RouterPlan, WorkerPlan } from '../plan/plan';
import { from, indent, plain, pyModule, str, wrap, wrapCollection, type PyImport } from '../python/py';
import { collectionAt, wrapAt } from './code';
import { clientFactory } from './clients';
import type { DjangoField, DjangoModel } from './fields';
import type { DjangoModules } from './layout';
import { ledgerName, sweepName } from './tasks';
import { sweptWorkers, taskModel } from './usage';

/** A JSON value the API accepts for each type, and the same value as the API writes it back. */
const SAMPLE: Readonly<Record<FieldType, { readonly json: string; readonly changed: string; readonly py: string; readonly bad?: string }>> = {
  str: { json: '"sample"', changed: '"changed"', py: '"sample"', bad: '"x" * 300' },
  text: { json: '"Some longer text."', changed: '"Other text."', py: '"Some longer text."', bad: '["not", "text"]' },
  int: { json: '7', changed: '8', py: '7', bad: '"seven"' },
  float: { json: '1.5', changed: '2.5', py: '1.5', bad: '"a lot"' },
  decimal: { json: '"9.99"', changed: '"10.50"', py: 'Decimal("9.99")', bad: '"cheap"' },
  bool: { json: 'True', changed: 'False', py: 'True', bad: '"maybe"' },
  date: { json: '"2024-01-02"', changed: '"2024-02-03"', py: 'date(2024, 1, 2)', bad: '"not a date"' },
  datetime: { json: '"2024-01-02T03:04:05Z"', changed: '"2024-02-03T04:05:06Z"', py: 'datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)', bad: '"2024-01-02T03:04:05"' },
  uuid: { json: '"12345678-1234-5678-1234-567812345678"', changed: '"87654321-4321-8765-4321-876543218765"', py: 'UUID("12345678-1234-5678-1234-567812345678")', bad: '"not-a-uuid"' },
  json: { json: '{"key": "value"}', changed: '{"key": "other"}', py: '{"key": "value"}' },
};

const PY_IMPORTS: Partial<Record<FieldType, readonly [string, string]>> = {
  decimal: ['decimal', 'Decimal'],
  date: ['datetime', 'date'],
  datetime: ['datetime', 'UTC'],
  uuid: ['uuid', 'UUID'],
};

const writable = (m: DjangoModel): DjangoField[] => m.fields.filter((f) => !f.auto);
const constName = (m: DjangoModel): string => m.snake.replace(/_+$/, '').toUpperCase();

export function payload(m: DjangoModel): string {
  return wrapCollection(`${constName(m)} = {`, writable(m).map((f) => `${str(f.attr)}: ${SAMPLE[f.type].json}`), '}');
}

/** Keyword arguments that create a row straight through the ORM. */
function ormValues(m: DjangoModel, imports: PyImport[]): string[] {
  return writable(m).map((f) => {
    const imp = PY_IMPORTS[f.type];
    if (imp) imports.push(from(imp[0], imp[1]));
    if (f.type === 'datetime') imports.push(from('datetime', 'datetime'));
    return `${f.attr}=${SAMPLE[f.type].py}`;
  });
}

export function testFiles(plan: Plan, modules: DjangoModules, models: ReadonlyMap<string, DjangoModel>): Map<string, string> {
  const files = new Map<string, string>();
  files.set('tests/__init__.py', '');
  files.set('tests/integration/__init__.py', '');
  files.set('tests/unit/__init__.py', '');
  files.set('tests/conftest.py', conftest(plan, modules));
  for (const r of plan.routers) {
    if (r.resources.length === 0 && r.actions.length === 0) continue;
    files.set(`tests/integration/test_${r.snake.replace(/_+$/, '')}_api.py`, routerTest(plan, r, modules, models));
  }
  if (plan.broker) for (const w of plan.workers) files.set(`tests/unit/test_${w.snake.replace(/_+$/, '')}_tasks.py`, workerTest(plan, w, modules, models));
  files.set('tests/integration/test_health.py', healthTest(plan, modules));
  return files;
}

function conftest(plan: Plan, modules: DjangoModules): string {
  const imports: PyImport[] = [from('collections.abc', 'Iterator'), plain('pytest'), from('rest_framework.test', 'APIClient')];
  const blocks: string[] = [];
  if (plan.broker && plan.options.tasks === 'rq') {
    imports.push(plain('fakeredis'));
    blocks.push(`@pytest.fixture(autouse=True)
def redis(monkeypatch: pytest.MonkeyPatch) -> Iterator[fakeredis.FakeRedis]:
    """RQ jobs run at once in this process, on an in-memory Redis."""
    server = fakeredis.FakeRedis()
    monkeypatch.setattr(
        "django_rq.queues.get_connection", lambda *args, **kwargs: server
    )
    yield server`);
  }
  if (plan.broker && plan.options.tasks === 'dramatiq') {
    imports.push(plain('dramatiq'), from('collections.abc', 'Callable'), from('dramatiq.brokers.stub', 'StubBroker'));
    blocks.push(`@pytest.fixture
def broker() -> Iterator[StubBroker]:
    stub = dramatiq.get_broker()
    assert isinstance(stub, StubBroker)
    stub.flush_all()
    yield stub
    stub.flush_all()`, `@pytest.fixture
def run_queued(broker: StubBroker) -> Callable[[], list[str]]:
    """Runs every queued message (and what they enqueue) here; returns actor names."""

    def run() -> list[str]:
        ran: list[str] = []
        while pending := [q for q in broker.queues.values() if not q.empty()]:
            message = dramatiq.Message.decode(pending[0].get_nowait())
            broker.get_actor(message.actor_name).fn(*message.args, **message.kwargs)
            ran.append(message.actor_name)
        return ran

    return run`);
  }
  if (plan.externals.length > 0) {
    imports.push(plain('json'), plain('httpx'));
    blocks.push(`class Recorder:
    """A fake external API: answers 200 and remembers every request."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, object]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content) if request.content else None
        self.requests.append((request.method, request.url.path, body))
        return httpx.Response(200, json={"ok": True})`);
    for (const x of plan.externals) {
      imports.push(from(modules.of('clients', x), x.cls));
      const users = plan.services.filter((s) => s.externals.some((e) => e.id === x.id));
      const patches = users.map((s) => `    monkeypatch.setattr(${str(`${modules.of('services', s)}.${clientFactory(x)}`)}, lambda: client)`);
      blocks.push(`@pytest.fixture(autouse=True)
def fake_${x.snake.replace(/_+$/, '')}(monkeypatch: pytest.MonkeyPatch) -> Iterator[Recorder]:
    """No test reaches the real ${x.label.replace(/["\\\n]/g, ' ')} API: it answers here and records."""
    recorder = Recorder()
${wrapAt(1, `client = ${x.cls}(`, ['base_url="http://api.test"', 'transport=httpx.MockTransport(recorder)'], ')').replace(/^/gm, '    ')}
${patches.join('\n') || '    del monkeypatch, client'}
    yield recorder`);
    }
  }
  if (plan.caches.length > 0) {
    blocks.push(`@pytest.fixture(autouse=True)
def empty_caches() -> Iterator[None]:
    from django.core.cache import caches

    yield
${plan.caches.map((c) => `    caches[${str(c.snake.replace(/_+$/, ''))}].clear()`).join('\n')}`);
  }
  blocks.push('@pytest.fixture\ndef api_client() -> APIClient:\n    return APIClient()');
  return pyModule({ doc: 'Test setup: pytest-django migrates one database per session and rolls back after every test; tasks stay in the process; external APIs answer here.', imports, firstParty: [plan.pkg], blocks });
}

const urlOf = (r: RouterPlan, path: string): string => `/api/${r.snake.replace(/_+$/, '').replace(/_/g, '-')}${path}`;

function routerTest(plan: Plan, r: RouterPlan, modules: DjangoModules, models: ReadonlyMap<string, DjangoModel>): string {
  const imports: PyImport[] = [plain('pytest'), from('rest_framework.test', 'APIClient')];
  const blocks: string[] = ['pytestmark = pytest.mark.django_db'];
  const tests: string[] = [];
  for (const resource of r.resources) tests.push(...resourceTests(r, resource, models.get(resource.model.id)!, blocks));
  for (const action of r.actions) tests.push(...actionTests(plan, r, action.task.worker, action, modules, models, imports, blocks));
  return pyModule({ doc: `API tests of the ${r.label} router: every endpoint, its success and its errors.`, imports, firstParty: [plan.pkg], blocks: [...blocks, ...tests] });
}

/** A test function: its signature as the formatter splits it, and its body. */
function testFn(name: string, params: readonly string[], body: readonly string[], decorator = ''): string {
  return `${decorator}${wrap(`def ${name}(`, params, ') -> None:')}\n${indent(body.join('\n'))}`;
}


function resourceTests(r: RouterPlan, resource: ResourcePlan, m: DjangoModel, blocks: string[]): string[] {
  const reads = resource.provider.via === 'repository';
  const ops = new Set([...resource.operations].filter((op) => !reads || op === 'list' || op === 'get'));
  const v = m.snake.replace(/_+$/, '');
  const url = `${constName(m)}_URL`;
  blocks.push(`${url} = ${str(urlOf(r, resource.path))}`);
  const client = ['api_client: APIClient'];
  const out: string[] = [];
  const unknown = testFn(`test_unknown_${v}_is_404`, client, [`response = api_client.get(f"{${url}}/999999")`, 'assert response.status_code == 404']);
  if (!ops.has('create')) {
    if (ops.has('get')) out.push(unknown);
    if (ops.has('list')) out.push(...listTests(v, url));
    return out;
  }
  blocks.push(payload(m));
  blocks.push(`def create_${v}(api_client: APIClient, **changes: object) -> dict:
    body = {**${constName(m)}, **changes}
    response = api_client.post(${url}, body, format="json")
    assert response.status_code == 201, response.content
    return response.json()`);
  const item = `item_url = f"{${url}}/{created['id']}"`;
  out.push(testFn(`test_create_${v}`, client, [
    `created = create_${v}(api_client)`,
    'assert created["id"] > 0',
    ...(ops.has('get') ? [item, 'response = api_client.get(item_url)', 'assert response.status_code == 200', 'assert response.json() == created'] : []),
  ]));
  const first = writable(m).find((f) => SAMPLE[f.type].bad);
  if (first) {
    out.push(testFn(`test_create_${v}_refuses_invalid_input`, client, [
      collectionAt(1, 'body = {', [`**${constName(m)}`, `${str(first.attr)}: ${SAMPLE[first.type].bad}`], '}'),
      `response = api_client.post(${url}, body, format="json")`,
      'assert response.status_code == 422',
      `assert ${str(first.attr)} in response.json()`,
    ]));
  }
  const unique = writable(m).find((f) => f.unique);
  if (unique) {
    out.push(testFn(`test_a_duplicate_${v}_${unique.attr}_is_409`, client, [
      `create_${v}(api_client)`,
      `response = api_client.post(${url}, ${constName(m)}, format="json")`,
      'assert response.status_code == 409',
      'assert "already exists" in response.json()["detail"]',
    ]));
  }
  for (const fk of m.foreignKeys) {
    out.push(testFn(`test_${v}_with_an_unknown_${fk.attr}_is_422`, client, [
      collectionAt(1, 'body = {', [`**${constName(m)}`, `${str(`${fk.attr}_id`)}: 999999`], '}'),
      `response = api_client.post(${url}, body, format="json")`,
      'assert response.status_code == 422',
    ]));
  }
  if (ops.has('list')) out.push(...listTests(v, url, `create_${v}(api_client)`));
  if (ops.has('get')) out.push(unknown);
  const change = writable(m).find((f) => !f.unique && f.type !== 'json');
  if (ops.has('update')) {
    const required = writable(m).find((f) => !f.optional);
    const body = [`created = create_${v}(api_client)`, item];
    if (change) {
      body.push(
        `changes = {${str(change.attr)}: ${SAMPLE[change.type].changed}}`,
        'response = api_client.patch(item_url, changes, format="json")',
        'assert response.status_code == 200, response.content',
        `assert response.json()[${str(change.attr)}] == changes[${str(change.attr)}]`,
      );
    }
    if (required) body.push(`nulled = {${str(required.attr)}: None}`, 'response = api_client.patch(item_url, nulled, format="json")', 'assert response.status_code == 422');
    body.push(`response = api_client.patch(f"{${url}}/999999", {}, format="json")`, 'assert response.status_code == 404');
    out.push(testFn(`test_update_${v}`, client, body));
  }
  if (ops.has('delete')) {
    out.push(testFn(`test_delete_${v}`, client, [`created = create_${v}(api_client)`, item, 'assert api_client.delete(item_url).status_code == 204', 'assert api_client.delete(item_url).status_code == 404']));
  }
  return out;
}

function listTests(v: string, url: string, seed?: string): string[] {
  return [
    testFn(`test_list_${v}_pages`, ['api_client: APIClient'], [
      ...(seed ? [`created = ${seed}`] : []),
      `response = api_client.get(${url}, {"offset": 0, "limit": 10})`,
      'assert response.status_code == 200',
      ...(seed ? ['assert [item["id"] for item in response.json()] == [created["id"]]'] : ['assert isinstance(response.json(), list)']),
    ]),
    testFn(`test_list_${v}_refuses_bad_paging`, ['api_client: APIClient', 'params: dict'], [`response = api_client.get(${url}, params)`, 'assert response.status_code == 422'], '@pytest.mark.parametrize("params", [{"offset": -5}, {"limit": 0}, {"limit": 1000}])\n'),
  ];
}

function actionTests(plan: Plan, r: RouterPlan, w: WorkerPlan, action: RouterPlan['actions'][number], modules: DjangoModules, models: ReadonlyMap<string, DjangoModel>, imports: PyImport[], blocks: string[]): string[] {
  const t = action.task;
  const own = action.model ? models.get(action.model.id) : undefined;
  const createsOwn = own !== undefined && r.resources.some((x) => x.own && x.provider.via === 'service' && x.operations.has('create'));
  const constant = `${t.fn.toUpperCase()}_URL`;
  blocks.push(`${constant} = ${str(urlOf(r, action.path.replace('{id}', '{item_id}')))}`);
  const out: string[] = [];
  const taskModule = modules.of('tasks', w);
  const seed = createsOwn ? `item_id = create_${own!.snake.replace(/_+$/, '')}(api_client)["id"]` : 'item_id = 424242';
  const dramatiq = plan.options.tasks === 'dramatiq';
  const post = `response = api_client.post(${constant}.format(item_id=item_id))`;
  if (!own || createsOwn) {
    const body = [seed, post, 'assert response.status_code == 202', collectionAt(1, 'expected = {', [`"task": ${str(t.fn)}`, '"id": item_id', '"status": "queued"'], '}'), 'assert response.json() == expected'];
    if (dramatiq) body.push(`assert run_queued() == [${str(`${plan.pkg}.${w.snake.replace(/_+$/, '')}.${t.fn}`)}]`);
    if (own && taskModel(w)?.id === own.plan.id) {
      imports.push(from(modules.core('models'), 'TaskRun'));
      body.push(`runs = TaskRun.objects.filter(task=${str(ledgerName(t))})`, 'assert runs.filter(item_id=item_id).exists()');
    }
    out.push(testFn(`test_${t.fn}_is_enqueued_and_runs`, ['api_client: APIClient', ...(dramatiq ? ['run_queued: Callable[[], list[str]]'] : [])], body));
    if (dramatiq) imports.push(from('collections.abc', 'Callable'));
    const params = ['api_client: APIClient', 'monkeypatch: pytest.MonkeyPatch', ...(dramatiq ? ['broker: StubBroker'] : [])];
    if (dramatiq) imports.push(from('dramatiq.brokers.stub', 'StubBroker'));
    out.push(testFn(`test_${t.fn}_with_the_broker_down_is_503`, params, [...brokerDown(plan, t.fn, taskModule, imports).split('\n'), seed, post, 'assert response.status_code == 503', 'assert "was not queued" in response.json()["detail"]']));
  }
  if (own) out.push(testFn(`test_${t.fn}_of_an_unknown_item_is_404`, ['api_client: APIClient'], ['response = api_client.post(' + `${constant}.format(item_id=999999))`, 'assert response.status_code == 404']));
  return out;
}

/** Makes the broker refuse the next enqueue, as a stopped broker does. */
function brokerDown(plan: Plan, fn: string, taskModule: string, imports: PyImport[]): string {
  switch (plan.options.tasks) {
    case 'celery':
      imports.push(from('kombu.exceptions', 'OperationalError'));
      return `def refuse(*args: object) -> None:\n    raise OperationalError("Error 111 connecting to the broker.")\n\nmonkeypatch.setattr(${str(`${taskModule}.${fn}.delay`)}, refuse)`;
    case 'rq':
      imports.push(from('redis.exceptions', 'ConnectionError as RedisConnectionError'));
      return `class Down:\n    def enqueue(self, *args: object, **kwargs: object) -> None:\n        raise RedisConnectionError("Error 111 connecting to Redis.")\n\nmonkeypatch.setattr("django_rq.get_queue", lambda *args, **kwargs: Down())`;
    default:
      imports.push(from('dramatiq.errors', 'ConnectionClosed'));
      return `def refuse(*args: object, **kwargs: object) -> None:\n    raise ConnectionClosed(OSError("Connection refused"))\n\nmonkeypatch.setattr(broker, "enqueue", refuse)`;
  }
}

function workerTest(plan: Plan, w: WorkerPlan, modules: DjangoModules, models: ReadonlyMap<string, DjangoModel>): string {
  const imports: PyImport[] = [plain('pytest'), from(modules.core('models'), 'TaskRun')];
  const tasksModule = modules.of('tasks', w);
  const parts = tasksModule.split('.');
  const last = parts[parts.length - 1]!;
  imports.push(from(parts.slice(0, -1).join('.'), last === 'tasks' ? 'tasks' : `${last} as tasks`));
  const blocks = ['pytestmark = pytest.mark.django_db'];
  const model = taskModel(w);
  const m = model ? models.get(model.id) : undefined;
  const repeatable = m !== undefined && !m.fields.some((f) => f.unique && !f.auto) && m.foreignKeys.length >= 0;
  const tests: string[] = [];
  if (m && repeatable) {
    imports.push(from(modules.areaOf(m.app, 'models'), m.cls));
    blocks.push(`def items(count: int) -> list[${m.cls}]:\n    return [new_item() for _ in range(count)]`);
    blocks.push(`def new_item() -> ${m.cls}:\n${indent(wrapAt(1, `return ${m.cls}.objects.create(`, ormValues(m, imports), ')'))}`);
  }
  const dramatiq = plan.options.tasks === 'dramatiq';
  const run = (fn: string, id: string): string => (plan.options.tasks === 'celery' ? `tasks.${fn}.delay(${id}).get()` : plan.options.tasks === 'rq' ? `tasks.${fn}(${id})` : `tasks.${fn}.fn(${id})`);
  for (const t of w.tasks) {
    const ledger = `runs = TaskRun.objects.filter(task=tasks.${t.fn.toUpperCase()})`;
    if (m && repeatable) {
      tests.push(testFn(`test_${t.fn}_runs_once_per_id`, [], [
        '(item,) = items(1)',
        ...(dramatiq ? [run(t.fn, 'item.pk'), run(t.fn, 'item.pk')] : [`assert ${run(t.fn, 'item.pk')} == "done"`, `assert ${run(t.fn, 'item.pk')} == "already-done"`]),
        ledger,
        'assert runs.filter(item_id=item.pk).count() == 1',
      ]));
    }
    tests.push(testFn(`test_${t.fn}_of_a_missing_item_is_skipped`, [], [dramatiq ? run(t.fn, '424242') : `assert ${run(t.fn, '424242')} == "not-found"`, ledger, 'assert not runs.exists()']));
    if (sweptWorkers(plan).has(w.id) && m && repeatable) {
      const sweep = plan.options.tasks === 'celery' ? [`assert tasks.${sweepName(t)}.delay().get() == 4`] : plan.options.tasks === 'rq' ? [`assert tasks.${sweepName(t)}() == 4`] : [`tasks.${sweepName(t)}.send()`, 'run_queued()'];
      if (dramatiq) imports.push(from('collections.abc', 'Callable'));
      tests.push(testFn(`test_${sweepName(t)}_pages_through_every_pending_item`, ['monkeypatch: pytest.MonkeyPatch', ...(dramatiq ? ['run_queued: Callable[[], list[str]]'] : [])], [
        'monkeypatch.setattr(tasks, "SWEEP_BATCH", 2)',
        'created = items(5)',
        run(t.fn, 'created[0].pk'),
        ...sweep,
        ledger,
        'handled = set(runs.values_list("item_id", flat=True))',
        'assert handled == {item.pk for item in created}',
      ]));
    }
  }
  tests.push(registration(plan, w, modules));
  imports.push(plain('os'), plain('subprocess'), plain('sys'));
  return pyModule({ doc: `The ${w.label} worker, run in the test process on the real ORM.`, imports, firstParty: [plan.pkg], blocks: [...blocks, ...tests] });
}

/** A fresh process finds every task the way the worker command does. */
function registration(plan: Plan, w: WorkerPlan, modules: DjangoModules): string {
  const names = w.tasks.flatMap((t) => [t.fn, ...(sweptWorkers(plan).has(w.id) ? [sweepName(t)] : [])]);
  const full = names.map((n) => `${plan.pkg}.${w.snake.replace(/_+$/, '')}.${n}`).sort();
  const module = modules.of('tasks', w);
  let script: string;
  let expected: string[];
  switch (plan.options.tasks) {
    case 'celery':
      script = `"from ${plan.pkg}.celery import app; app.loader.import_default_modules();"\n        "print(sorted(n for n in app.tasks if n.startswith('${plan.pkg}.${w.snake.replace(/_+$/, '')}.')))"`;
      expected = full;
      break;
    case 'rq':
      script = `"import django; django.setup();"\n        "from rq.utils import import_attribute;"\n        "print([import_attribute(n).__name__ for n in ${JSON.stringify(names.map((n) => `${module}.${n}`)).replace(/"/g, "'").replace(/,/g, ', ')}])"`;
      expected = names;
      break;
    default:
      script = `"import django; django.setup();"\n        "from django_dramatiq.management.commands.rundramatiq import Command;"\n        "import importlib, dramatiq;"\n        "[importlib.import_module(m) for m in Command().discover_tasks_modules()];"\n        "print(sorted(a for a in dramatiq.get_broker().get_declared_actors()"\n        " if a.startswith('${plan.pkg}.${w.snake.replace(/_+$/, '')}.')))"`;
      expected = full;
  }
  return `def test_the_worker_command_finds_every_task() -> None:
    script = (
        ${script}
    )
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": ${str(`${plan.pkg}.settings.test`)}}
    run = subprocess.run(
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    ${wrapCollection('expected = [', expected.map(str), ']', '    ').trimStart()}
    assert run.stdout.strip().splitlines()[-1] == str(expected)`;
}

function healthTest(plan: Plan, modules: DjangoModules): string {
  const checks = ['"database": "ok"'];
  if (plan.broker && plan.workers.length > 0) checks.push('"broker": "ok"');
  for (const c of plan.caches) checks.push(`${str(`cache:${c.snake.replace(/_+$/, '')}`)}: "ok"`);
  const broker = plan.broker && plan.workers.length > 0;
  return pyModule({
    doc: 'The health endpoints: liveness, and readiness naming what is down.',
    imports: [plain('pytest'), from('rest_framework.test', 'APIClient')],
    firstParty: [plan.pkg],
    blocks: [
      'pytestmark = pytest.mark.django_db',
      `def test_health_answers(api_client: APIClient) -> None:
    response = api_client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}`,
      ...(broker || plan.caches.length > 0 ? [] : []),
      `def test_not_ready_names_what_is_down(
    api_client: APIClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ${modules.urls.replace(/\.urls$/, '')} import urls

    def down() -> None:
        raise ConnectionRefusedError("down")

    monkeypatch.setitem(urls.ready_checks, "database", down)
    response = api_client.get("/health/ready")
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["database"] == "unreachable: ConnectionRefusedError"`,
      `def test_ready_lists_every_check(api_client: APIClient) -> None:
    response = api_client.get("/health/ready")
    ${wrapCollection('expected = {', checks.map((c) => c.split(':').slice(0, -1).join(':')), '}', '    ').trimStart()}
    assert set(response.json()["checks"]) == expected`,
    ],
  });
}
