/** tests/: conftest (SQLite file, eager tasks, dependency override), unit and integration tests. */
import { columnsOf } from '../sqlalchemy/columns';
import type { Builders } from './wiring';
import type { FastapiModules } from './layout';
import type { EndpointPlan, ModelPlan, Plan, RouterPlan, SchedulerPlan, ServicePlan, WorkerPlan } from '../plan/plan';
import { tickName } from './schedulers';
import { from, indent, plain, pyModule, str, wrap, wrapCollection, type PyImport } from '../python/py';
import { cacheSetting } from '../shared/settings';

export function payload(m: ModelPlan): string {
  const items = columnsOf(m)
    .filter((c) => !c.serverNow && !c.ref)
    .map((c) => `${str(c.name)}: ${c.sample}`);
  return wrapCollection(`${constName(m)} = {`, items, '}');
}

const constName = (m: ModelPlan): string => m.snake.replace(/_+$/, '').toUpperCase();

export function testFiles(plan: Plan, modules: FastapiModules, builders: Builders): Map<string, string> {
  const files = new Map<string, string>();
  files.set('tests/conftest.py', conftest(plan, modules));
  for (const r of plan.routers) files.set(`tests/integration/test_${r.snake.replace(/_+$/, '')}_api.py`, routerTest(plan, r));
  for (const s of plan.services) files.set(`tests/unit/test_${s.snake.replace(/_+$/, '').replace(/_service$/, '')}_service.py`, serviceTest(plan, s, modules, builders));
  for (const w of plan.workers) files.set(`tests/unit/test_${w.snake.replace(/_+$/, '')}_tasks.py`, workerTest(plan, w, modules, builders));
  if (plan.broker) for (const s of plan.schedulers) files.set(`tests/unit/test_${s.snake.replace(/_+$/, '')}_scheduler.py`, schedulerTest(plan, s, modules, builders));
  files.set('tests/integration/test_health.py', healthTest(plan));
  return files;
}

function conftest(plan: Plan, modules: FastapiModules): string {
  const env = [`"DATABASE_URL": f"sqlite+aiosqlite:///{TEST_DB}"`, '"TASKS_EAGER": "true"', ...plan.caches.map((c) => `${str(cacheSetting(c).toUpperCase())}: "memory://"`)];
  return pyModule({
    doc: 'Test setup: a SQLite file database migrated per test, eager tasks, overridden dependencies.',
    imports: [plain('os'), from('collections.abc', 'AsyncIterator', 'Iterator'), from('pathlib', 'Path'), plain('httpx'), plain('pytest'), from('alembic', 'command'), from('alembic.config', 'Config'), from('sqlalchemy.ext.asyncio', 'AsyncSession')],
    firstParty: [plan.pkg],
    blocks: [
      `ROOT = Path(__file__).resolve().parents[1]
TEST_DB = ROOT / ".pytest-db.sqlite3"
# Settings are read from the environment: set them before the app is imported.
os.environ.update(
    {
${env.map((e) => `        ${e},`).join('\n')}
    }
)`,
      `@pytest.fixture(autouse=True)
def database() -> Iterator[None]:
    """A fresh SQLite file per test, built by the real migrations."""
    TEST_DB.unlink(missing_ok=True)
    command.upgrade(Config(str(ROOT / "alembic.ini")), "head")
    yield
    TEST_DB.unlink(missing_ok=True)`,
      `async def override_session() -> AsyncIterator[AsyncSession]:
    from ${modules.core('db')} import task_session

    async with task_session() as session:
        yield session
        await session.commit()`,
      `@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    from ${modules.deps} import get_session
    from ${plan.pkg}.main import create_app

    app = create_app()
    app.dependency_overrides[get_session] = override_session
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client`,
    ],
  });
}

function url(r: RouterPlan, e: EndpointPlan, id = '{item_id}'): string {
  const path = e.path === '/' ? '/' : e.path;
  const full = `/api${r.prefix}${path}`.replace(/\{([a-z0-9_]+)\}/g, (whole, name: string) => (name === 'item_id' ? whole : 'x'));
  return full.replace('{item_id}', id);
}

