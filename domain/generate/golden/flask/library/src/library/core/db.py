"""Flask-SQLAlchemy over SQLAlchemy 2 typed models, and the unit of work. Repositories flush; the unit of work commits."""

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import flask_sqlalchemy.session
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import MetaData, event, make_url, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.pool import NullPool

from library.core.config import Settings

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Runs a function with its arguments once the current unit of work has committed.
Defer = Callable[..., object]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Session(flask_sqlalchemy.session.Session):
    """Honours a session-wide bind, as a plain SQLAlchemy session does: the tests join
    every session to one outer transaction and roll it back."""

    def get_bind(
        self,
        mapper: Any | None = None,
        clause: Any | None = None,
        bind: Any | None = None,
        **kwargs: Any,
    ) -> Any:
        if bind is None and self.bind is not None:
            return self.bind
        return super().get_bind(mapper=mapper, clause=clause, bind=bind, **kwargs)


db = SQLAlchemy(model_class=Base, session_options={"class_": Session})


def database_uri(settings: Settings) -> str:
    """The database URL; a relative SQLite path stays relative to the working directory,
    as the URL says (Flask-SQLAlchemy would put it under the instance folder)."""
    url = make_url(settings.database_url)
    database = url.database
    if url.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return settings.database_url
    absolute = url.set(database=os.path.abspath(database))
    return absolute.render_as_string(hide_password=False)


def engine_options(settings: Settings, *, pooled: bool = True) -> dict[str, Any]:
    """A pool for the web app; NullPool for SQLite and for task processes (forked workers)."""
    if not pooled or settings.database_url.startswith("sqlite"):
        return {"poolclass": NullPool}
    return {
        "pool_size": settings.db_pool_size,
        "max_overflow": settings.db_max_overflow,
        "pool_timeout": settings.db_pool_timeout_seconds,
        "pool_recycle": 1800,
        "pool_pre_ping": True,
    }


@event.listens_for(Engine, "connect")
def enforce_sqlite_foreign_keys(connection: Any, record: Any) -> None:
    """SQLite checks foreign keys only when asked, once per connection."""
    if type(connection).__module__.startswith("sqlite3"):
        cursor = connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


@contextmanager
def unit_of_work() -> Iterator[Defer]:
    """Commits when the block succeeds, rolls back when it raises; what the block
    defers (enqueueing a task) runs only after the commit."""
    deferred: list[tuple[Callable[..., object], tuple[object, ...]]] = []

    def defer(function: Callable[..., object], *args: object) -> None:
        deferred.append((function, args))

    try:
        yield defer
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    for function, args in deferred:
        function(*args)


def ping() -> None:
    db.session.execute(text("SELECT 1"))
