"""Unit tests of the order service service, on a real SQLite session."""

from full import container
from full.core.db import task_session
from full.schemas.order import OrderCreate
from full.services.order_service import OrderService

ORDER = {"total": "9.99", "note": "Some longer text."}


async def test_order_service_is_built_with_its_dependencies() -> None:
    deferred: list[tuple[object, ...]] = []
    async with task_session() as session:
        service = container.order_service(session, lambda *args: deferred.append(args))
        assert isinstance(service, OrderService)
        created = await service.create_order(OrderCreate(**ORDER))
        fetched = await service.get_order(created.id)
        assert fetched.id == created.id
        assert len(deferred) == 1
