"""Test setup: one SQLite file migrated once per session, a transaction rolled back after every test, eager tasks."""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event

from library.clients.page_cache import PageCache

ROOT = Path(__file__).resolve().parents[1]
TEST_DB = ROOT / ".pytest-db.sqlite3"
# Settings are read from the environment: set them before the app is imported.
os.environ.update(
    {
        "DATABASE_URL": f"sqlite:///{TEST_DB}",
        "TASKS_EAGER": "true",
        "PAGE_CACHE_URL": "memory://",
    }
)


@pytest.fixture(scope="session")
def app() -> Iterator[Flask]:
    """The app on a fresh SQLite file, built by the real migrations (flask db upgrade)."""
    from flask_migrate import upgrade

    from library import create_app
    from library.core.db import db

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
    TEST_DB.unlink(missing_ok=True)


@pytest.fixture(autouse=True)
def transaction(app: Flask) -> Iterator[None]:
    """Every test runs inside one transaction, rolled back afterwards."""
    from library.core.db import db

    connection = db.engine.connect()
    outer = connection.begin()
    db.session.remove()
    db.session.configure(bind=connection, join_transaction_mode="create_savepoint")
    yield
    db.session.remove()
    db.session.configure(bind=None)
    outer.rollback()
    connection.close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(autouse=True)
def empty_caches() -> None:
    """A value cached in one test never answers in the next."""
    PageCache._memory.clear()
