"""Models of the articles feature."""

from django.db import models


class Article(models.Model):
    headline = models.CharField(max_length=255)
    slug = models.CharField(max_length=255, unique=True)
    body = models.TextField()
    published_at = models.DateTimeField(null=True, blank=True)
    # The drawn edge article -> author: a referenced row cannot be deleted (409).
    author = models.ForeignKey(
        "authors.Author", null=True, blank=True, on_delete=models.PROTECT
    )

    def __str__(self) -> str:
        return f"Article {self.pk}"
