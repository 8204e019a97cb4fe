"""The order service service."""

import logging
from collections.abc import Callable
from typing import Any

from full.clients.hot_cache import HotCache
from full.clients.payments import PaymentsClient
from full.core.errors import NotFoundError
from full.models.order import Order
from full.repositories.order_repository import OrderRepository
from full.schemas.customer import CustomerCreate, CustomerRead, CustomerUpdate
from full.schemas.order import OrderCreate, OrderRead, OrderUpdate
from full.services.customer_service import CustomerService

logger = logging.getLogger(__name__)


class OrderService:
    """Business logic of order service; dependencies arrive through the constructor."""

    def __init__(
        self,
        order_repository: OrderRepository,
        customer_service: CustomerService,
        payments: PaymentsClient,
        hot_cache: HotCache,
        enqueue_run_audit: Callable[[int], object],
    ) -> None:
        self._order_repository = order_repository
        self._customer_service = customer_service
        self._payments = payments
        self._hot_cache = hot_cache
        self._enqueue_run_audit = enqueue_run_audit

    async def create_order(self, data: OrderCreate) -> OrderRead:
        entity = await self._order_repository.add_order(data)
        self._enqueue_run_audit(entity.id)
        return OrderRead.model_validate(entity)

    async def get_order(self, item_id: int) -> OrderRead:
        key = f"order:{item_id}"
        cached = await self._hot_cache.get_json(key)
        if cached is not None:
            return OrderRead.model_validate(cached)
        entity = await self._order_repository.get_order(item_id)
        if entity is None:
            raise NotFoundError(f"Order {item_id} not found")
        item = OrderRead.model_validate(entity)
        await self._hot_cache.set_json(key, item.model_dump(mode="json"))
        return item

    async def list_orders(self, offset: int = 0, limit: int = 100) -> list[OrderRead]:
        entities = await self._order_repository.list_orders(offset, limit)
        return [OrderRead.model_validate(e) for e in entities]

    async def update_order(self, item_id: int, data: OrderUpdate) -> OrderRead:
        entity = await self._order_repository.get_order(item_id)
        if entity is None:
            raise NotFoundError(f"Order {item_id} not found")
        changes = data.model_dump(exclude_unset=True)
        entity = await self._order_repository.update_order(entity, changes)
        await self._hot_cache.delete(f"order:{item_id}")
        return OrderRead.model_validate(entity)

    async def delete_order(self, item_id: int) -> None:
        entity = await self._order_repository.get_order(item_id)
        if entity is None:
            raise NotFoundError(f"Order {item_id} not found")
        await self._order_repository.delete_order(entity)
        await self._hot_cache.delete(f"order:{item_id}")

    async def create_customer(self, data: CustomerCreate) -> CustomerRead:
        return await self._customer_service.create_customer(data)

    async def get_customer(self, item_id: int) -> CustomerRead:
        return await self._customer_service.get_customer(item_id)

    async def list_customers(
        self, offset: int = 0, limit: int = 100
    ) -> list[CustomerRead]:
        return await self._customer_service.list_customers(offset, limit)

    async def update_customer(self, item_id: int, data: CustomerUpdate) -> CustomerRead:
        return await self._customer_service.update_customer(item_id, data)

    async def delete_customer(self, item_id: int) -> None:
        await self._customer_service.delete_customer(item_id)

    def new_order(self, data: OrderCreate) -> Order:
        """A Order built from its create schema, not yet stored."""
        return Order(**data.model_dump())

    async def fetch_from_payments(self, path: str) -> Any:
        return await self._payments.get_json(path)

    def request_run_audit(self, item_id: int) -> None:
        self._enqueue_run_audit(item_id)

    async def send_mail(self, item_id: int) -> None:
        """The work of the send_mail task; runs once per id (the task keeps a ledger)."""
        item = await self.get_order(item_id)
        logger.info("send_mail: handled %s", item.id)
