"""Models of the authors feature."""

from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=255)
    email = models.CharField(max_length=255, unique=True)

    def __str__(self) -> str:
        return f"Author {self.pk}"
