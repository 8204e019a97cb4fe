/**
 * settings/{base,development,production,test}.py: every value from the environment (a local
 * `.env` fills gaps, never overrides), the drawn database, broker, caches, externals and
 * schedules. Services are reached by URL (`DATABASE_URL`, `BROKER_URL`, `<CACHE>_URL`); where
 * compose would have to put a password into a URL, parts are read instead (no escaping needed).
 */
import type { Plan } from '../plan/plan';
import { from, plain, pyModule, str, type PyImport } from '../python/py';
import { appsOf, brokerIsRabbit, envNames } from './environment';
import { beatSchedule } from './schedulers';
import type { DjangoModules } from './layout';

const ENGINE_OPTIONS: Readonly<Record<'postgres' | 'mysql' | 'sqlite', string>> = {
  postgres: '"django.db.backends.postgresql": {"connect_timeout": 2}',
  mysql: `"django.db.backends.mysql": {
        "charset": "utf8mb4",
        "connect_timeout": 2,
        "init_command": "SET sql_mode='STRICT_TRANS_TABLES', time_zone='+00:00'",
    }`,
  sqlite: `"django.db.backends.sqlite3": {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }`,
};

const ENGINE_NAMES = { postgres: 'PostgreSQL', mysql: 'MariaDB', sqlite: 'SQLite' } as const;
const BACKENDS = { postgres: 'django.db.backends.postgresql', mysql: 'django.db.backends.mysql' } as const;

