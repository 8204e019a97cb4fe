"""The Order model."""

from django.db import models

from shop.models.customer import Customer


class Order(models.Model):
    customer_email = models.CharField(max_length=255)
    total = models.DecimalField(max_digits=12, decimal_places=2)
    paid = models.BooleanField()
    notes = models.TextField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The drawn edge Order -> Customer: a referenced row cannot be deleted (409).
    customer = models.ForeignKey(
        Customer, null=True, blank=True, on_delete=models.PROTECT
    )

    def __str__(self) -> str:
        return f"Order {self.pk}"
