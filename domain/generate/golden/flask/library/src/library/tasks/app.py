"""The Celery app, and the run-once helper every task goes through (inside a Flask app context)."""

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from functools import lru_cache

from celery import Celery
from celery.schedules import crontab
from flask import Flask, has_app_context
from redis import Redis

from library.core.config import get_settings
from library.core.db import Defer, engine_options, unit_of_work
from library.core.errors import NotFoundError
from library.core.logging import configure_logging
from library.core.task_runs import already_done, mark_done

settings = get_settings()
configure_logging(settings.log_level)
logger = logging.getLogger(__name__)


celery_app = Celery(
    "library",
    broker=settings.broker_url,
    include=["library.tasks.reminders"],
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
    broker_connection_timeout=5,
)


def schedule_of(value: str) -> crontab | float:
    """A cron expression (UTC) or a number of seconds, as the *_SCHEDULE settings hold them."""
    if value.isdigit():
        return float(value)
    minute, hour, day_of_month, month_of_year, day_of_week = value.split()
    return crontab(minute, hour, day_of_week, day_of_month, month_of_year)


# Celery beat runs each drawn scheduler's sweeps.
celery_app.conf.timezone = "UTC"
celery_app.conf.beat_schedule = {
    "overdue_check: reminders.send_confirmation": {
        "task": "library.reminders.sweep_send_confirmation",
        "schedule": schedule_of(settings.overdue_check_schedule),
    },
}


Work = Callable[[Defer, int], None]


@lru_cache
def worker_app() -> Flask:
    """The app a task runs in outside a request: no pool shared across forked processes."""
    from library import create_app

    options = engine_options(settings, pooled=False)
    return create_app({"SQLALCHEMY_ENGINE_OPTIONS": options})


def app_context() -> AbstractContextManager[object]:
    """The current app context (a request, a test), else the worker's own."""
    return nullcontext() if has_app_context() else worker_app().app_context()


def run_once(task: str, item_id: int, work: Work) -> bool:
    """Runs `work` once per (task, id); what it defers is enqueued after the commit."""
    with app_context():
        if already_done(task, item_id):
            logger.info("%s(%s) already done", task, item_id)
            return False
        try:
            with unit_of_work() as defer:
                work(defer, item_id)
                mark_done(task, item_id)
        except NotFoundError as error:
            logger.warning("%s(%s) skipped: %s", task, item_id, error)
            return False
    return True


def ping_broker() -> None:
    """Raises when the broker does not answer (the readiness check)."""
    if settings.tasks_eager:
        return
    Redis.from_url(settings.broker_url, socket_connect_timeout=2).ping()