function database(plan: Plan, imports: PyImport[]): string[] {
  const engine = plan.database.engine;
  const name = plan.database.node?.label ?? 'database';
  const env = envNames(plan);
  const options = engine === 'sqlite' ? [ENGINE_OPTIONS.sqlite] : [ENGINE_OPTIONS[engine], ENGINE_OPTIONS.sqlite];
  const blocks: string[] = [];
  if (engine === 'mysql') {
    imports.push(plain('pymysql'));
    blocks.push('# MariaDB through PyMySQL: a pure-Python driver, so the project installs anywhere\n# without MySQL client headers.\npymysql.install_as_MySQLdb()');
  }
  blocks.push(`# Per engine: short connect timeouts; MariaDB in strict mode and UTC; SQLite shared
# by the API and the workers (WAL journal, immediate transactions, a lock timeout).
DATABASE_OPTIONS = {
    ${options.join(',\n    ')},
}`,
  `def tuned(database: dict) -> dict:
    """The engine's options; persistent connections, checked before reuse."""
    return {
        **database,
        "OPTIONS": DATABASE_OPTIONS.get(database["ENGINE"], {}),
        "CONN_MAX_AGE": env.int("DB_CONN_MAX_AGE", default=60),
        "CONN_HEALTH_CHECKS": True,
    }`);
  if (engine === 'sqlite') {
    blocks.push(`# The drawn database ${str(name)} (SQLite): a file named by DATABASE_URL.
LOCAL_DATABASE_URL = ${str(`sqlite:///${plan.pkg}.sqlite3`)}
DATABASES = {"default": tuned(env.db_url("DATABASE_URL", default=LOCAL_DATABASE_URL))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"`);
  } else {
    blocks.push(`def database_from_parts() -> dict:
    """The DB_* parts (as compose passes them): a password needs no escaping."""
    return {
        "ENGINE": ${str(BACKENDS[engine])},
        "NAME": env.str(${str(env.dbName)}, default=${str(plan.pkg)}),
        "USER": env.str("DB_USER", default="app"),
        "PASSWORD": env.str("DB_PASSWORD", default=""),
        "HOST": env.str("DB_HOST", default="localhost"),
        "PORT": env.int("DB_PORT", default=${engine === 'postgres' ? 5432 : 3306}),
    }`,
    `# The drawn database ${str(name)} (${ENGINE_NAMES[engine]}): DATABASE_URL when set (a local
# run, or SQLite with sqlite:///file), else the DB_* parts.
if env.str("DATABASE_URL", default=""):
    DATABASES = {"default": tuned(env.db_url("DATABASE_URL"))}
else:
    DATABASES = {"default": tuned(database_from_parts())}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"`);
  }
  return blocks;
}

function broker(plan: Plan, modules: DjangoModules, imports: PyImport[]): string[] {
  if (!plan.broker) return [];
  const name = plan.broker.node?.label ?? 'broker';
  const rabbit = brokerIsRabbit(plan);
  const blocks: string[] = [];
  if (rabbit) {
    imports.push(from('urllib.parse', 'quote'));
    blocks.push(`def amqp_url(host: str, port: int, vhost: str, user: str, password: str) -> str:
    """An amqp:// URL from parts; user, password and vhost are escaped."""
    credentials = f"{quote(user, safe='')}:{quote(password, safe='')}"
    return f"amqp://{credentials}@{host}:{port}/{quote(vhost, safe='')}"`,
    `def fail_fast(url: str) -> str:
    """One connection attempt with short timeouts, so an enqueue with the broker down
    answers 503 within seconds."""
    options = "connection_attempts=1&socket_timeout=2&blocked_connection_timeout=5"
    return url if "?" in url else f"{url}?{options}"`,
    `# The drawn broker ${str(name)} (RabbitMQ): BROKER_URL when set, else the BROKER_* parts.
BROKER_URL = env.str("BROKER_URL", default="") or amqp_url(
    env.str("BROKER_HOST", default="localhost"),
    env.int("BROKER_PORT", default=5672),
    env.str("BROKER_VHOST", default="/"),
    env.str("BROKER_USER", default="guest"),
    env.str("BROKER_PASSWORD", default="guest"),
)`);
  } else {
    blocks.push(`# The drawn broker ${str(name)} (Redis).
BROKER_URL = env.str("BROKER_URL", default="redis://localhost:6379/0")`);
  }
  blocks.push(`TASK_QUEUE = env.str("TASK_QUEUE", default=${str(plan.pkg)})`);
  switch (plan.options.tasks) {
    case 'celery':
      blocks.push(`# Celery (settings namespace CELERY_): publishing gives up fast, so an API call with
# the broker down answers 503 quickly.
CELERY_BROKER_URL = BROKER_URL
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_TASK_DEFAULT_QUEUE = TASK_QUEUE
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_ALWAYS_EAGER = env.bool("TASKS_EAGER", default=False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BEAT_MAX_LOOP_INTERVAL = 60
CELERY_TIMEZONE = "UTC"`);
      break;
    case 'rq':
      imports.push(from('redis.backoff', 'NoBackoff'), from('redis.connection', 'parse_url'), from('redis.retry', 'Retry'));
      blocks.push(`def rq_queue(url: str) -> dict:
    """django-rq's queue settings from a redis:// URL, in parts: only then does it pass
    the client options that make an enqueue with Redis down fail within seconds."""
    parts = parse_url(url)
    return {
        "HOST": parts.get("host", "localhost"),
        "PORT": parts.get("port", 6379),
        "DB": parts.get("db", 0),
        "USERNAME": parts.get("username"),
        "PASSWORD": parts.get("password"),
        "DEFAULT_TIMEOUT": 360,
        "REDIS_CLIENT_KWARGS": {
            "socket_connect_timeout": 2,
            "socket_timeout": 5,
            "retry": Retry(NoBackoff(), 1),
        },
    }`,
      `# RQ through django-rq: the worker takes the queue TASK_QUEUE.
RQ_QUEUES = {TASK_QUEUE: rq_queue(BROKER_URL)}
# Enqueue at once, not on commit: the API answers 503 at once when Redis is down.
RQ = {"COMMIT_MODE": "auto"}`);
      break;
    case 'dramatiq':
      blocks.push(`# Dramatiq through django-dramatiq: \`python manage.py rundramatiq\` finds every app's
# tasks module.
DRAMATIQ_BROKER = {
    "BROKER": ${str(rabbit ? 'dramatiq.brokers.rabbitmq.RabbitmqBroker' : 'dramatiq.brokers.redis.RedisBroker')},
    "OPTIONS": {"url": ${rabbit ? 'fail_fast(BROKER_URL)' : 'BROKER_URL'}},
    "MIDDLEWARE": [
        "dramatiq.middleware.AgeLimit",
        "dramatiq.middleware.TimeLimit",
        "dramatiq.middleware.Callbacks",
        "dramatiq.middleware.Retries",
        "django_dramatiq.middleware.DbConnectionsMiddleware",
        ${str(`${modules.core('heartbeat')}.WorkerHeartbeat`)},
    ],
}`);
      break;
    case 'none':
      break;
  }
  return blocks;
}

function schedules(plan: Plan, imports: PyImport[]): string[] {
  if (!plan.broker || plan.schedulers.length === 0) return [];
  const blocks = plan.schedulers.map(
    (s) => `# The drawn scheduler ${str(s.label)}: a cron expression (UTC: minute hour day-of-month month
# day-of-week) or a whole number of seconds.
${s.scheduleSetting} = env.str(${str(s.scheduleSetting)}, default=${str(s.schedule.value)})`,
  );
  if (plan.options.tasks === 'celery') {
    imports.push(from('datetime', 'timedelta'), from('celery.schedules', 'crontab'));
    blocks.unshift(`def celery_schedule(value: str) -> crontab | timedelta:
    """A five-field cron expression (UTC), or a whole number of seconds."""
    return (
        timedelta(seconds=int(value)) if value.isdigit() else crontab.from_string(value)
    )`);
    blocks.push(beatSchedule(plan));
  }
  return blocks;
}

function caches(plan: Plan): string[] {
  if (plan.caches.length === 0) return ['CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}'];
  const entries = plan.caches.map((c) => {
    const env = envNames(plan).cache(c);
    return `    # The drawn cache ${str(c.label)}: Django's Redis backend, one pool per process.
    ${str(env.alias)}: {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env.str(${str(env.url)}, default="redis://localhost:6379/1"),
        "TIMEOUT": env.int(${str(env.ttl)}, default=300),
        "KEY_PREFIX": ${str(plan.pkg)},
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
    },`;
  });
  return [`CACHES = {\n    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},\n${entries.join('\n')}\n}`];
}

function externals(plan: Plan): string[] {
  return plan.externals.map((x) => {
    const env = envNames(plan).external(x);
    return `# The drawn external API ${str(x.label)}.
${env.url} = env.str(${str(env.url)}, default=${str(`https://${x.snake.replace(/_+$/, '').replace(/_/g, '-')}.example.com`)})
${env.key} = env.str(${str(env.key)}, default="")
${env.timeout} = env.float(${str(env.timeout)}, default=10.0)`;
  });
}

export function baseSettings(plan: Plan, modules: DjangoModules): string {
  const imports: PyImport[] = [from('pathlib', 'Path'), plain('environ')];
  const apps = appsOf(plan, modules).map((a) => `    ${str(a)},`);
  const blocks = [
    `PACKAGE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = PACKAGE_DIR.parent.parent

env = environ.Env()
# A local .env fills in what the real environment leaves unset (never overrides it).
if (PROJECT_DIR / ".env").is_file():
    env.read_env(str(PROJECT_DIR / ".env"))

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])

INSTALLED_APPS = [
${apps.join('\n')}
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = ${str(modules.urls)}
WSGI_APPLICATION = ${str(`${plan.pkg}.wsgi.application`)}
ASGI_APPLICATION = ${str(`${plan.pkg}.asgi.application`)}

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]`,
    ...database(plan, imports),
    ...caches(plan),
    ...broker(plan, modules, imports),
    ...schedules(plan, imports),
    ...externals(plan),
    `REST_FRAMEWORK = {
    "EXCEPTION_HANDLER": ${str(`${modules.core('exceptions')}.exception_handler`)},
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
}

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(PROJECT_DIR / "staticfiles")))

LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
}`,
  ];
  return pyModule({ doc: 'Settings shared by every environment; each value comes from the environment.', imports, firstParty: [plan.pkg], blocks });
}

/** A settings module on top of base: the star import stays first, as Django projects write it. */
function onBase(plan: Plan, doc: string, names: readonly string[], body: readonly string[]): string {
  const base = `${plan.pkg}.settings.base`;
  const named = [...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
  const rank = (n: string): number => (n === n.toUpperCase() ? 0 : 1);
  named.sort((a, b) => rank(a) - rank(b));
  const line = `from ${base} import ${named.join(', ')}`;
  const imports = line.length <= 88 ? line : `from ${base} import (\n${named.map((n) => `    ${n},`).join('\n')}\n)`;
  return `${pyModule({ doc, firstParty: [plan.pkg], blocks: [] }).trimEnd()}\n\nfrom ${base} import *  # noqa: F403\n${imports}\n\n${body.join('\n\n')}\n`;
}

