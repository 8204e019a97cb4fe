"""The article service service: writes and business rules."""

import logging
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet

from newsroom.articles.clients import WireServiceClient, wire_service_client
from newsroom.articles.models import Article
from newsroom.articles.selectors import ArticleRepository
from newsroom.authors.models import Author
from newsroom.authors.services import AuthorService
from newsroom.core.errors import ConflictError, NotFoundError

logger = logging.getLogger(__name__)


class ArticleService:
    """Business logic of article service; collaborators arrive through the constructor
    (the configured ones by default, fakes in tests)."""

    def __init__(
        self,
        article_repository: ArticleRepository | None = None,
        author_service: AuthorService | None = None,
        wire_service: WireServiceClient | None = None,
    ) -> None:
        self._article_repository = article_repository or ArticleRepository()
        self._author_service = author_service or AuthorService()
        self._wire_service = wire_service or wire_service_client()

    def list_articles(self) -> QuerySet[Article]:
        return self._article_repository.list_articles()

    def get_article(self, article_id: int) -> Article:
        article = self._article_repository.get_article(article_id)
        if article is None:
            raise NotFoundError(f"Article {article_id} not found")
        return article

    @transaction.atomic
    def create_article(
        self,
        *,
        headline: str,
        slug: str,
        body: str,
        published_at: datetime | None = None,
        author_id: int | None = None,
    ) -> Article:
        self._check_article_slug_free(slug)
        article = Article(
            headline=headline,
            slug=slug,
            body=body,
            published_at=published_at,
            author_id=self._author_reference(author_id),
        )
        article.full_clean(validate_unique=False, validate_constraints=False)
        article.save()
        return article

    @transaction.atomic
    def update_article(self, article_id: int, changes: Mapping[str, Any]) -> Article:
        article = self._require_article(article_id)
        if changes.get("slug") is not None:
            self._check_article_slug_free(changes["slug"], article_id)
        for field, value in changes.items():
            if field == "author_id":
                value = self._author_reference(value)
            setattr(article, field, value)
        article.full_clean(validate_unique=False, validate_constraints=False)
        article.save()
        return article

    @transaction.atomic
    def delete_article(self, article_id: int) -> None:
        self._require_article(article_id).delete()

    def list_authors(self) -> QuerySet[Author]:
        return self._author_service.list_authors()

    def get_author(self, author_id: int) -> Author:
        return self._author_service.get_author(author_id)

    def create_author(self, **fields: Any) -> Author:
        return self._author_service.create_author(**fields)

    def update_author(self, author_id: int, changes: Mapping[str, Any]) -> Author:
        return self._author_service.update_author(author_id, changes)

    def delete_author(self, author_id: int) -> None:
        self._author_service.delete_author(author_id)

    def _require_article(self, article_id: int) -> Article:
        article = self._article_repository.get_article(article_id)
        if article is None:
            raise NotFoundError(f"Article {article_id} not found")
        return article

    def _check_article_slug_free(
        self, slug: str, article_id: int | None = None
    ) -> None:
        # A clear 409 first; the unique index still catches a concurrent insert (409).
        if self._article_repository.article_slug_taken(slug, article_id):
            message = f"A article with slug {slug!r} already exists."
            raise ConflictError(message)

    def _author_reference(self, author_id: int | None) -> int | None:
        """Checks the referenced author exists (422 otherwise)."""
        if author_id is None:
            return None
        try:
            self._author_service.get_author(author_id)
        except NotFoundError:
            message = f"author {author_id} does not exist."
            raise ValidationError({"author_id": message}) from None
        return author_id

    def publish_article(self, article_id: int) -> None:
        """The publish_article task's work for one article; runs once per id (the task
        ledger). A raised error rolls the run back, and transient ones are retried."""
        article = self.get_article(article_id)
        self._wire_service.publish("/articles", article_payload(article))
        logger.info("publish_article: handled article %s", article.pk)

    def index_article(self, article_id: int) -> None:
        """The index_article task's work for one article; runs once per id (the task
        ledger). A raised error rolls the run back, and transient ones are retried."""
        article = self.get_article(article_id)
        self._wire_service.publish("/articles", article_payload(article))
        logger.info("index_article: handled article %s", article.pk)

    def articles_pending(self, task: str, after_id: int, batch: int) -> list[int]:
        return self._article_repository.article_ids_pending(task, after_id, batch)


def article_payload(article: Article) -> dict[str, Any]:
    """The article as the API reads it."""
    return {
        "id": article.pk,
        "headline": article.headline,
        "slug": article.slug,
        "body": article.body,
        "published_at": article.published_at,
        "author_id": article.author_id,
    }
