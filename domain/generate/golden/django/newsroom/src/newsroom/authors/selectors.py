"""The author repository selectors: reads. Writes live in services."""

from django.db.models import QuerySet

from newsroom.authors.models import Author


class AuthorRepository:
    """Selectors over Author; nothing here writes."""

    def list_authors(self) -> QuerySet[Author]:
        return Author.objects.order_by("id")

    def get_author(self, author_id: int) -> Author | None:
        return Author.objects.filter(pk=author_id).first()

    def author_email_taken(self, email: str, except_id: int | None = None) -> bool:
        query = Author.objects.filter(email=email)
        return query.exclude(pk=except_id).exists()
