"""Runs the work of a task at most once per (task, item id), using the TaskRun ledger."""

import logging
from collections.abc import Callable
from typing import Literal

from django.db import transaction
from django.db.models import QuerySet

from newsroom.core.errors import NotFoundError
from newsroom.core.models import TaskRun

logger = logging.getLogger(__name__)

Outcome = Literal["done", "already-done", "not-found"]


def run_once(task: str, item_id: int, work: Callable[[int], None]) -> Outcome:
    """Claims the ledger row and works in one transaction: an error undoes both, so
    a retried task starts clean. A second run for the same id waits on the claim,
    then finds it and does nothing. A missing item is a permanent skip."""
    with transaction.atomic():
        _, claimed = TaskRun.objects.get_or_create(task=task, item_id=item_id)
        if not claimed:
            logger.info("%s(%s) already done", task, item_id)
            return "already-done"
        try:
            with transaction.atomic():
                work(item_id)
        except NotFoundError as error:
            logger.warning("%s(%s) skipped: %s", task, item_id, error)
            transaction.set_rollback(True)
            return "not-found"
    return "done"


def handled_ids(task: str) -> QuerySet[TaskRun]:
    """The ids a task has handled, as a subquery (never loaded into memory)."""
    return TaskRun.objects.filter(task=task).values("item_id")
