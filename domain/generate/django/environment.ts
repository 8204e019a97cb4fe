/**
 * Every environment variable the Django project reads: its name, the value `.env.example`
 * shows (placeholders only), and the value compose passes to every app container.
 */
import type { NodePlan, Plan } from '../plan/plan';
import { docText } from '../python/py';
import type { DjangoModules } from './layout';

export const brokerIsRabbit = (plan: Plan): boolean => plan.broker?.engine === 'rabbitmq';

const upper = (node: NodePlan): string => node.snake.replace(/_+$/, '').toUpperCase();

export function envNames(plan: Plan) {
  void plan;
  return {
    dbName: 'DB_NAME',
    cache: (c: NodePlan) => ({ alias: c.snake.replace(/_+$/, ''), url: `${upper(c)}_URL`, ttl: `${upper(c)}_TTL_SECONDS` }),
    external: (x: NodePlan) => ({ url: `${upper(x)}_BASE_URL`, key: `${upper(x)}_API_KEY`, timeout: `${upper(x)}_TIMEOUT_SECONDS` }),
  };
}

/** INSTALLED_APPS: Django's, DRF, the task framework's integration, core, then the drawn apps. */
export function appsOf(plan: Plan, modules: DjangoModules): string[] {
  const integration = plan.broker ? { celery: [], rq: ['django_rq'], dramatiq: ['django_dramatiq'], none: [] }[plan.options.tasks] : [];
  return [
    'django.contrib.admin',
    'django.contrib.auth',
    'django.contrib.contenttypes',
    'django.contrib.sessions',
    'django.contrib.messages',
    'django.contrib.staticfiles',
    'rest_framework',
    ...integration,
    `${plan.pkg}.core`,
    ...modules.apps.map((a) => a.module),
  ];
}

export function configName(label: string): string {
  return `${label
    .split('_')
    .filter((p) => p !== '')
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join('')}Config`;
}

export interface DjangoSetting {
  readonly name: string;
  /** The line in `.env.example` (local runs): a placeholder or a working local value. */
  readonly example: string;
  /** The value in compose's shared environment; undefined when compose leaves it unset. */
  readonly compose?: string;
  /** A comment above a group of settings (the first of the group carries it). */
  readonly group?: string;
}

const required = (name: string): string => `\${${name}:?set ${name} in .env}`;
const optional = (name: string, fallback: string): string => `\${${name}:-${fallback}}`;

