"""The order repository repository."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from full.clients.hot_cache import HotCache
from full.models.order import Order
from full.repositories.customer_repository import CustomerRepository
from full.schemas.order import OrderCreate


class OrderRepository:
    """Data access for Order; flushes, never commits: the caller owns the transaction."""

    def __init__(
        self,
        session: AsyncSession,
        customer_repository: CustomerRepository,
        hot_cache: HotCache,
    ) -> None:
        self._session = session
        self._customer_repository = customer_repository
        self._hot_cache = hot_cache

    async def add_order(self, data: OrderCreate) -> Order:
        entity = Order(**data.model_dump())
        self._session.add(entity)
        await self._session.flush()
        await self._session.refresh(entity)
        return entity

    async def get_order(self, item_id: int) -> Order | None:
        return await self._session.get(Order, item_id)

    async def list_orders(self, offset: int = 0, limit: int = 100) -> list[Order]:
        query = select(Order).order_by(Order.id).offset(offset).limit(limit)
        return list(await self._session.scalars(query))

    async def update_order(self, entity: Order, changes: dict[str, Any]) -> Order:
        for key, value in changes.items():
            setattr(entity, key, value)
        await self._session.flush()
        await self._session.refresh(entity)
        return entity

    async def delete_order(self, entity: Order) -> None:
        await self._session.delete(entity)
        await self._session.flush()
