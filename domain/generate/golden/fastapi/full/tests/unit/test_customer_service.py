"""Unit tests of the customer service service, on a real SQLite session."""

from full import container
from full.core.db import task_session
from full.schemas.customer import CustomerCreate
from full.services.customer_service import CustomerService

CUSTOMER = {"name": "sample"}


async def test_customer_service_is_built_with_its_dependencies() -> None:
    deferred: list[tuple[object, ...]] = []
    async with task_session() as session:
        service = container.customer_service(
            session, lambda *args: deferred.append(args)
        )
        assert isinstance(service, CustomerService)
        created = await service.create_customer(CustomerCreate(**CUSTOMER))
        fetched = await service.get_customer(created.id)
        assert fetched.id == created.id
        assert len(deferred) == 0
