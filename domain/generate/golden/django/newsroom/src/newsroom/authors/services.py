"""The author service service: writes and business rules."""

import logging
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from newsroom.authors.models import Author
from newsroom.authors.selectors import AuthorRepository
from newsroom.core.errors import ConflictError, NotFoundError

logger = logging.getLogger(__name__)


class AuthorService:
    """Business logic of author service; collaborators arrive through the constructor
    (the configured ones by default, fakes in tests)."""

    def __init__(self, author_repository: AuthorRepository | None = None) -> None:
        self._author_repository = author_repository or AuthorRepository()

    def list_authors(self) -> QuerySet[Author]:
        return self._author_repository.list_authors()

    def get_author(self, author_id: int) -> Author:
        author = self._author_repository.get_author(author_id)
        if author is None:
            raise NotFoundError(f"Author {author_id} not found")
        return author

    @transaction.atomic
    def create_author(self, *, name: str, email: str) -> Author:
        self._check_author_email_free(email)
        author = Author(name=name, email=email)
        author.full_clean(validate_unique=False, validate_constraints=False)
        author.save()
        return author

    @transaction.atomic
    def update_author(self, author_id: int, changes: Mapping[str, Any]) -> Author:
        author = self._require_author(author_id)
        if changes.get("email") is not None:
            self._check_author_email_free(changes["email"], author_id)
        for field, value in changes.items():
            setattr(author, field, value)
        author.full_clean(validate_unique=False, validate_constraints=False)
        author.save()
        return author

    @transaction.atomic
    def delete_author(self, author_id: int) -> None:
        self._require_author(author_id).delete()

    def _require_author(self, author_id: int) -> Author:
        author = self._author_repository.get_author(author_id)
        if author is None:
            raise NotFoundError(f"Author {author_id} not found")
        return author

    def _check_author_email_free(
        self, email: str, author_id: int | None = None
    ) -> None:
        # A clear 409 first; the unique index still catches a concurrent insert (409).
        if self._author_repository.author_email_taken(email, author_id):
            message = f"A author with email {email!r} already exists."
            raise ConflictError(message)
