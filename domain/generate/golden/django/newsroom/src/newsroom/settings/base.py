"""Settings shared by every environment; each value comes from the environment."""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab

PACKAGE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = PACKAGE_DIR.parent.parent

env = environ.Env()
# A local .env fills in what the real environment leaves unset (never overrides it).
if (PROJECT_DIR / ".env").is_file():
    env.read_env(str(PROJECT_DIR / ".env"))

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "newsroom.core",
    "newsroom.articles",
    "newsroom.authors",
    "newsroom.shared",
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

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"
ASGI_APPLICATION = "newsroom.asgi.application"

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
]


# Per engine: short connect timeouts; MariaDB in strict mode and UTC; SQLite shared
# by the API and the workers (WAL journal, immediate transactions, a lock timeout).
DATABASE_OPTIONS = {
    "django.db.backends.postgresql": {"connect_timeout": 2},
    "django.db.backends.sqlite3": {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    },
}


def tuned(database: dict) -> dict:
    """The engine's options; persistent connections, checked before reuse."""
    return {
        **database,
        "OPTIONS": DATABASE_OPTIONS.get(database["ENGINE"], {}),
        "CONN_MAX_AGE": env.int("DB_CONN_MAX_AGE", default=60),
        "CONN_HEALTH_CHECKS": True,
    }


def database_from_parts() -> dict:
    """The DB_* parts (as compose passes them): a password needs no escaping."""
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": env.str("DB_NAME", default="newsroom"),
        "USER": env.str("DB_USER", default="app"),
        "PASSWORD": env.str("DB_PASSWORD", default=""),
        "HOST": env.str("DB_HOST", default="localhost"),
        "PORT": env.int("DB_PORT", default=5432),
    }


# The drawn database "db" (PostgreSQL): DATABASE_URL when set (a local
# run, or SQLite with sqlite:///file), else the DB_* parts.
if env.str("DATABASE_URL", default=""):
    DATABASES = {"default": tuned(env.db_url("DATABASE_URL"))}
else:
    DATABASES = {"default": tuned(database_from_parts())}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # The drawn cache "page cache": Django's Redis backend, one pool per process.
    "page_cache": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env.str("PAGE_CACHE_URL", default="redis://localhost:6379/1"),
        "TIMEOUT": env.int("PAGE_CACHE_TTL_SECONDS", default=300),
        "KEY_PREFIX": "newsroom",
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
    },
}


# The drawn broker "redis" (Redis).
BROKER_URL = env.str("BROKER_URL", default="redis://localhost:6379/0")


TASK_QUEUE = env.str("TASK_QUEUE", default="newsroom")


# Celery (settings namespace CELERY_): publishing gives up fast, so an API call with
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
CELERY_TIMEZONE = "UTC"


def celery_schedule(value: str) -> crontab | timedelta:
    """A five-field cron expression (UTC), or a whole number of seconds."""
    return (
        timedelta(seconds=int(value)) if value.isdigit() else crontab.from_string(value)
    )


# The drawn scheduler "nightly digest": a cron expression (UTC: minute hour day-of-month month
# day-of-week) or a whole number of seconds.
NIGHTLY_DIGEST_SCHEDULE = env.str("NIGHTLY_DIGEST_SCHEDULE", default="0 3 * * *")


# Celery beat runs each drawn scheduler's sweeps: celery -A newsroom beat.
CELERY_BEAT_SCHEDULE = {
    "nightly_digest: search_index.index_article": {
        "task": "newsroom.search_index.sweep_index_article",
        "schedule": celery_schedule(NIGHTLY_DIGEST_SCHEDULE),
    },
}


# The drawn external API "wire service".
WIRE_SERVICE_BASE_URL = env.str(
    "WIRE_SERVICE_BASE_URL", default="https://wire-service.example.com"
)
WIRE_SERVICE_API_KEY = env.str("WIRE_SERVICE_API_KEY", default="")
WIRE_SERVICE_TIMEOUT_SECONDS = env.float("WIRE_SERVICE_TIMEOUT_SECONDS", default=10.0)


REST_FRAMEWORK = {
    "EXCEPTION_HANDLER": "newsroom.core.exceptions.exception_handler",
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
}
