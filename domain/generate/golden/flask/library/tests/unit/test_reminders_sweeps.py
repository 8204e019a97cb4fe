"""Unit tests of the sweeps the schedulers run for the reminders worker: every pending item once."""

from library import wiring
from library.core.db import unit_of_work
from library.schemas.loan import LoanCreate
from library.tasks.reminders import sweep_send_confirmation

LOAN = {
    "customer_email": "sample",
    "total": "9.99",
    "paid": True,
    "notes": "Some longer text.",
}


def seed() -> None:
    with unit_of_work() as defer:
        service = wiring.loan_service(defer)
        service.create_loan(LoanCreate(**LOAN))


def test_sweep_send_confirmation_enqueues_each_pending_item_once() -> None:
    seed()
    assert sweep_send_confirmation() >= 1
    assert sweep_send_confirmation() == 0
