/**
 * The Django room: Django 5.2 LTS with Django REST framework, in the service-layer style of the
 * HackSoft Django Styleguide (apis → services → selectors → models), split settings read from
 * the environment, Django migrations, gunicorn, pytest-django.
 */
import type { Plan } from '../plan/plan';
import { from, renderImports } from '../python/py';
import { fitSource } from '../python/split';
import { renderUnits } from '../python/unit';
import type { FrameworkWriter, Sources } from '../writer';
import { apiModules } from './apis';
import { clientUnits } from './clients';
import { djangoContracts, impliedImports } from './contracts';
import { djangoSettings } from './environment';
import { djangoProcesses } from './processes';
import { coreFiles, hasTasks } from './core';
import { djangoModels } from './fields';
import { healthModule } from './health';
import { modulesFor } from './layout';
import { initialMigration } from './migrations';
import { modelFiles } from './models';
import { managePy, projectModules } from './project';
import { heartbeatModule, scheduleModules } from './schedulers';
import { selectorUnits } from './selectors';
import { serviceUnits } from './services';
import { baseSettings, developmentSettings, productionSettings, testSettings } from './settings';
import { workerUnits } from './tasks';
import { testFiles } from './tests';
import { urlModules } from './urls';

/** Exact pins, resolved together on Python 3.11 (export.md's current pins, newest patches). */
export const PINS = {
  django: 'django==5.2.19',
  drf: 'djangorestframework==3.18.3',
  environ: 'django-environ==0.14.0',
  gunicorn: 'gunicorn==27.0.1',
  whitenoise: 'whitenoise==6.12.0',
  psycopg: 'psycopg[binary]==3.3.9',
  pymysql: 'pymysql==1.2.4',
  djangoRq: 'django-rq==4.2.0',
  djangoDramatiq: 'django-dramatiq==0.15.0',
  apscheduler: 'apscheduler==3.11.3',
  pytestDjango: 'pytest-django==4.14.0',
  pyyaml: 'pyyaml==6.0.3',
  fakeredis: 'fakeredis==2.40.0',
} as const;

export const djangoWriter: FrameworkWriter = {
  name: 'Django',
  stack: 'Django REST framework APIs over a service layer, the Django ORM and migrations',
  modules: modulesFor,
  sources,
  packageDoc,
  databaseSchemes: { postgres: 'postgres', mysql: 'mysql', sqlite: 'sqlite' },
  dependencies(plan) {
    const deps: string[] = [PINS.django, PINS.drf, PINS.environ, PINS.gunicorn, PINS.whitenoise];
    if (plan.database.engine === 'postgres') deps.push(PINS.psycopg);
    if (plan.database.engine === 'mysql') deps.push(PINS.pymysql);
    if (plan.broker && plan.options.tasks === 'rq') deps.push(PINS.djangoRq);
    if (plan.broker && plan.options.tasks === 'dramatiq') deps.push(PINS.djangoDramatiq);
    if (plan.broker && plan.options.tasks === 'dramatiq' && plan.schedulers.length > 0) deps.push(PINS.apscheduler);
    return deps;
  },
  // RQ's tests put an in-memory Redis (fakeredis) under django-rq.
  testDependencies: (plan) => [PINS.pytestDjango, PINS.pyyaml, ...(plan.broker && plan.options.tasks === 'rq' ? [PINS.fakeredis] : [])],
  pytestSettings: [],
  frameworkModules: ['rest_framework'],
  routesWord: 'APIs',
  servesResources: true,
  commands: (plan) => ({
    migrate: ['python', 'manage.py', 'migrate', '--noinput'],
    migrationStatus: ['python', 'manage.py', 'migrate', '--check'],
    serve: ['gunicorn', `${plan.pkg}.wsgi:application`, '--bind', '0.0.0.0:8000', '--workers', '3', '--access-logfile', '-'],
    serveLocally: `python manage.py collectstatic --noinput\ngunicorn ${plan.pkg}.wsgi:application --bind "127.0.0.1:\${PORT:-8000}"`,
    test: { command: 'pytest', why: 'SQLite in memory, migrated once; tasks stay in the process' },
    migrationChecks: [{ command: 'python manage.py makemigrations --check --dry-run', why: 'the models and the migrations agree' }],
    rollback: { command: appsWithModels(plan).map((a) => `python manage.py migrate ${a.label} zero`).concat(hasTasks(plan) ? ['python manage.py migrate core zero'] : []).join(' && '), why: 'roll every drawn migration back' },
  }),
  dockerCopies: ['manage.py ./'],
  environment: djangoSettings,
  processes: (plan) => djangoProcesses(plan),
  // Optional strings are NULL (the API shows them as null), not Django's usual "": DJ001 off.
  // Migrations are written as makemigrations writes them, which ruff format would change.
  lint: { select: ['DJ'], ignore: ['DJ001'], exclude: ['**/migrations/*.py'] },
  pytestOptions: (plan) => [`DJANGO_SETTINGS_MODULE = "${plan.pkg}.settings.test"`],
  contracts: (plan, _modules, existing) => djangoContracts(plan, modulesFor(plan), existing),
  impliedImports: {
    pairs: impliedImports,
    why: 'Services write and selectors only read, so a service may also import the models it reaches through the repositories (selectors) and services drawn from it.',
  },
  docker: (plan) => ({
    env: [`DJANGO_SETTINGS_MODULE=${plan.pkg}.settings.production`, 'STATIC_ROOT=/app/staticfiles'],
    run: [
      "# Static files (the admin's) are collected at build and served by WhiteNoise.",
      'RUN DJANGO_SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput \\\n    && mkdir -p /var/tmp/beat && chown app:app /var/tmp/beat',
    ],
  }),
  browseHint: 'Django s admin is at http://127.0.0.1:8000/admin/ (python manage.py createsuperuser first); '.replace('Django s', "Django's"),
};