function routerTest(plan: Plan, r: RouterPlan): string {
  const imports: PyImport[] = [plain('httpx')];
  const consts = new Map<string, string>();
  const tests: string[] = [];
  const createFor = (m: ModelPlan | undefined): EndpointPlan | undefined => r.endpoints.find((e) => e.op === 'create' && (!m || e.model?.id === m.id));
  const seed = (m: ModelPlan | undefined): string[] => {
    const create = createFor(m);
    if (!create?.model) return ['item_id = 999_999'];
    consts.set(create.model.id, payload(create.model));
    return [`created = await client.post(${str(url(r, create))}, json=${constName(create.model)})`, 'assert created.status_code == 201, created.text', 'item_id = created.json()["id"]'];
  };
  for (const e of r.endpoints) {
    const lines: string[] = [];
    const target = `f${str(url(r, e))}`;
    const m = e.model;
    const found = (): boolean => Boolean(createFor(m));
    switch (e.op) {
      case 'create':
        consts.set(m!.id, payload(m!));
        lines.push(`response = await client.post(${str(url(r, e))}, json=${constName(m!)})`, 'assert response.status_code == 201, response.text', `assert response.json()["id"] > 0`);
        break;
      case 'list':
        lines.push(...(found() ? seed(m).slice(0, -1) : []), `response = await client.get(${str(url(r, e))})`, 'assert response.status_code == 200, response.text', 'assert isinstance(response.json(), list)');
        break;
      case 'get':
      case 'delete':
        lines.push(...seed(m), `response = await client.${e.op}(${target})`, `assert response.status_code == ${found() ? (e.op === 'get' ? 200 : 204) : 404}, response.text`);
        break;
      case 'update':
        lines.push(...seed(m), `response = await client.${e.method.toLowerCase()}(${target}, json={})`, `assert response.status_code == ${found() ? 200 : 404}, response.text`);
        break;
      case 'enqueue':
        lines.push(...seed(undefined), `response = await client.post(${target})`, 'assert response.status_code == 202, response.text', `assert response.json() == {"queued": ${str(e.task!.fn)}, "item_id": item_id}`);
        break;
      case 'hits':
        lines.push(`response = await client.get(${str(url(r, e))})`, 'assert response.status_code == 200, response.text', 'assert response.json() == {"hits": 1}');
        break;
      case 'columns':
        lines.push(`response = await client.get(${str(url(r, e))})`, 'assert response.status_code == 200, response.text', 'assert "id" in response.json()');
        break;
      case 'info':
        lines.push(`response = await client.${e.method.toLowerCase()}(${str(url(r, e))})`, 'assert response.status_code == 200, response.text');
        break;
    }
    tests.push(`async def test_${e.fn}(client: httpx.AsyncClient) -> None:\n${indent(lines.join('\n'))}`);
  }
  return pyModule({ doc: `API tests of the ${r.label} router, through the app and a SQLite file database.`, imports, firstParty: [plan.pkg], blocks: [...[...consts.values()], ...tests] });
}

function serviceTest(plan: Plan, s: ServicePlan, modules: FastapiModules, builders: Builders): string {
  const container = modules.container.split('.');
  const imports: PyImport[] = [from(container.slice(0, -1).join('.'), container[container.length - 1]!), from(modules.core('db'), 'task_session'), from(modules.of('services', s), s.cls)];
  const blocks: string[] = [];
  const lines = ['deferred: list[tuple[object, ...]] = []', 'async with task_session() as session:'];
  const body = [wrap(`service = container.${builders.of(s)}(`, ['session', 'lambda *args: deferred.append(args)'], ')', '        ').replace(/^ {8}/gm, ''), `assert isinstance(service, ${s.cls})`];
  const provided = s.provides[0]?.model;
  if (provided) {
    imports.push(from(modules.of('schemas', provided), provided.create));
    blocks.push(payload(provided));
    body.push(
      `created = await service.create_${provided.snake}(${provided.create}(**${constName(provided)}))`,
      `fetched = await service.get_${provided.snake}(created.id)`,
      'assert fetched.id == created.id',
      `assert len(deferred) == ${s.workers.reduce((n, w) => n + w.tasks.length, 0)}`,
    );
  }
  lines.push(indent(body.join('\n')));
  blocks.push(`async def test_${s.snake.replace(/_+$/, '')}_is_built_with_its_dependencies() -> None:\n${indent(lines.join('\n'))}`);
  return pyModule({ doc: `Unit tests of the ${s.label} service, on a real SQLite session.`, imports, firstParty: [plan.pkg], blocks });
}

