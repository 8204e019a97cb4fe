"""The order repository selectors: reads. Writes live in services."""

from django.db.models import QuerySet

from shop.models.customer import Customer
from shop.models.order import Order


class OrderRepository:
    """Selectors over Order, Customer; nothing here writes."""

    def list_orders(self) -> QuerySet[Order]:
        return Order.objects.order_by("id")

    def get_order(self, order_id: int) -> Order | None:
        return Order.objects.filter(pk=order_id).first()

    def list_customers(self) -> QuerySet[Customer]:
        return Customer.objects.order_by("id")

    def get_customer(self, customer_id: int) -> Customer | None:
        return Customer.objects.filter(pk=customer_id).first()

    def customer_email_taken(self, email: str, except_id: int | None = None) -> bool:
        query = Customer.objects.filter(email=email)
        return query.exclude(pk=except_id).exists()
