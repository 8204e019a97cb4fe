"""Test setup: a SQLite file database migrated per test, eager tasks, overridden dependencies."""

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy.ext.asyncio import AsyncSession

ROOT = Path(__file__).resolve().parents[1]
TEST_DB = ROOT / ".pytest-db.sqlite3"
# Settings are read from the environment: set them before the app is imported.
os.environ.update(
    {
        "DATABASE_URL": f"sqlite+aiosqlite:///{TEST_DB}",
        "TASKS_EAGER": "true",
        "HOT_CACHE_URL": "memory://",
    }
)


@pytest.fixture(autouse=True)
def database() -> Iterator[None]:
    """A fresh SQLite file per test, built by the real migrations."""
    TEST_DB.unlink(missing_ok=True)
    command.upgrade(Config(str(ROOT / "alembic.ini")), "head")
    yield
    TEST_DB.unlink(missing_ok=True)


async def override_session() -> AsyncIterator[AsyncSession]:
    from full.core.db import task_session

    async with task_session() as session:
        yield session
        await session.commit()


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    from full.api.deps import get_session
    from full.main import create_app

    app = create_app()
    app.dependency_overrides[get_session] = override_session
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client
