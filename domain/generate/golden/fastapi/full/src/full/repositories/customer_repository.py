"""The customer repository repository."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from full.models.customer import Customer
from full.schemas.customer import CustomerCreate


class CustomerRepository:
    """Data access for Customer; flushes, never commits: the caller owns the transaction."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add_customer(self, data: CustomerCreate) -> Customer:
        entity = Customer(**data.model_dump())
        self._session.add(entity)
        await self._session.flush()
        await self._session.refresh(entity)
        return entity

    async def get_customer(self, item_id: int) -> Customer | None:
        return await self._session.get(Customer, item_id)

    async def list_customers(self, offset: int = 0, limit: int = 100) -> list[Customer]:
        query = select(Customer).order_by(Customer.id).offset(offset).limit(limit)
        return list(await self._session.scalars(query))

    async def update_customer(
        self, entity: Customer, changes: dict[str, Any]
    ) -> Customer:
        for key, value in changes.items():
            setattr(entity, key, value)
        await self._session.flush()
        await self._session.refresh(entity)
        return entity

    async def delete_customer(self, entity: Customer) -> None:
        await self._session.delete(entity)
        await self._session.flush()
