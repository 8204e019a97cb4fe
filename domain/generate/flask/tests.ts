/**
 * tests/: an app fixture on a SQLite file migrated once per session, a transaction rolled back
 * after every test (the code's commits become savepoints), eager tasks; API, service and task tests.
 */
import { columnsOf } from '../sqlalchemy/columns';
import type { Builders } from './wiring';
import type { FlaskModules } from './layout';
import type { EndpointPlan, ModelPlan, Plan, RouterPlan, ServicePlan, WorkerPlan } from '../plan/plan';
import { from, indent, plain, pyModule, str, wrap, wrapCollection, type PyImport } from '../python/py';
import { cacheSetting } from '../shared/settings';
import { emptyCaches } from '../sqlalchemy/test-caches';
import { wiringImport } from './wiring';
import { ledgerName } from './tasks';
import { sweepName, sweptWorkers } from './schedulers';

export function payload(m: ModelPlan): string {
  const items = columnsOf(m)
    .filter((c) => !c.serverNow && !c.ref)
    .map((c) => `${str(c.name)}: ${c.sample}`);
  return wrapCollection(`${constName(m)} = {`, items, '}');
}

const constName = (m: ModelPlan): string => m.snake.replace(/_+$/, '').toUpperCase();
const stem = (snake: string): string => snake.replace(/_+$/, '');

export function testFiles(plan: Plan, modules: FlaskModules, builders: Builders): Map<string, string> {
  const files = new Map<string, string>();
  files.set('tests/conftest.py', conftest(plan, modules));
  for (const r of plan.routers) files.set(`tests/integration/test_${stem(r.snake)}_api.py`, routerTest(plan, r));
  for (const s of plan.services) files.set(`tests/unit/test_${stem(s.snake).replace(/_service$/, '')}_service.py`, serviceTest(plan, s, modules, builders));
  if (plan.broker) for (const w of plan.workers) files.set(`tests/unit/test_${stem(w.snake)}_tasks.py`, workerTest(plan, w, modules, builders));
  if (plan.broker) for (const w of sweptWorkers(plan)) files.set(`tests/unit/test_${stem(w.snake)}_sweeps.py`, sweepTest(plan, w, modules, builders));
  files.set('tests/integration/test_health.py', healthTest(plan));
  return files;
}

function conftest(plan: Plan, modules: FlaskModules): string {
  const caches = emptyCaches(plan, (c) => modules.of('clients', c));
  const env = ['"DATABASE_URL": f"sqlite:///{TEST_DB}"', '"TASKS_EAGER": "true"', ...plan.caches.map((c) => `${str(cacheSetting(c).toUpperCase())}: "memory://"`)];
  return pyModule({
    doc: 'Test setup: one SQLite file migrated once per session, a transaction rolled back after every test, eager tasks.',
    imports: [plain('os'), from('collections.abc', 'Iterator'), from('pathlib', 'Path'), from('typing', 'Any'), plain('pytest'), from('flask', 'Flask'), from('flask.testing', 'FlaskClient'), from('sqlalchemy', 'event'), ...caches.imports],
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
      `@pytest.fixture(scope="session")
def app() -> Iterator[Flask]:
    """The app on a fresh SQLite file, built by the real migrations (flask db upgrade)."""
    from flask_migrate import upgrade

    from ${plan.pkg} import create_app
    from ${modules.core('db')} import db

    TEST_DB.unlink(missing_ok=True)
    app = create_app({"TESTING": True})
    with app.app_context():
        # SQLAlchemy, not the sqlite3 module, opens transactions, so savepoints work.
        @event.listens_for(db.engine, "connect")
        def no_driver_transactions(connection: Any, record: Any) -> None:
            connection.isolation_level = None

        @event.listens_for(db.engine, "begin")
        def begin(connection: Any) -> None:
            connection.exec_driver_sql("BEGIN")

        upgrade()
        yield app
    TEST_DB.unlink(missing_ok=True)`,
      `@pytest.fixture(autouse=True)
def transaction(app: Flask) -> Iterator[None]:
    """Every test runs inside one transaction, rolled back afterwards."""
    from ${modules.core('db')} import db

    connection = db.engine.connect()
    outer = connection.begin()
    db.session.remove()
    db.session.configure(bind=connection, join_transaction_mode="create_savepoint")
    yield
    db.session.remove()
    db.session.configure(bind=None)
    outer.rollback()
    connection.close()`,
      `@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()`,
      ...caches.blocks,
    ],
  });
}


function url(r: RouterPlan, e: EndpointPlan, id = '{item_id}'): string {
  const full = `/api${r.prefix}${e.path}`.replace(/\{([a-z0-9_]+)\}/g, (whole, name: string) => (name === 'item_id' ? whole : 'x'));
  return full.replace('{item_id}', id);
}

