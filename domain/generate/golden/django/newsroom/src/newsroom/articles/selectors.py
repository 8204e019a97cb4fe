"""The article repository selectors: reads. Writes live in services."""

from django.db.models import QuerySet

from newsroom.articles.models import Article
from newsroom.core.ledger import handled_ids


class ArticleRepository:
    """Selectors over Article; nothing here writes."""

    def list_articles(self) -> QuerySet[Article]:
        return Article.objects.order_by("id")

    def get_article(self, article_id: int) -> Article | None:
        return Article.objects.filter(pk=article_id).first()

    def article_slug_taken(self, slug: str, except_id: int | None = None) -> bool:
        query = Article.objects.filter(slug=slug)
        return query.exclude(pk=except_id).exists()

    def article_ids_pending(self, task: str, after_id: int, batch: int) -> list[int]:
        """One page of Article ids the task has not handled yet (keyset paging)."""
        pending = (
            Article.objects.filter(pk__gt=after_id)
            .exclude(pk__in=handled_ids(task))
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        return list(pending[:batch])