/** The apps that have migrations of their own (a drawn model). */
function appsWithModels(plan: Plan): ReturnType<typeof modulesFor>['apps'] {
  const modules = modulesFor(plan);
  return modules.apps.filter((app) => plan.models.some((m) => modules.appOf(m).module === app.module));
}

function sources(plan: Plan): Sources {
  const modules = modulesFor(plan);
  const models = djangoModels(plan, modules);
  const python = new Map<string, string>();
  const files = new Map<string, string>();
  const put = (entries: Iterable<[string, string]>): void => {
    for (const [module, text] of entries) python.set(module, text);
  };
  put(modelFiles(plan, modules, models));
  for (const app of modules.apps) {
    const own = [...models.values()].filter((m) => m.app.module === app.module);
    const migration = initialMigration(app, own, models);
    if (!migration) continue;
    python.set(`${app.module}.migrations.__init__`, '');
    files.set(`src/${app.module.replace(/\./g, '/')}/migrations/0001_initial.py`, migration);
  }
  const core = coreFiles(plan, modules);
  put(core.modules);
  for (const [path, text] of core.files) files.set(path, text);
  python.set(modules.core('health'), healthModule(plan));
  const heartbeat = heartbeatModule(plan);
  if (heartbeat) python.set(modules.core('heartbeat'), heartbeat);
  python.set(modules.settings('base'), baseSettings(plan, modules));
  python.set(modules.settings('development'), developmentSettings(plan));
  python.set(modules.settings('production'), productionSettings(plan));
  python.set(modules.settings('test'), testSettings(plan));
  put(projectModules(plan));
  const apis = apiModules(plan, modules, models);
  put(apis.texts);
  put(urlModules(plan, modules, apis.routers));
  const units = [...serviceUnits(plan, modules, models), ...selectorUnits(plan, modules, models), ...clientUnits(plan, modules), ...workerUnits(plan, modules, models)];
  put(renderUnits(units, plan.pkg, (m) => `The ${m.split('.').pop()!.replace(/_/g, ' ')} of ${plan.title}.`));
  put(tasksBarrels(plan, modules));
  put(scheduleModules(plan, modules));
  files.set('manage.py', managePy(plan));
  for (const [path, text] of testFiles(plan, modules, models)) files.set(path, text);
  return fitted({ modules: python, files });
}

/** Long lines of the templates split as ruff format does (migrations are makemigrations' own). */
function fitted(sources: Sources): Sources {
  const python = (path: string): boolean => path.endsWith('.py') && !/\/migrations\//.test(path);
  return {
    modules: new Map([...sources.modules].map(([module, text]) => [module, fitSource(text)])),
    files: new Map([...sources.files].map(([path, text]) => [path, python(path) ? fitSource(text) : text])),
  };
}

/**
 * A tasks package imports every worker module: Celery's autodiscovery and django-dramatiq's
 * discovery import `<app>.tasks` only.
 */
function tasksBarrels(plan: Plan, modules: ReturnType<typeof modulesFor>): Map<string, string> {
  const out = new Map<string, string>();
  if (!plan.broker) return out;
  for (const app of modules.apps) {
    if (!modules.isPackage(app, 'tasks')) continue;
    const workers = plan.workers.filter((w) => modules.appOf(w).module === app.module);
    if (workers.length === 0) continue;
    const package_ = modules.areaOf(app, 'tasks');
    const names = workers.map((w) => w.snake).sort();
    out.set(`${package_}.__init__`, `"""Background tasks, one module per drawn worker. The worker imports this package, so
every worker module is imported here and all tasks register."""

${renderImports([from(package_, ...names)], [plan.pkg])}

__all__ = [${names.map((n) => JSON.stringify(n)).join(', ')}]
`);
  }
  return out;
}

const PACKAGE_DOCS: Readonly<Record<string, string>> = {
  apis: 'HTTP interface: one module of DRF APIViews per drawn router; thin, calling services.',
  services: 'Writes and business rules: one module per drawn service.',
  selectors: 'Reads: one module per drawn repository; they return querysets and instances.',
  clients: 'Adapters for the drawn external APIs and caches.',
  core: 'Project-wide pieces below every layer: errors, health, paging, the task ledger.',
  migrations: '',
  schedules: 'The drawn schedulers, one module each.',
};

function packageDoc(plan: Plan, pkg: string): string {
  if (pkg === plan.pkg) return `${plan.title}: a Django project exported from a Strata diagram.`;
  const last = pkg.split('.').pop()!;
  return PACKAGE_DOCS[last] ?? `The ${last.replace(/_/g, ' ')} feature.`;
}