function routerTest(plan: Plan, r: RouterPlan): string {
  const imports: PyImport[] = [from('flask.testing', 'FlaskClient')];
  const consts = new Map<string, string>();
  const tests: string[] = [];
  const test = (name: string, lines: string[]): void => void tests.push(`def test_${name}(client: FlaskClient) -> None:\n${indent(lines.join('\n'))}`);
  const createFor = (m: ModelPlan | undefined): EndpointPlan | undefined => r.endpoints.find((e) => e.op === 'create' && (!m || e.model?.id === m.id));
  const seed = (m: ModelPlan | undefined): string[] => {
    const create = createFor(m);
    if (!create?.model) return ['item_id = 999_999'];
    consts.set(create.model.id, payload(create.model));
    return [`created = client.post(${str(url(r, create))}, json=${constName(create.model)})`, 'assert created.status_code == 201, created.text', 'item_id = created.get_json()["id"]'];
  };
  for (const e of r.endpoints) {
    const target = `f${str(url(r, e))}`;
    const m = e.model;
    const found = Boolean(createFor(m));
    const lines: string[] = [];
    switch (e.op) {
      case 'create': {
        consts.set(m!.id, payload(m!));
        lines.push(`response = client.post(${str(url(r, e))}, json=${constName(m!)})`, 'assert response.status_code == 201, response.text', 'assert response.get_json()["id"] > 0');
        const required = columnsOf(m!).filter((c) => !c.nullable && !c.serverNow && !c.ref);
        if (required.length > 0) test(`${e.fn}_refuses_a_missing_field`, [`response = client.post(${str(url(r, e))}, json={})`, 'assert response.status_code == 422, response.text']);
        const unique = columnsOf(m!).find((c) => c.unique && !c.ref && !c.serverNow);
        if (unique) test(`${e.fn}_refuses_a_duplicate`, [`client.post(${str(url(r, e))}, json=${constName(m!)})`, `response = client.post(${str(url(r, e))}, json=${constName(m!)})`, 'assert response.status_code == 409, response.text']);
        break;
      }
      case 'list':
        lines.push(...(found ? seed(m).slice(0, -1) : []), `response = client.get(${str(url(r, e))})`, 'assert response.status_code == 200, response.text', 'assert isinstance(response.get_json(), list)');
        test(`${e.fn}_refuses_bad_pagination`, ['offset=-1', 'limit=0', 'limit=101'].flatMap((q) => [`response = client.get(${str(`${url(r, e)}?${q}`)})`, 'assert response.status_code == 422, response.text']));
        break;
      case 'get':
      case 'delete':
        lines.push(...seed(m), `response = client.${e.op}(${target})`, `assert response.status_code == ${found ? (e.op === 'get' ? 200 : 204) : 404}, response.text`);
        // A read answers the item asked for; a deleted item is gone for the next request.
        if (found) lines.push(...(e.op === 'get' ? ['assert response.get_json()["id"] == item_id'] : [`response = client.delete(${target})`, 'assert response.status_code == 404, response.text']));
        if (found) test(`${e.fn}_of_an_unknown_id_is_404`, [`response = client.${e.op}(${str(url(r, e, '999999'))})`, 'assert response.status_code == 404, response.text']);
        break;
      case 'update': {
        const nonNull = columnsOf(m!).find((c) => !c.nullable && !c.serverNow && !c.ref);
        lines.push(...seed(m), `response = client.${e.method.toLowerCase()}(${target}, json={})`, `assert response.status_code == ${found ? 200 : 404}, response.text`);
        if (found) test(`${e.fn}_of_an_unknown_id_is_404`, [`response = client.${e.method.toLowerCase()}(${str(url(r, e, '999999'))}, json={})`, 'assert response.status_code == 404, response.text']);
        if (found && nonNull) test(`${e.fn}_refuses_null`, [...seed(m), `response = client.${e.method.toLowerCase()}(${target}, json={${str(nonNull.name)}: None})`, 'assert response.status_code == 422, response.text']);
        break;
      }
      case 'enqueue':
        lines.push(...seed(undefined), `response = client.post(${target})`, 'assert response.status_code == 202, response.text', 'body = response.get_json()', `assert body["queued"] == ${str(e.task!.fn)}`, 'assert body["item_id"] == item_id');
        break;
    }
    test(e.fn, lines);
  }
  return pyModule({ doc: `API tests of the ${r.label} router, through the app's test client.`, imports, firstParty: [plan.pkg], blocks: [...consts.values(), ...tests] });
}

