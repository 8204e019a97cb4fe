"""Unit tests of the reminders worker: tasks run eagerly, once per id."""

from sqlalchemy import func, select

from library import wiring
from library.core.db import db, unit_of_work
from library.core.task_runs import TaskRun
from library.schemas.loan import LoanCreate
from library.tasks.reminders import send_confirmation

LOAN = {
    "customer_email": "sample",
    "total": "9.99",
    "paid": True,
    "notes": "Some longer text.",
}


def seed() -> int:
    with unit_of_work() as defer:
        service = wiring.loan_service(defer)
        created = service.create_loan(LoanCreate(**LOAN))
    return created.id


def runs_of(task: str, item_id: int) -> int:
    query = select(func.count()).select_from(TaskRun)
    query = query.where(TaskRun.task == task, TaskRun.item_id == item_id)
    return db.session.scalar(query) or 0


def test_send_confirmation_runs_once_per_id() -> None:
    item_id = seed()
    send_confirmation(item_id)
    send_confirmation(item_id)
    runs = runs_of("reminders.send_confirmation", item_id)
    assert runs == 1
