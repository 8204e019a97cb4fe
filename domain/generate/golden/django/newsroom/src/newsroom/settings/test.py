"""Tests: pytest-django migrates one database per session and rolls back after every test; tasks never leave the process."""

from newsroom.settings.base import *  # noqa: F403
from newsroom.settings.base import CACHES, env, tuned

SECRET_KEY = "test-only-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# One database per test session: SQLite in memory, or the server TEST_DATABASE_URL
# names (Django creates and drops test_<name> there); .env leaves it empty for SQLite.
TEST_DATABASE_URL = env.str("TEST_DATABASE_URL", default="") or "sqlite://:memory:"
DATABASES = {"default": env.db_url_config(TEST_DATABASE_URL)}
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    DATABASES["default"] = tuned(DATABASES["default"])

# An in-process cache per drawn cache alias.
CACHES["page_cache"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}

# Tasks run eagerly, on Kombu's in-memory transport.
CELERY_BROKER_URL = "memory://"
CELERY_TASK_ALWAYS_EAGER = True

# Static files straight from the apps, no collectstatic needed.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