function serviceTest(plan: Plan, s: ServicePlan, modules: FlaskModules, builders: Builders): string {
  const imports: PyImport[] = [wiringImport(modules), from(modules.of('services', s), s.cls)];
  const blocks: string[] = [];
  const body = ['deferred: list[tuple[object, ...]] = []', wrap(`service = wiring.${builders.of(s)}(`, ['lambda *args: deferred.append(args)'], ')'), `assert isinstance(service, ${s.cls})`];
  const provided = s.provides[0]?.model;
  if (provided) {
    imports.push(from(modules.of('schemas', provided), provided.create));
    blocks.push(payload(provided));
    body.push(
      `created = service.create_${provided.snake}(${provided.create}(**${constName(provided)}))`,
      `fetched = service.get_${provided.snake}(created.id)`,
      'assert fetched.id == created.id',
      `assert len(deferred) == ${s.workers.reduce((n, w) => n + w.tasks.length, 0)}`,
    );
  }
  blocks.push(`def test_${stem(s.snake)}_is_built_with_its_dependencies() -> None:\n${indent(body.join('\n'))}`);
  return pyModule({ doc: `Unit tests of the ${s.label} service, on the real session (rolled back after each test).`, imports, firstParty: [plan.pkg], blocks });
}

function workerTest(plan: Plan, w: WorkerPlan, modules: FlaskModules, builders: Builders): string {
  const imports: PyImport[] = [from('sqlalchemy', 'func', 'select'), from(modules.core('db'), 'db'), from(modules.core('task_runs'), 'TaskRun')];
  const blocks: string[] = [];
  const service = w.services[0];
  const model = service?.provides[0]?.model;
  if (service && model) {
    imports.push(wiringImport(modules), from(modules.core('db'), 'unit_of_work'), from(modules.of('schemas', model), model.create));
    blocks.push(payload(model));
    blocks.push(`def seed() -> int:
    with unit_of_work() as defer:
        service = wiring.${builders.of(service)}(defer)
        created = service.create_${model.snake}(${model.create}(**${constName(model)}))
    return created.id`);
  } else {
    blocks.push('def seed() -> int:\n    return 1');
  }
  blocks.push(`def runs_of(task: str, item_id: int) -> int:
    query = select(func.count()).select_from(TaskRun)
    query = query.where(TaskRun.task == task, TaskRun.item_id == item_id)
    return db.session.scalar(query) or 0`);
  for (const t of w.tasks) {
    imports.push(from(modules.of('tasks', w), t.fn));
    blocks.push(`def test_${t.fn}_runs_once_per_id() -> None:
    item_id = seed()
    ${t.fn}(item_id)
    ${t.fn}(item_id)
    runs = runs_of(${str(ledgerName(w, t))}, item_id)
    assert runs == 1`);
  }
  return pyModule({ doc: `Unit tests of the ${w.label} worker: tasks run eagerly, once per id.`, imports, firstParty: [plan.pkg], blocks });
}

function healthTest(plan: Plan): string {
  return pyModule({
    doc: 'The health endpoints answer.',
    imports: [from('flask.testing', 'FlaskClient')],
    firstParty: [plan.pkg],
    blocks: [
      `def test_health(client: FlaskClient) -> None:
    assert client.get("/health").get_json() == {"status": "ok"}`,
      `def test_ready(client: FlaskClient) -> None:
    response = client.get("/health/ready")
    assert response.status_code == 200, response.text`,
    ],
  });
}

function sweepTest(plan: Plan, w: WorkerPlan, modules: FlaskModules, builders: Builders): string {
  const imports: PyImport[] = [];
  const blocks: string[] = [];
  const service = w.services.find((s) => s.provides.length > 0);
  const model = service?.provides[0]?.model;
  if (service && model) {
    imports.push(wiringImport(modules), from(modules.core('db'), 'unit_of_work'), from(modules.of('schemas', model), model.create));
    blocks.push(payload(model), `def seed() -> None:
    with unit_of_work() as defer:
        service = wiring.${builders.of(service)}(defer)
        service.create_${model.snake}(${model.create}(**${constName(model)}))`);
  }
  for (const t of w.tasks) {
    imports.push(from(modules.of('tasks', w), sweepName(t)));
    blocks.push(service && model
      ? `def test_${sweepName(t)}_enqueues_each_pending_item_once() -> None:
    seed()
    assert ${sweepName(t)}() >= 1
    assert ${sweepName(t)}() == 0`
      : `def test_${sweepName(t)}_has_nothing_to_sweep() -> None:
    assert ${sweepName(t)}() == 0`);
  }
  return pyModule({ doc: `Unit tests of the sweeps the schedulers run for the ${w.label} worker: every pending item once.`, imports, firstParty: [plan.pkg], blocks });
}
