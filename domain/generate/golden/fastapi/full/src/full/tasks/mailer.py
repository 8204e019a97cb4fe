"""Tasks of the mailer worker: idempotent, taking ids, retried with backoff."""

import logging

from celery import Task
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from full import container
from full.clients.hot_cache import HotCache
from full.core.db import Defer
from full.models.order import Order
from full.repositories.customer_repository import CustomerRepository
from full.services.order_service import OrderService
from full.tasks.app import celery_app, enqueue, run_once
from full.tasks.audit import enqueue_run_audit

logger = logging.getLogger(__name__)


@celery_app.task(
    bind=True,
    name="full.mailer.send_mail",
    autoretry_for=(OperationalError, ConnectionError),
    retry_backoff=True,
    max_retries=5,
)
def send_mail(self: Task, item_id: int) -> bool:
    """Idempotent: a second run for the same id changes nothing."""
    logger.info("send_mail(%s), attempt %s", item_id, self.request.retries + 1)
    return run_once("mailer.send_mail", item_id, _send_mail)


def enqueue_send_mail(item_id: int) -> None:
    enqueue(send_mail, item_id)


async def _send_mail(session: AsyncSession, defer: Defer, item_id: int) -> None:
    service: OrderService = container.order_service(session, defer)
    await service.send_mail(item_id)
    repository: CustomerRepository = container.customer_repository(session)
    logger.info("send_mail: %s", await repository.get_customer(item_id))
    logger.info("send_mail: %s", await session.get(Order, item_id))
    defer(enqueue_run_audit, item_id)
    cache: HotCache = container.hot_cache()
    await cache.incr("send_mail:runs")
