"""Tasks of the reminders worker: idempotent, taking ids, retried with backoff."""

import logging

from celery import Task
from kombu.exceptions import OperationalError as BrokerError
from sqlalchemy.exc import OperationalError

from library import wiring
from library.core.db import Defer
from library.core.errors import TaskQueueUnavailableError
from library.core.task_runs import pending_after
from library.services.loan_service import LoanService
from library.tasks.app import app_context, celery_app, run_once

logger = logging.getLogger(__name__)


@celery_app.task(
    bind=True,
    name="library.reminders.send_confirmation",
    autoretry_for=(OperationalError, ConnectionError),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=5,
)
def send_confirmation(self: Task, item_id: int) -> bool:
    """Idempotent: a second run for the same id changes nothing."""
    logger.info("send_confirmation(%s), attempt %s", item_id, self.request.retries + 1)
    return run_once("reminders.send_confirmation", item_id, _send_confirmation)


def enqueue_send_confirmation(item_id: int) -> None:
    """Enqueues send_confirmation; raises TaskQueueUnavailableError when the broker does not take
    it (the API answers 503: nothing is lost silently)."""
    try:
        send_confirmation.delay(item_id)
    except (BrokerError, OSError) as error:
        message = f"The task queue is unavailable: send_confirmation({item_id}) was not queued; retry later."
        raise TaskQueueUnavailableError(message) from error


def _send_confirmation(defer: Defer, item_id: int) -> None:
    service: LoanService = wiring.loan_service(defer)
    service.send_confirmation(item_id)


SWEEP_BATCH = 500


@celery_app.task(name="library.reminders.sweep_send_confirmation")
def sweep_send_confirmation() -> int:
    """Enqueues send_confirmation for every Loan it has not handled yet, page by
    page through all rows; returns how many."""
    enqueued, after_id = 0, 0
    with app_context():
        service = wiring.loan_service(lambda *args: None)
        while batch := service.loan_ids_after(after_id, SWEEP_BATCH):
            for item_id in pending_after("reminders.send_confirmation", batch):
                enqueue_send_confirmation(item_id)
                enqueued += 1
            after_id = batch[-1]
    return enqueued