export function developmentSettings(plan: Plan): string {
  return onBase(plan, 'Local development: DEBUG on and a default secret; the database and every service come from the environment (.env) as in production.', ['env'], [`DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="development-only-not-secret")

# Static files straight from the apps, no collectstatic needed.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True`]);
}

export function productionSettings(plan: Plan): string {
  return onBase(plan, 'Production: DEBUG off, secrets required, hardened cookies and headers.', ['env'], [`DEBUG = False
# Required: production refuses to start without a real secret.
SECRET_KEY = env.str("DJANGO_SECRET_KEY")
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}`]);
}

export function testSettings(plan: Plan): string {
  const names = ['env', 'tuned'];
  const blocks = [`SECRET_KEY = "test-only-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# One database per test session: SQLite in memory, or the server TEST_DATABASE_URL
# names (Django creates and drops test_<name> there); .env leaves it empty for SQLite.
TEST_DATABASE_URL = env.str("TEST_DATABASE_URL", default="") or "sqlite://:memory:"
DATABASES = {"default": env.db_url_config(TEST_DATABASE_URL)}
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    DATABASES["default"] = tuned(DATABASES["default"])`];
  if (plan.caches.length > 0) {
    names.push('CACHES');
    blocks.push(`# An in-process cache per drawn cache alias.
${plan.caches.map((c) => `CACHES[${str(envNames(plan).cache(c).alias)}] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}`).join('\n')}`);
  }
  if (plan.options.tasks === 'celery' && plan.broker) blocks.push('# Tasks run eagerly, on Kombu\'s in-memory transport.\nCELERY_BROKER_URL = "memory://"\nCELERY_TASK_ALWAYS_EAGER = True');
  if (plan.options.tasks === 'rq' && plan.broker) {
    names.push('RQ_QUEUES', 'TASK_QUEUE');
    blocks.push('# Jobs run in the calling process (the tests put an in-memory Redis under them).\nRQ_QUEUES[TASK_QUEUE]["ASYNC"] = False');
  }
  if (plan.options.tasks === 'dramatiq' && plan.broker) {
    names.push('DRAMATIQ_BROKER');
    blocks.push(`# Dramatiq's stub broker: nothing leaves the process.
DRAMATIQ_BROKER = {
    **DRAMATIQ_BROKER,
    "BROKER": "dramatiq.brokers.stub.StubBroker",
    "OPTIONS": {},
}`);
  }
  blocks.push('# Static files straight from the apps, no collectstatic needed.\nWHITENOISE_AUTOREFRESH = True\nWHITENOISE_USE_FINDERS = True');
  return onBase(plan, 'Tests: pytest-django migrates one database per session and rolls back after every test; tasks never leave the process.', names, blocks);
}
