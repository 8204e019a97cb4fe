"""Unit tests of the Loan Service service, on the real session (rolled back after each test)."""

from library import wiring
from library.schemas.loan import LoanCreate
from library.services.loan_service import LoanService

LOAN = {
    "customer_email": "sample",
    "total": "9.99",
    "paid": True,
    "notes": "Some longer text.",
}


def test_loan_service_is_built_with_its_dependencies() -> None:
    deferred: list[tuple[object, ...]] = []
    service = wiring.loan_service(lambda *args: deferred.append(args))
    assert isinstance(service, LoanService)
    created = service.create_loan(LoanCreate(**LOAN))
    fetched = service.get_loan(created.id)
    assert fetched.id == created.id
    assert len(deferred) == 0
