"""Tasks of the audit worker: idempotent, taking ids, retried with backoff."""

import logging

from celery import Task
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from full.core.db import Defer
from full.tasks.app import celery_app, enqueue, run_once

logger = logging.getLogger(__name__)


@celery_app.task(
    bind=True,
    name="full.audit.run_audit",
    autoretry_for=(OperationalError, ConnectionError),
    retry_backoff=True,
    max_retries=5,
)
def run_audit(self: Task, item_id: int) -> bool:
    """Idempotent: a second run for the same id changes nothing."""
    logger.info("run_audit(%s), attempt %s", item_id, self.request.retries + 1)
    return run_once("audit.run_audit", item_id, _run_audit)


def enqueue_run_audit(item_id: int) -> None:
    enqueue(run_audit, item_id)


async def _run_audit(session: AsyncSession, defer: Defer, item_id: int) -> None:
    logger.info("run_audit: handled %s", item_id)
