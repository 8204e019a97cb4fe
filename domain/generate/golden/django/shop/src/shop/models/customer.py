"""The Customer model."""

from django.db import models


class Customer(models.Model):
    email = models.CharField(max_length=255, unique=True)
    joined = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Customer {self.pk}"
