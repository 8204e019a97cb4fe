/** tests/: conftest (SQLite file, eager tasks, dependency override), unit and integration tests. */
import { columnsOf } from '../sqlalchemy/columns';
import type { Builders } from './wiring';
import type { FastapiModules } from './layout';
import type { EndpointPlan, ModelPlan, Plan, RouterPlan, SchedulerPlan, ServicePlan, WorkerPlan } from '../plan/plan';
import { sweepName } from './schedulers';
import { from, indent, plain, pyModule, str, wrap, wrapCollection, type PyImport } from '../python/py';
import { cacheSetting } from '../shared/settings';
import { emptyCaches } from '../sqlalchemy/test-caches';

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
  const caches = emptyCaches(plan, (c) => modules.of('clients', c));
  const env = [`"DATABASE_URL": f"sqlite+aiosqlite:///{TEST_DB}"`, '"TASKS_EAGER": "true"', ...plan.caches.map((c) => `${str(cacheSetting(c).toUpperCase())}: "memory://"`)];
  return pyModule({
    doc: 'Test setup: one SQLite file migrated per test session and copied fresh for each test, eager tasks.',
    imports: [
      plain('os'),
      plain('shutil'),
      from('collections.abc', 'AsyncIterator', 'Iterator'),
      from('pathlib', 'Path'),
      plain('httpx'),
      plain('pytest'),
      from('alembic', 'command'),
      from('alembic.config', 'Config'),
      from('fastapi', 'FastAPI'),
      ...caches.imports,
    ],
    firstParty: [plan.pkg],
    blocks: [
      `ROOT = Path(__file__).resolve().parents[1]
TEST_DB = ROOT / ".pytest-db.sqlite3"
MIGRATED_DB = ROOT / ".pytest-db-migrated.sqlite3"
# Settings are read from the environment: set them before the app is imported.
os.environ.update(
    {
${env.map((e) => `        ${e},`).join('\n')}
    }
)`,
      `@pytest.fixture(scope="session")
def migrated() -> Iterator[Path]:
    """The real migrations, run once per test session."""
    TEST_DB.unlink(missing_ok=True)
    command.upgrade(Config(str(ROOT / "alembic.ini")), "head")
    shutil.copyfile(TEST_DB, MIGRATED_DB)
    yield MIGRATED_DB
    MIGRATED_DB.unlink(missing_ok=True)
    TEST_DB.unlink(missing_ok=True)`,
      `@pytest.fixture(autouse=True)
def database(migrated: Path) -> None:
    """Each test starts from the migrated database: a file copy, not a migration."""
    shutil.copyfile(migrated, TEST_DB)`,
      `@pytest.fixture(scope="session")
def app() -> FastAPI:
    """Built once: wiring every route costs more than most tests, and no test changes it."""
    from ${plan.pkg}.main import create_app

    return create_app()`,
      `@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """The app as it runs: its own sessions, committed per request."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client`,
      ...caches.blocks,
    ],
  });
}


function url(r: RouterPlan, e: EndpointPlan, id = '{item_id}'): string {
  const path = e.path === '/' ? '/' : e.path;
  return `/api${r.prefix}${path}`.replace('{item_id}', id);
}

const MISSING = '999_999';

/** One request inside a test function, wrapped as ruff format wraps it at that depth. */
function request(target: string, method: string, args: readonly string[]): string {
  return wrap(`${target} = await client.${method}(`, args, ')', '    ').replace(/^ {4}/gm, '');
}

