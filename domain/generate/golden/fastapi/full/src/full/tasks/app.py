"""The Celery app and the run-once helper every task goes through."""

import asyncio
import logging
from collections.abc import Awaitable, Callable

from celery import Celery, Task
from kombu.exceptions import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from full.core.config import get_settings
from full.core.db import Defer, task_session
from full.core.errors import BrokerUnavailableError, NotFoundError
from full.core.logging import configure_logging
from full.core.task_runs import already_done, mark_done

settings = get_settings()
configure_logging(settings.log_level)
logger = logging.getLogger(__name__)


celery_app = Celery(
    "full",
    broker=settings.broker_url,
    include=["full.tasks.audit", "full.tasks.mailer"],
)
celery_app.conf.update(
    task_default_queue=settings.task_queue,
    task_serializer="json",
    accept_content=["json"],
    task_ignore_result=True,
    task_acks_late=True,
    worker_prefetch_multiplier=1,
    task_always_eager=settings.tasks_eager,
    task_eager_propagates=True,
    broker_connection_retry_on_startup=True,
    # A request that enqueues gives up within seconds when the broker is down (503).
    broker_connection_timeout=3,
    task_publish_retry_policy={
        "max_retries": 2,
        "interval_start": 0,
        "interval_step": 0.5,
        "interval_max": 1,
    },
)


def enqueue(task: Task, item_id: int) -> None:
    """Sends the task (runs it at once under TASKS_EAGER); a broker that cannot be
    reached raises BrokerUnavailableError, which the API answers with 503."""
    try:
        task.delay(item_id)
    except OperationalError as error:
        raise BrokerUnavailableError(str(error)) from error


def ping_broker() -> None:
    """Raises when the broker cannot be reached within a few seconds (readiness)."""
    with celery_app.connection_for_write() as connection:
        connection.ensure_connection(max_retries=1, interval_start=0, timeout=3)


Work = Callable[[AsyncSession, Defer, int], Awaitable[None]]


def run_once(task: str, item_id: int, work: Work) -> bool:
    """Runs `work` once per (task, id); what it defers is enqueued after the commit."""
    deferred: list[tuple[Callable[..., object], tuple[object, ...]]] = []

    def defer(function: Callable[..., object], *args: object) -> None:
        deferred.append((function, args))

    done = asyncio.run(_run_once(task, item_id, work, defer))
    # Outside the event loop: an eager task may start its own.
    for function, args in deferred:
        function(*args)
    return done


async def _run_once(task: str, item_id: int, work: Work, defer: Defer) -> bool:
    async with task_session() as session:
        if await already_done(session, task, item_id):
            logger.info("%s(%s) already done", task, item_id)
            return False
        try:
            await work(session, defer, item_id)
        except NotFoundError as error:
            logger.warning("%s(%s) skipped: %s", task, item_id, error)
            return False
        mark_done(session, task, item_id)
        await session.commit()
    return True
