"""FastAPI dependencies: the one place the web layer wires objects together."""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import BackgroundTasks, Depends
from sqlalchemy.ext.asyncio import AsyncSession

from full import container
from full.clients.hot_cache import HotCache
from full.core.db import session_scope
from full.repositories.customer_repository import CustomerRepository
from full.services.order_service import OrderService


async def get_session() -> AsyncIterator[AsyncSession]:
    """One unit of work per request, committed before the response is sent."""
    async with session_scope() as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


async def get_order_service(
    session: SessionDep, background: BackgroundTasks
) -> OrderService:
    return container.order_service(session, background.add_task)


async def get_customer_repository(session: SessionDep) -> CustomerRepository:
    return container.customer_repository(session)


async def get_hot_cache() -> HotCache:
    return container.hot_cache()
