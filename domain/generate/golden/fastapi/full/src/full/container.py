"""The composition root: how each service, repository and client is built, for the web app and the workers alike."""

from functools import partial

from sqlalchemy.ext.asyncio import AsyncSession

from full.clients.hot_cache import HotCache
from full.clients.payments import PaymentsClient
from full.core.db import Defer
from full.repositories.customer_repository import CustomerRepository
from full.repositories.order_repository import OrderRepository
from full.services.customer_service import CustomerService
from full.services.order_service import OrderService
from full.tasks import audit as audit_tasks


def payments_client() -> PaymentsClient:
    return PaymentsClient.from_settings()


def hot_cache() -> HotCache:
    return HotCache.from_settings()


def customer_repository(session: AsyncSession) -> CustomerRepository:
    return CustomerRepository(session)


def order_repository(session: AsyncSession) -> OrderRepository:
    return OrderRepository(
        session, customer_repository=customer_repository(session), hot_cache=hot_cache()
    )


def customer_service(session: AsyncSession, defer: Defer) -> CustomerService:
    return CustomerService(customer_repository=customer_repository(session))


def order_service(session: AsyncSession, defer: Defer) -> OrderService:
    return OrderService(
        order_repository=order_repository(session),
        customer_service=customer_service(session, defer),
        payments=payments_client(),
        hot_cache=hot_cache(),
        enqueue_run_audit=partial(defer, audit_tasks.enqueue_run_audit),
    )
