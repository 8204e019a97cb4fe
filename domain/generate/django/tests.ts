/**
 * tests/: pytest-django with one database per session (built by the real migrations) and a
 * rollback per test. Each endpoint: success, and each of 404, 409 and 422 that can occur;
 * tasks run for real in the test's process; health and readiness.
 */
import type { Plan, ResourcePlan, RouterPlan, WorkerPlan } from '../plan/plan';
import { from, plain, pyModule, str, wrapCollection, type PyImport } from '../python/py';
import { collectionAt, wrapAt } from './code';
import { clientFactory } from './clients';
import type { DjangoModel } from './fields';
import type { DjangoModules } from './layout';
import { ledgerName } from './tasks';
import { workerTest } from './task-tests';
import { constName, payload, SAMPLE, testFn, writable } from './test-values';
import { taskModel } from './usage';

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
  const imports: PyImport[] = [plain('pytest'), from('rest_framework.test', 'APIClient')];
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
  // Only the yielding fixtures name Iterator; a project with none of them must not import it (ruff F401).
  if (blocks.some((block) => block.includes('Iterator['))) imports.unshift(from('collections.abc', 'Iterator'));
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
