"""The Loan Service service."""

import logging
from typing import Any

from library.clients.page_cache import PageCache
from library.clients.payments import PaymentsClient
from library.core.errors import NotFoundError
from library.repositories.loan_repository import LoanRepository
from library.schemas.loan import LoanCreate, LoanRead, LoanUpdate
from library.schemas.member import MemberCreate, MemberRead, MemberUpdate

logger = logging.getLogger(__name__)


class LoanService:
    """Business logic of Loan Service; dependencies arrive through the constructor."""

    def __init__(
        self,
        loan_repository: LoanRepository,
        payments: PaymentsClient,
        page_cache: PageCache,
    ) -> None:
        self._loan_repository = loan_repository
        self._payments = payments
        self._page_cache = page_cache

    def create_loan(self, data: LoanCreate) -> LoanRead:
        entity = self._loan_repository.add_loan(data)
        return LoanRead.model_validate(entity)

    def get_loan(self, item_id: int) -> LoanRead:
        key = f"loan:{item_id}"
        cached = self._page_cache.get_json(key)
        if cached is not None:
            return LoanRead.model_validate(cached)
        entity = self._loan_repository.get_loan(item_id)
        if entity is None:
            raise NotFoundError(f"Loan {item_id} not found")
        item = LoanRead.model_validate(entity)
        self._page_cache.set_json(key, item.model_dump(mode="json"))
        return item

    def list_loans(self, offset: int = 0, limit: int = 100) -> list[LoanRead]:
        entities = self._loan_repository.list_loans(offset, limit)
        return [LoanRead.model_validate(e) for e in entities]

    def update_loan(self, item_id: int, data: LoanUpdate) -> LoanRead:
        entity = self._loan_repository.get_loan(item_id)
        if entity is None:
            raise NotFoundError(f"Loan {item_id} not found")
        changes = data.model_dump(exclude_unset=True)
        entity = self._loan_repository.update_loan(entity, changes)
        self._page_cache.delete(f"loan:{item_id}")
        return LoanRead.model_validate(entity)

    def delete_loan(self, item_id: int) -> None:
        entity = self._loan_repository.get_loan(item_id)
        if entity is None:
            raise NotFoundError(f"Loan {item_id} not found")
        self._loan_repository.delete_loan(entity)
        self._page_cache.delete(f"loan:{item_id}")

    def loan_ids_after(self, after_id: int, limit: int) -> list[int]:
        return self._loan_repository.loan_ids_after(after_id, limit)

    def create_member(self, data: MemberCreate) -> MemberRead:
        entity = self._loan_repository.add_member(data)
        return MemberRead.model_validate(entity)

    def get_member(self, item_id: int) -> MemberRead:
        key = f"member:{item_id}"
        cached = self._page_cache.get_json(key)
        if cached is not None:
            return MemberRead.model_validate(cached)
        entity = self._loan_repository.get_member(item_id)
        if entity is None:
            raise NotFoundError(f"Member {item_id} not found")
        item = MemberRead.model_validate(entity)
        self._page_cache.set_json(key, item.model_dump(mode="json"))
        return item

    def list_members(self, offset: int = 0, limit: int = 100) -> list[MemberRead]:
        entities = self._loan_repository.list_members(offset, limit)
        return [MemberRead.model_validate(e) for e in entities]

    def update_member(self, item_id: int, data: MemberUpdate) -> MemberRead:
        entity = self._loan_repository.get_member(item_id)
        if entity is None:
            raise NotFoundError(f"Member {item_id} not found")
        changes = data.model_dump(exclude_unset=True)
        entity = self._loan_repository.update_member(entity, changes)
        self._page_cache.delete(f"member:{item_id}")
        return MemberRead.model_validate(entity)

    def delete_member(self, item_id: int) -> None:
        entity = self._loan_repository.get_member(item_id)
        if entity is None:
            raise NotFoundError(f"Member {item_id} not found")
        self._loan_repository.delete_member(entity)
        self._page_cache.delete(f"member:{item_id}")

    def member_ids_after(self, after_id: int, limit: int) -> list[int]:
        return self._loan_repository.member_ids_after(after_id, limit)

    def fetch_from_payments(self, path: str) -> Any:
        return self._payments.get_json(path)

    def send_confirmation(self, item_id: int) -> None:
        """The work of the send_confirmation task; runs once per id (the task keeps a ledger)."""
        item = self.get_loan(item_id)
        logger.info("send_confirmation: handled %s", item.id)
