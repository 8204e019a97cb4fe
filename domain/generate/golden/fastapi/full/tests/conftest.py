"""Test setup: one SQLite file migrated per test session and copied fresh for each test, eager tasks."""

import os
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from alembic import command
from alembic.config import Config
from fastapi import FastAPI

from full.clients.hot_cache import HotCache

ROOT = Path(__file__).resolve().parents[1]
TEST_DB = ROOT / ".pytest-db.sqlite3"
MIGRATED_DB = ROOT / ".pytest-db-migrated.sqlite3"
# Settings are read from the environment: set them before the app is imported.
os.environ.update(
    {
        "DATABASE_URL": f"sqlite+aiosqlite:///{TEST_DB}",
        "TASKS_EAGER": "true",
        "HOT_CACHE_URL": "memory://",
    }
)


@pytest.fixture(scope="session")
def migrated() -> Iterator[Path]:
    """The real migrations, run once per test session."""
    TEST_DB.unlink(missing_ok=True)
    command.upgrade(Config(str(ROOT / "alembic.ini")), "head")
    shutil.copyfile(TEST_DB, MIGRATED_DB)
    yield MIGRATED_DB
    MIGRATED_DB.unlink(missing_ok=True)
    TEST_DB.unlink(missing_ok=True)


@pytest.fixture(autouse=True)
def database(migrated: Path) -> None:
    """Each test starts from the migrated database: a file copy, not a migration."""
    shutil.copyfile(migrated, TEST_DB)


@pytest.fixture(scope="session")
def app() -> FastAPI:
    """Built once: wiring every route costs more than most tests, and no test changes it."""
    from full.main import create_app

    return create_app()


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """The app as it runs: its own sessions, committed per request."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


@pytest.fixture(autouse=True)
def empty_caches() -> None:
    """A value cached in one test never answers in the next."""
    HotCache._memory.clear()
