/**
 * The Flask room: an application factory, one Blueprint per router, Flask-SQLAlchemy 3 over
 * SQLAlchemy 2 typed models, Flask-Migrate, pydantic validation, synchronous code, gunicorn.
 */
import type { Plan } from '../plan/plan';
import { renderUnits } from '../python/unit';
import type { FrameworkWriter, Sources } from '../writer';
import { healthModule, packageInit } from './app';
import { clientUnits } from './clients';
import { coreFiles } from './core';
import { DATABASE_SCHEMES, flaskEnvironment } from './environment';
import { modulesFor } from './layout';
import { migrationFiles } from './migrations';
import { modelUnits } from './models';
import { flaskProcesses } from './processes';
import { repositoryUnits } from './repositories';
import { routeUnits } from './routes';
import { schedulerModules, sweepUnits } from './schedulers';
import { serviceUnits } from './services';
import { taskAppModule } from './taskapp';
import { workerUnits } from './tasks';
import { testFiles } from './tests';
import { settingsTest } from '../sqlalchemy/settings';
import { readThroughKey } from '../sqlalchemy/components';
import { webModule } from './web';
import { flaskBuilders, wiringModule } from './wiring';

/** Exact pins that install together on Python 3.11 (export.md's current pins, newest patches). */
export const PINS = {
  flask: 'flask==3.1.3',
  flaskSqlalchemy: 'flask-sqlalchemy==3.1.1',
  flaskMigrate: 'flask-migrate==4.1.0',
  sqlalchemy: 'sqlalchemy==2.1.9',
  alembic: 'alembic==1.20.1',
  pydantic: 'pydantic==2.14.3',
  pydanticSettings: 'pydantic-settings==2.16.3',
  gunicorn: 'gunicorn==27.0.1',
  psycopg: 'psycopg[binary]==3.3.9',
  pymysql: 'pymysql==1.2.4',
  apscheduler: 'apscheduler==3.11.3',
} as const;

export const flaskWriter: FrameworkWriter = {
  name: 'Flask',
  stack: 'an application factory with one Blueprint per router, Flask-SQLAlchemy 3 (SQLAlchemy 2 typed models), Flask-Migrate, pydantic validation, gunicorn',
  modules: modulesFor,
  sources,
  packageDoc,
  databaseSchemes: DATABASE_SCHEMES,
  dependencies(plan) {
    const deps: string[] = [PINS.flask, PINS.flaskSqlalchemy, PINS.flaskMigrate, PINS.sqlalchemy, PINS.alembic, PINS.pydantic, PINS.pydanticSettings, PINS.gunicorn];
    if (plan.database.engine === 'postgres') deps.push(PINS.psycopg);
    if (plan.database.engine === 'mysql') deps.push(PINS.pymysql);
    if (plan.broker && plan.options.tasks !== 'celery' && plan.schedulers.length > 0) deps.push(PINS.apscheduler);
    return deps;
  },
  testDependencies: [],
  pytestSettings: [],
  frameworkModules: ['flask', 'werkzeug'],
  routesWord: 'Blueprints',
  commands: (plan) => ({
    migrate: ['flask', '--app', plan.pkg, 'db', 'upgrade'],
    migrationStatus: ['flask', '--app', plan.pkg, 'db', 'current'],
    serve: ['gunicorn', `${plan.pkg}:create_app()`, '--bind', '0.0.0.0:8000', '--workers', '3', '--access-logfile', '-'],
    serveLocally: `gunicorn "${plan.pkg}:create_app()" --bind "127.0.0.1:\${PORT:-8000}"`,
    test: { command: 'pytest', why: 'SQLite file, one transaction per test, tasks run eagerly' },
    migrationChecks: [{ command: `flask --app ${plan.pkg} db check`, why: 'the models and the migrations agree' }],
    rollback: { command: `flask --app ${plan.pkg} db downgrade base`, why: 'roll every migration back' },
  }),
  dockerCopies: ['migrations ./migrations'],
  environment: flaskEnvironment,
  processes: (plan) => flaskProcesses(plan, modulesFor(plan)),
  readThroughKey,
  brokerDown: 'While the broker is unreachable, a request that enqueues a task answers 503 with a message (nothing is queued, nothing is lost silently) and `/health/ready` answers 503 naming the broker.',
  browseHint: 'The API is under http://127.0.0.1:8000/api/ (one Blueprint per router); ',
};

function sources(plan: Plan): Sources {
  const modules = modulesFor(plan);
  // One set of builder names for the whole project: blueprints, tasks and tests call the same functions.
  const builders = flaskBuilders(modules);
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
  python.set(modules.builders, wiringModule(plan, modules, builders));
  python.set(modules.web, webModule(plan, modules));
  python.set(`${plan.pkg}.health`, healthModule(plan, modules, builders));
  if (plan.broker) python.set(modules.taskApp, taskAppModule(plan, modules));
  for (const [module, text] of schedulerModules(plan, modules)) python.set(module, text);
  python.set(`${plan.pkg}.__init__`, packageInit(plan, modules));
  const files = new Map([...migrationFiles(plan, modules), ...testFiles(plan, modules, builders)]);
  const settingsTests = settingsTest(plan, modules.core('config'));
  if (settingsTests) files.set('tests/unit/test_settings.py', settingsTests);
  return { modules: python, files };
}

function areaTitle(module: string): string {
  const last = module.split('.').pop() ?? module;
  return last.replace(/_/g, ' ');
}

const PACKAGE_DOCS: Readonly<Record<string, string>> = {
  routes: 'Blueprints: one module per router.',
  core: 'Settings, database, errors and logging: below every other layer.',
  services: 'Business logic: one class per service.',
  repositories: 'Data access: one class per repository.',
  models: 'Flask-SQLAlchemy models: one module per model.',
  schemas: 'Pydantic schemas of the models.',
  clients: 'Adapters for external APIs and caches.',
  tasks: 'Background tasks: one module per worker.',
};

function packageDoc(plan: Plan, pkg: string): string {
  if (pkg === plan.pkg) return `${plan.title}: exported from a Strata diagram.`;
  const last = pkg.split('.').pop()!;
  return PACKAGE_DOCS[last] && (plan.layout !== 'feature' || last === 'core') ? PACKAGE_DOCS[last]! : `The ${last.replace(/_/g, ' ')} feature.`;
}
