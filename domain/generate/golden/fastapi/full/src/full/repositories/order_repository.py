"""The order repository repository."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import make_transient_to_detached

from full.clients.hot_cache import HotCache
from full.models.order import Order
from full.repositories.customer_repository import CustomerRepository
from full.schemas.order import OrderCreate, OrderRead


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
        key = f"order:{item_id}"
        cached = await self._hot_cache.get_json(key)
        if cached is not None:
            # A cached row joins the session as if it had been loaded, without a query.
            entity = Order(**OrderRead.model_validate(cached).model_dump())
            make_transient_to_detached(entity)
            return await self._session.merge(entity, load=False)
        entity = await self._session.get(Order, item_id)
        if entity is not None:
            item = OrderRead.model_validate(entity)
            await self._hot_cache.set_json(key, item.model_dump(mode="json"))
        return entity

    async def list_orders(self, offset: int = 0, limit: int = 100) -> list[Order]:
        query = select(Order).order_by(Order.id).offset(offset).limit(limit)
        return list(await self._session.scalars(query))

    async def update_order(self, entity: Order, changes: dict[str, Any]) -> Order:
        for key, value in changes.items():
            setattr(entity, key, value)
        await self._session.flush()
        await self._hot_cache.delete(f"order:{entity.id}")
        await self._session.refresh(entity)
        return entity

    async def delete_order(self, entity: Order) -> None:
        await self._session.delete(entity)
        await self._session.flush()
        await self._hot_cache.delete(f"order:{entity.id}")
