"""FastAPI dependencies: the one place the web layer wires objects together."""

from collections.abc import AsyncIterator, Callable
from typing import Annotated

from fastapi import Depends
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.ext.asyncio import AsyncSession

from full import container
from full.clients.hot_cache import HotCache
from full.core.db import Defer, session_scope
from full.repositories.customer_repository import CustomerRepository
from full.services.order_service import OrderService

# What the services defer (enqueuing a task) waits in the session until the commit.
AFTER_COMMIT = "after_commit"


async def get_session() -> AsyncIterator[AsyncSession]:
    """One unit of work per request, committed before the response is sent; then what
    the services deferred runs, so a broker that is down answers 503, not a lost task."""
    async with session_scope() as session:
        yield session
    for function, args in session.info.get(AFTER_COMMIT, []):
        await run_in_threadpool(function, *args)


SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


def after_commit(session: AsyncSession) -> Defer:
    """A Defer whose calls run once the request's unit of work has committed."""

    def defer(function: Callable[..., object], *args: object) -> None:
        session.info.setdefault(AFTER_COMMIT, []).append((function, args))

    return defer


async def get_order_service(session: SessionDep) -> OrderService:
    return container.order_service(session, after_commit(session))


async def get_customer_repository(session: SessionDep) -> CustomerRepository:
    return container.customer_repository(session)


async def get_hot_cache() -> HotCache:
    return container.hot_cache()