/** Each endpoint's success, then what a client gets wrong: 404, 409 and 422 where they apply. */
function routerTest(plan: Plan, r: RouterPlan): string {
  const consts = new Map<string, string>();
  const tests: string[] = [];
  const createFor = (m: ModelPlan | undefined): EndpointPlan | undefined => r.endpoints.find((e) => e.op === 'create' && m !== undefined && e.model?.id === m.id);
  const seed = (m: ModelPlan | undefined): string[] | undefined => {
    const create = createFor(m);
    if (!create?.model) return undefined;
    consts.set(create.model.id, payload(create.model));
    return [request('created', 'post', [str(url(r, create)), `json=${constName(create.model)}`]), 'assert created.status_code == 201, created.text', 'item_id = created.json()["id"]'];
  };
  const test = (name: string, lines: string[]): void => void tests.push(`${wrap(`async def test_${name}(`, ['client: httpx.AsyncClient'], ') -> None:')}\n${indent(lines.join('\n'))}`);
  for (const e of r.endpoints) {
    const m = e.model;
    const seeded = seed(m);
    const at = (id: string): string => (id === 'item_id' ? `f${str(url(r, e))}` : str(url(r, e, id)));
    const columns = m ? columnsOf(m).filter((c) => !c.serverNow && !c.ref) : [];
    const required = columns.find((c) => !c.nullable);
    const unique = columns.find((c) => c.unique);
    switch (e.op) {
      case 'create':
        consts.set(m!.id, payload(m!));
        test(e.fn, [request('response', 'post', [at(''), `json=${constName(m!)}`]), 'assert response.status_code == 201, response.text', 'assert response.json()["id"] > 0']);
        if (required) test(`${e.fn}_without_${required.name}_is_422`, [`body = {k: v for k, v in ${constName(m!)}.items() if k != ${str(required.name)}}`, request('response', 'post', [at(''), 'json=body']), 'assert response.status_code == 422, response.text']);
        if (unique) test(`${e.fn}_twice_is_409`, [request('first', 'post', [at(''), `json=${constName(m!)}`]), 'assert first.status_code == 201, first.text', request('response', 'post', [at(''), `json=${constName(m!)}`]), 'assert response.status_code == 409, response.text']);
        break;
      case 'list':
        test(e.fn, [...(seeded ? seeded.slice(0, 2) : []), request('response', 'get', [at('')]), 'assert response.status_code == 200, response.text', `assert len(response.json()) == ${seeded ? 1 : 0}`]);
        test(`${e.fn}_pages_are_bounded`, [
          ...['offset=-1', 'limit=0', 'limit=101'].flatMap((q) => [request('response', 'get', [str(`${url(r, e)}?${q}`)]), 'assert response.status_code == 422, response.text']),
          request('response', 'get', [str(`${url(r, e)}?offset=0&limit=100`)]),
          'assert response.status_code == 200, response.text',
        ]);
        break;
      case 'get':
        if (seeded) test(e.fn, [...seeded, request('response', 'get', [at('item_id')]), 'assert response.status_code == 200, response.text', 'assert response.json()["id"] == item_id']);
        test(`${e.fn}_unknown_is_404`, [request('response', 'get', [at(MISSING)]), 'assert response.status_code == 404, response.text']);
        break;
      case 'update':
        if (seeded) {
          test(e.fn, [...seeded, request('response', 'patch', [at('item_id'), `json=${constName(m!)}`]), 'assert response.status_code == 200, response.text', 'assert response.json()["id"] == item_id']);
          if (required) test(`${e.fn}_to_null_is_422`, [...seeded, request('response', 'patch', [at('item_id'), `json={${str(required.name)}: None}`]), 'assert response.status_code == 422, response.text']);
        }
        test(`${e.fn}_unknown_is_404`, [request('response', 'patch', [at(MISSING), 'json={}']), 'assert response.status_code == 404, response.text']);
        break;
      case 'delete':
        if (seeded) test(e.fn, [...seeded, request('response', 'delete', [at('item_id')]), 'assert response.status_code == 204, response.text', request('response', 'delete', [at('item_id')]), 'assert response.status_code == 404, response.text']);
        test(`${e.fn}_unknown_is_404`, [request('response', 'delete', [at(MISSING)]), 'assert response.status_code == 404, response.text']);
        break;
      case 'enqueue': {
        const own = seed(e.model);
        test(e.fn, [...(own ?? ['item_id = 1']), request('response', 'post', [at('item_id')]), 'assert response.status_code == 202, response.text', `assert response.json()["item_id"] == item_id`]);
        break;
      }
    }
  }
  return pyModule({ doc: `API tests of the ${r.label} router, through the app and a SQLite file database.`, imports: [plain('httpx')], firstParty: [plan.pkg], blocks: [...[...consts.values()], ...tests] });
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
  const sweeps = s.workers.flatMap((w) => w.tasks.map((t) => ({ module: modules.of('tasks', w), name: sweepName(t) })));
  const imports: PyImport[] = [plain('asyncio'), ...sweeps.map((x) => from(x.module, x.name))];
  const tick = sweeps.length === 1 ? `${sweeps[0]!.name}()` : `sum(sweep() for sweep in (${sweeps.map((x) => x.name).join(', ')}))`;
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
    first = ${tick}
    ${expected}
    assert ${tick} == 0`);
  return pyModule({ doc: `Unit tests of the ${s.label} scheduler: a tick enqueues pending work once.`, imports, firstParty: [plan.pkg], blocks });
}