function workerTest(plan: Plan, w: WorkerPlan, modules: FastapiModules, builders: Builders): string {
  const imports: PyImport[] = [plain('asyncio')];
  const blocks: string[] = [];
  const service = w.services[0];
  const model = service?.provides[0]?.model;
  if (service && model) {
    const container = modules.container.split('.');
    imports.push(from(container.slice(0, -1).join('.'), container[container.length - 1]!), from(modules.core('db'), 'task_session'), from(modules.of('schemas', model), model.create));
    blocks.push(payload(model));
    blocks.push(`async def seed() -> int:
    async with task_session() as session:
        service = container.${builders.of(service)}(session, lambda *args: None)
        created = await service.create_${model.snake}(${model.create}(**${constName(model)}))
        await session.commit()
    return created.id`);
  } else {
    blocks.push('async def seed() -> int:\n    return 1');
  }
  for (const t of w.tasks) {
    imports.push(from(modules.of('tasks', w), t.fn));
    blocks.push(`def test_${t.fn}_runs_once_per_id() -> None:
    item_id = asyncio.run(seed())
    assert ${t.fn}(item_id) is True
    assert ${t.fn}(item_id) is False`);
  }
  return pyModule({ doc: `Unit tests of the ${w.label} worker: tasks run eagerly, once per id.`, imports, firstParty: [plan.pkg], blocks });
}

function healthTest(plan: Plan): string {
  return pyModule({
    doc: 'The health endpoints answer.',
    imports: [plain('httpx')],
    firstParty: [plan.pkg],
    blocks: [
      `async def test_health(client: httpx.AsyncClient) -> None:
    assert (await client.get("/health")).json() == {"status": "ok"}`,
      `async def test_ready(client: httpx.AsyncClient) -> None:
    response = await client.get("/health/ready")
    assert response.status_code == 200, response.text`,
    ],
  });
}

function schedulerTest(plan: Plan, s: SchedulerPlan, modules: FastapiModules, builders: Builders): string {
  const imports: PyImport[] = [plain('asyncio'), from(modules.of('tasks', s), tickName(s))];
  const blocks: string[] = [];
  const worker = s.workers.find((w) => w.services[0]?.provides[0]);
  const service = worker?.services[0];
  const model = service?.provides[0]?.model;
  let expected = 'assert first == 0';
  if (service && model && worker) {
    const container = modules.container.split('.');
    imports.push(from(container.slice(0, -1).join('.'), container[container.length - 1]!), from(modules.core('db'), 'task_session'), from(modules.of('schemas', model), model.create));
    blocks.push(payload(model));
    blocks.push(`async def seed() -> None:
    async with task_session() as session:
        service = container.${builders.of(service)}(session, lambda *args: None)
        await service.create_${model.snake}(${model.create}(**${constName(model)}))
        await session.commit()`);
    expected = 'assert first >= 1';
  } else {
    blocks.push('async def seed() -> None:\n    return None');
  }
  blocks.push(`def test_${s.snake}_sweeps_each_pending_item_once() -> None:
    asyncio.run(seed())
    first = ${tickName(s)}()
    ${expected}
    assert ${tickName(s)}() == 0`);
  return pyModule({ doc: `Unit tests of the ${s.label} scheduler: a tick enqueues pending work once.`, imports, firstParty: [plan.pkg], blocks });
}
