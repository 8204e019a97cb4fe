"""The notifications worker, run in the test process on the real ORM."""

import os
import subprocess
import sys
from decimal import Decimal

import pytest

from shop.core.models import TaskRun
from shop.models import Order
from shop.tasks import notifications as tasks

pytestmark = pytest.mark.django_db


def items(count: int) -> list[Order]:
    return [new_item() for _ in range(count)]


def new_item() -> Order:
    return Order.objects.create(
        customer_email="sample",
        total=Decimal("9.99"),
        paid=True,
        notes="Some longer text.",
    )


def test_send_confirmation_runs_once_per_id() -> None:
    (item,) = items(1)
    assert tasks.send_confirmation.delay(item.pk).get() == "done"
    assert tasks.send_confirmation.delay(item.pk).get() == "already-done"
    runs = TaskRun.objects.filter(task=tasks.SEND_CONFIRMATION)
    assert runs.filter(item_id=item.pk).count() == 1


def test_send_confirmation_of_a_missing_item_is_skipped() -> None:
    assert tasks.send_confirmation.delay(424242).get() == "not-found"
    runs = TaskRun.objects.filter(task=tasks.SEND_CONFIRMATION)
    assert not runs.exists()


def test_the_worker_command_finds_every_task() -> None:
    script = (
        "from shop.celery import app; app.loader.import_default_modules();"
        "print(sorted(n for n in app.tasks if n.startswith('shop.notifications.')))"
    )
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "shop.settings.test"}
    run = subprocess.run(
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    expected = ["shop.notifications.send_confirmation"]
    assert run.stdout.strip().splitlines()[-1] == str(expected)
