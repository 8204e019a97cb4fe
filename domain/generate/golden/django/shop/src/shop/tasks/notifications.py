"""Tasks of the notifications worker: idempotent, taking ids, retried with backoff."""

import logging

from celery import Task, shared_task
from django.db import OperationalError
from kombu.exceptions import OperationalError as BrokerError

from shop.core.errors import TaskQueueUnavailableError, UpstreamUnavailableError
from shop.core.ledger import Outcome, run_once
from shop.services.order_service import OrderService

logger = logging.getLogger(__name__)


SEND_CONFIRMATION = "notifications.send_confirmation"


@shared_task(
    bind=True,
    name="shop.notifications.send_confirmation",
    # Transient failures only; a 4xx from an external API or a bug is not retried.
    autoretry_for=(OperationalError, UpstreamUnavailableError, ConnectionError),
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=5,
)
def send_confirmation(self: Task, order_id: int) -> Outcome:
    """Idempotent: a second run for the same id changes nothing."""
    logger.info("send_confirmation(%s), attempt %s", order_id, self.request.retries + 1)
    return run_once(SEND_CONFIRMATION, order_id, OrderService().send_confirmation)


def enqueue_send_confirmation(order_id: int) -> None:
    """Enqueues send_confirmation; raises TaskQueueUnavailableError when the broker does not take
    it (the API answers 503, nothing is lost silently)."""
    try:
        send_confirmation.delay(order_id)
    except (BrokerError, OSError) as error:
        message = f"The task queue is unavailable: send_confirmation for Order {order_id} was not queued; retry later."
        raise TaskQueueUnavailableError(message) from error
