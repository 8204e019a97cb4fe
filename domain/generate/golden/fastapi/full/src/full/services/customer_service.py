"""The customer service service."""

import logging

from full.core.errors import NotFoundError
from full.repositories.customer_repository import CustomerRepository
from full.schemas.customer import CustomerCreate, CustomerRead, CustomerUpdate

logger = logging.getLogger(__name__)


class CustomerService:
    """Business logic of customer service; dependencies arrive through the constructor."""

    def __init__(self, customer_repository: CustomerRepository) -> None:
        self._customer_repository = customer_repository

    async def create_customer(self, data: CustomerCreate) -> CustomerRead:
        entity = await self._customer_repository.add_customer(data)
        return CustomerRead.model_validate(entity)

    async def get_customer(self, item_id: int) -> CustomerRead:
        entity = await self._customer_repository.get_customer(item_id)
        if entity is None:
            raise NotFoundError(f"Customer {item_id} not found")
        return CustomerRead.model_validate(entity)

    async def list_customers(
        self, offset: int = 0, limit: int = 100
    ) -> list[CustomerRead]:
        entities = await self._customer_repository.list_customers(offset, limit)
        return [CustomerRead.model_validate(e) for e in entities]

    async def update_customer(self, item_id: int, data: CustomerUpdate) -> CustomerRead:
        entity = await self._customer_repository.get_customer(item_id)
        if entity is None:
            raise NotFoundError(f"Customer {item_id} not found")
        changes = data.model_dump(exclude_unset=True)
        entity = await self._customer_repository.update_customer(entity, changes)
        return CustomerRead.model_validate(entity)

    async def delete_customer(self, item_id: int) -> None:
        entity = await self._customer_repository.get_customer(item_id)
        if entity is None:
            raise NotFoundError(f"Customer {item_id} not found")
        await self._customer_repository.delete_customer(entity)
