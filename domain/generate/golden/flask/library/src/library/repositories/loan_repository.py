"""The loan repository repository."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from library.models.loan import Loan
from library.models.member import Member
from library.schemas.loan import LoanCreate
from library.schemas.member import MemberCreate


class LoanRepository:
    """Data access for Loan, Member; flushes, never commits: the caller owns the transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add_loan(self, data: LoanCreate) -> Loan:
        entity = Loan(**data.model_dump())
        self._session.add(entity)
        self._session.flush()
        self._session.refresh(entity)
        return entity

    def get_loan(self, item_id: int) -> Loan | None:
        return self._session.get(Loan, item_id)

    def list_loans(self, offset: int = 0, limit: int = 100) -> list[Loan]:
        model = Loan
        query = select(model).order_by(model.id).offset(offset).limit(limit)
        return list(self._session.scalars(query))

    def loan_ids_after(self, after_id: int, limit: int) -> list[int]:
        """One page of ids in id order, after `after_id`: a sweep pages through all."""
        model = Loan
        query = select(model.id).where(model.id > after_id).order_by(model.id)
        return list(self._session.scalars(query.limit(limit)))

    def update_loan(self, entity: Loan, changes: dict[str, Any]) -> Loan:
        for key, value in changes.items():
            setattr(entity, key, value)
        self._session.flush()
        self._session.refresh(entity)
        return entity

    def delete_loan(self, entity: Loan) -> None:
        self._session.delete(entity)
        self._session.flush()

    def add_member(self, data: MemberCreate) -> Member:
        entity = Member(**data.model_dump())
        self._session.add(entity)
        self._session.flush()
        self._session.refresh(entity)
        return entity

    def get_member(self, item_id: int) -> Member | None:
        return self._session.get(Member, item_id)

    def list_members(self, offset: int = 0, limit: int = 100) -> list[Member]:
        model = Member
        query = select(model).order_by(model.id).offset(offset).limit(limit)
        return list(self._session.scalars(query))

    def member_ids_after(self, after_id: int, limit: int) -> list[int]:
        """One page of ids in id order, after `after_id`: a sweep pages through all."""
        model = Member
        query = select(model.id).where(model.id > after_id).order_by(model.id)
        return list(self._session.scalars(query.limit(limit)))

    def update_member(self, entity: Member, changes: dict[str, Any]) -> Member:
        for key, value in changes.items():
            setattr(entity, key, value)
        self._session.flush()
        self._session.refresh(entity)
        return entity

    def delete_member(self, entity: Member) -> None:
        self._session.delete(entity)
        self._session.flush()