/** Every setting, in the order `.env.example` lists them. */
export function djangoSettings(plan: Plan): DjangoSetting[] {
  const out: DjangoSetting[] = [
    { name: 'DJANGO_SECRET_KEY', example: 'change-me', compose: required('DJANGO_SECRET_KEY'), group: `manage.py uses ${plan.pkg}.settings.development; gunicorn, the workers and the image\n# use ${plan.pkg}.settings.production. Both read this file; the real environment wins.` },
    { name: 'DJANGO_DEBUG', example: 'true' },
    { name: 'DJANGO_ALLOWED_HOSTS', example: 'localhost,127.0.0.1', compose: optional('DJANGO_ALLOWED_HOSTS', 'localhost,127.0.0.1') },
    { name: 'DJANGO_CSRF_TRUSTED_ORIGINS', example: '', compose: optional('DJANGO_CSRF_TRUSTED_ORIGINS', '') },
    { name: 'DJANGO_SECURE_COOKIES', example: 'true', compose: optional('DJANGO_SECURE_COOKIES', 'true') },
    { name: 'STATIC_ROOT', example: 'staticfiles', compose: '/app/staticfiles' },
    { name: 'LOG_LEVEL', example: 'INFO', compose: optional('LOG_LEVEL', 'INFO') },
  ];
  const db = plan.database;
  const dbLabel = docText(db.node?.label ?? 'database');
  if (db.engine === 'sqlite') {
    out.push({ name: 'DATABASE_URL', example: `sqlite:///${plan.pkg}.sqlite3`, compose: `sqlite:////data/${plan.pkg}.sqlite3`, group: `The database "${dbLabel}" (SQLite): a file.` });
  } else {
    const postgres = db.engine === 'postgres';
    const scheme = postgres ? 'postgres' : 'mysql';
    const port = postgres ? '5432' : '3306';
    const secret = postgres ? 'POSTGRES_PASSWORD' : 'MARIADB_PASSWORD';
    out.push(
      { name: 'DATABASE_URL', example: `${scheme}://app:change-me@localhost:${port}/${plan.pkg}`, group: `The database "${dbLabel}" (${postgres ? 'PostgreSQL' : 'MariaDB'}): DATABASE_URL for local runs (sqlite:///file\n# works too); compose passes the DB_* parts instead, so a password needs no escaping.` },
      { name: 'DB_NAME', example: plan.pkg, compose: plan.pkg },
      { name: 'DB_USER', example: 'app', compose: 'app' },
      { name: 'DB_PASSWORD', example: 'change-me', compose: required(secret) },
      { name: 'DB_HOST', example: 'localhost', compose: db.node?.compose ?? 'db' },
      { name: 'DB_PORT', example: port, compose: port },
    );
  }
  out.push({ name: 'DB_CONN_MAX_AGE', example: '60', compose: optional('DB_CONN_MAX_AGE', '60') });
  out.push({ name: 'TEST_DATABASE_URL', example: '', group: 'Tests: SQLite in memory, unless this names a server database URL.' });
  if (plan.broker) {
    const host = plan.broker.node?.compose ?? 'broker';
    const label = docText(plan.broker.node?.label ?? 'broker');
    if (brokerIsRabbit(plan)) {
      out.push(
        { name: 'BROKER_URL', example: 'amqp://guest:guest@localhost:5672/%2F', group: `The broker "${label}" (RabbitMQ): BROKER_URL for local runs; compose passes the parts.` },
        { name: 'BROKER_HOST', example: 'localhost', compose: host },
        { name: 'BROKER_PORT', example: '5672', compose: '5672' },
        { name: 'BROKER_VHOST', example: '/', compose: '/' },
        { name: 'BROKER_USER', example: 'guest', compose: 'app' },
        { name: 'BROKER_PASSWORD', example: 'guest', compose: required('RABBITMQ_PASSWORD') },
      );
    } else {
      out.push({ name: 'BROKER_URL', example: 'redis://localhost:6379/0', compose: `redis://${host}:6379/0`, group: `The broker "${label}" (Redis).` });
    }
    out.push({ name: 'TASK_QUEUE', example: plan.pkg, compose: plan.pkg }, { name: 'TASKS_EAGER', example: 'false' });
    for (const s of plan.schedulers) {
      out.push({ name: s.scheduleSetting, example: s.schedule.value, compose: optional(s.scheduleSetting, s.schedule.value), group: `The scheduler "${docText(s.label)}": a cron expression in UTC (minute hour day-of-month month\n# day-of-week) or a whole number of seconds.` });
    }
  }
  plan.caches.forEach((c, i) => {
    const names = envNames(plan).cache(c);
    out.push(
      { name: names.url, example: `redis://localhost:6379/${i + 1}`, compose: `redis://${c.compose}:6379/0`, group: `The cache "${docText(c.label)}" (Redis).` },
      { name: names.ttl, example: '300', compose: optional(names.ttl, '300') },
    );
  });
  for (const x of plan.externals) {
    const names = envNames(plan).external(x);
    out.push(
      { name: names.url, example: `https://${x.snake.replace(/_+$/, '').replace(/_/g, '-')}.example.com`, compose: required(names.url), group: `The external API "${docText(x.label)}".` },
      { name: names.key, example: 'change-me', compose: required(names.key) },
      { name: names.timeout, example: '10', compose: optional(names.timeout, '10') },
    );
  }
  return out;
}
