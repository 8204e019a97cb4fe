"""The one place objects are wired: each service, repository and client is built here, per request or task run, on the session of the current app context."""

from library.clients.page_cache import PageCache
from library.clients.payments import PaymentsClient
from library.core.db import Defer, db
from library.repositories.loan_repository import LoanRepository
from library.services.loan_service import LoanService


def payments_client() -> PaymentsClient:
    return PaymentsClient.from_settings()


def page_cache() -> PageCache:
    return PageCache.from_settings()


def loan_repository() -> LoanRepository:
    return LoanRepository(db.session)


def loan_service(defer: Defer) -> LoanService:
    return LoanService(
        loan_repository=loan_repository(),
        payments=payments_client(),
        page_cache=page_cache(),
    )
