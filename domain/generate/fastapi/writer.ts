/** The FastAPI room: async SQLAlchemy 2, Alembic, pydantic-settings, uvicorn. */
import type { Plan } from '../plan/plan';
import { renderUnits } from '../python/unit';
import type { FrameworkWriter, Sources } from '../writer';
import { alembicFiles } from './alembic';
import { apiRouterModule, mainModule } from './app';
import { clientUnits } from './clients';
import { coreFiles, DATABASE_SCHEMES } from './core';
import { fastapiEnvironment, settingsTest } from './environment';
import { heartbeatModule } from './heartbeat';
import { modulesFor } from './layout';
import { modelUnits } from './models';
import { fastapiProcesses, hasSchedulerProcess } from './processes';
import { repositoryUnits } from './repositories';
import { routeUnits } from './routes';
import { schedulesModule, sweepUnits } from './schedulers';
import { serviceUnits } from './services';
import { taskAppModule, workerUnits } from './tasks';
import { testFiles } from './tests';
import { containerModule, depsModule, fastapiBuilders } from './wiring';
import { readThroughKey } from '../sqlalchemy/components';

/** Exact pins, resolved together on Python 3.11 (export.md's current pins, newest patches): what the verify suite installs. */
export const PINS = {
  fastapi: 'fastapi==0.163.2',
  uvicorn: 'uvicorn==0.54.0',
  sqlalchemy: 'sqlalchemy[asyncio]==2.1.9',
  alembic: 'alembic==1.20.1',
  pydantic: 'pydantic==2.14.4',
  pydanticSettings: 'pydantic-settings==2.16.3',
  aiosqlite: 'aiosqlite==0.22.1',
  psycopg: 'psycopg[binary]==3.3.9',
  aiomysql: 'aiomysql==0.3.2',
  pytestAsyncio: 'pytest-asyncio==1.5.0',
  httpx: 'httpx==0.28.1',
  apscheduler: 'apscheduler==3.11.3',
} as const;

export const fastapiWriter: FrameworkWriter = {
  name: 'FastAPI',
  readThroughKey,
  stack: 'SQLAlchemy 2 (async), Alembic',
  modules: modulesFor,
  sources,
  packageDoc,
  databaseSchemes: DATABASE_SCHEMES,
  dependencies(plan) {
    const deps: string[] = [PINS.fastapi, PINS.uvicorn, PINS.sqlalchemy, PINS.alembic, PINS.pydantic, PINS.pydanticSettings, PINS.aiosqlite];
    if (plan.database.engine === 'postgres') deps.push(PINS.psycopg);
    if (plan.database.engine === 'mysql') deps.push(PINS.aiomysql);
    // Dramatiq has no scheduler of its own: APScheduler runs the scheduler process.
    if (plan.options.tasks === 'dramatiq' && hasSchedulerProcess(plan)) deps.push(PINS.apscheduler);
    return deps;
  },
  testDependencies: [PINS.pytestAsyncio, PINS.httpx],
  pytestSettings: ['asyncio_mode = "auto"', 'asyncio_default_fixture_loop_scope = "function"'],
  frameworkModules: ['fastapi', 'starlette'],
  routesWord: 'Routes',
  commands: (plan) => ({
    migrate: ['alembic', 'upgrade', 'head'],
    migrationStatus: ['alembic', 'current'],
    serve: ['uvicorn', `${plan.pkg}.main:app`, '--host', '0.0.0.0', '--port', '8000'],
    serveLocally: `uvicorn ${plan.pkg}.main:app --reload --port "\${PORT:-8000}"`,
    test: { command: 'pytest', why: 'SQLite file database, tasks run eagerly' },
    migrationChecks: [{ command: 'alembic check', why: 'the models and the migrations agree' }],
    rollback: { command: 'alembic downgrade base', why: 'roll every migration back' },
  }),
  dockerCopies: ['alembic.ini ./', 'alembic ./alembic'],
  browseHint: 'Open http://127.0.0.1:8000/docs for the API; ',
  brokerDown:
    'While the broker cannot be reached, a request that enqueues a task answers 503 with a JSON `detail` saying the task was not queued (nothing is lost silently), and `/health/ready` answers 503 naming `broker`.',
  environment: fastapiEnvironment,
  processes: (plan) => fastapiProcesses(plan, modulesFor(plan)),
};

function sources(plan: Plan): Sources {
  const modules = modulesFor(plan);
  // One set of builder names for the whole project: code, wiring and tests call the same functions.
  const builders = fastapiBuilders(modules);
  const python = new Map<string, string>();
  const units = [
    ...modelUnits(plan.models, modules),
    ...repositoryUnits(plan.repositories, modules),
    ...serviceUnits(plan.services, modules),
    ...clientUnits(plan, modules),
    ...routeUnits(plan.routers, modules, builders),
    ...(plan.broker ? workerUnits(plan, modules, builders) : []),
    ...(plan.broker ? sweepUnits(plan, modules, builders) : []),
  ];
  for (const [module, text] of renderUnits(units, plan.pkg, (m) => `${areaTitle(m)} of ${plan.title}.`.replace(/^./, (c) => c.toUpperCase()))) python.set(module, text);
  for (const [module, text] of coreFiles(plan, modules)) python.set(module, text);
  python.set(modules.container, containerModule(plan, modules, builders));
  python.set(modules.deps, depsModule(plan, modules, builders));
  if (plan.layout === 'layered' && plan.routers.length > 0) python.set(`${plan.pkg}.api.router`, apiRouterModule(plan, modules));
  if (plan.broker) python.set(modules.taskApp, taskAppModule(plan, modules));
  const schedules = schedulesModule(plan, modules);
  if (schedules) python.set(modules.schedules, schedules);
  const heartbeat = heartbeatModule(plan, modules);
  if (heartbeat) python.set(modules.core('heartbeat'), heartbeat);
  python.set(`${plan.pkg}.main`, mainModule(plan, modules));
  const files = new Map([...alembicFiles(plan, modules), ...testFiles(plan, modules, builders)]);
  const settingsTests = settingsTest(plan, modules.core('config'));
  if (settingsTests) files.set('tests/unit/test_settings.py', settingsTests);
  return { modules: python, files };
}

function areaTitle(module: string): string {
  const last = module.split('.').pop() ?? module;
  return last.replace(/_/g, ' ');
}

const PACKAGE_DOCS: Readonly<Record<string, string>> = {
  api: 'The HTTP interface.',
  routes: 'One module per router.',
  core: 'Settings, database, errors and logging: below every other layer.',
  services: 'Business logic: one class per service.',
  repositories: 'Data access: one class per repository.',
  models: 'ORM models: one module per model.',
  schemas: 'Pydantic schemas of the models.',
  clients: 'Adapters for external APIs and caches.',
  tasks: 'Background tasks: one module per worker.',
};

function packageDoc(plan: Plan, pkg: string): string {
  if (pkg === plan.pkg) return `${plan.title}: exported from a Strata diagram.`;
  const last = pkg.split('.').pop()!;
  return PACKAGE_DOCS[last] && (plan.layout !== 'feature' || last === 'core') ? PACKAGE_DOCS[last]! : `The ${last.replace(/_/g, ' ')} feature.`;
}
