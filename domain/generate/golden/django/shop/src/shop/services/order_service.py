"""The Order Service service: writes and business rules."""

import logging
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet

from shop.clients.page_cache import PageCache
from shop.clients.payments import PaymentsClient, payments_client
from shop.core.errors import ConflictError, NotFoundError
from shop.models.customer import Customer
from shop.models.order import Order
from shop.selectors.order_repository import OrderRepository

logger = logging.getLogger(__name__)


class OrderService:
    """Business logic of Order Service; collaborators arrive through the constructor
    (the configured ones by default, fakes in tests)."""

    def __init__(
        self,
        order_repository: OrderRepository | None = None,
        payments: PaymentsClient | None = None,
        page_cache: PageCache | None = None,
    ) -> None:
        self._order_repository = order_repository or OrderRepository()
        self._payments = payments or payments_client()
        self._page_cache = page_cache or PageCache()

    def list_orders(self) -> QuerySet[Order]:
        return self._order_repository.list_orders()

    def get_order(self, order_id: int) -> Order:
        key = f"order:{order_id}"
        order = self._page_cache.get(key)
        if order is None:
            order = self._order_repository.get_order(order_id)
            if order is None:
                raise NotFoundError(f"Order {order_id} not found")
            self._page_cache.set(key, order)
        return order

    @transaction.atomic
    def create_order(
        self,
        *,
        customer_email: str,
        total: Decimal,
        paid: bool,
        notes: str | None = None,
        customer_id: int | None = None,
    ) -> Order:
        order = Order(
            customer_email=customer_email,
            total=total,
            paid=paid,
            notes=notes,
            customer_id=self._customer_reference(customer_id),
        )
        order.full_clean(validate_unique=False, validate_constraints=False)
        order.save()
        return order

    @transaction.atomic
    def update_order(self, order_id: int, changes: Mapping[str, Any]) -> Order:
        order = self._require_order(order_id)
        for field, value in changes.items():
            if field == "customer_id":
                value = self._customer_reference(value)
            setattr(order, field, value)
        order.full_clean(validate_unique=False, validate_constraints=False)
        order.save()
        self._page_cache.delete(f"order:{order_id}")
        return order

    @transaction.atomic
    def delete_order(self, order_id: int) -> None:
        self._require_order(order_id).delete()
        self._page_cache.delete(f"order:{order_id}")

    def list_customers(self) -> QuerySet[Customer]:
        return self._order_repository.list_customers()

    def get_customer(self, customer_id: int) -> Customer:
        key = f"customer:{customer_id}"
        customer = self._page_cache.get(key)
        if customer is None:
            customer = self._order_repository.get_customer(customer_id)
            if customer is None:
                raise NotFoundError(f"Customer {customer_id} not found")
            self._page_cache.set(key, customer)
        return customer

    @transaction.atomic
    def create_customer(self, *, email: str, joined: date | None = None) -> Customer:
        self._check_customer_email_free(email)
        customer = Customer(email=email, joined=joined)
        customer.full_clean(validate_unique=False, validate_constraints=False)
        customer.save()
        return customer

    @transaction.atomic
    def update_customer(self, customer_id: int, changes: Mapping[str, Any]) -> Customer:
        customer = self._require_customer(customer_id)
        if changes.get("email") is not None:
            self._check_customer_email_free(changes["email"], customer_id)
        for field, value in changes.items():
            setattr(customer, field, value)
        customer.full_clean(validate_unique=False, validate_constraints=False)
        customer.save()
        self._page_cache.delete(f"customer:{customer_id}")
        return customer

    @transaction.atomic
    def delete_customer(self, customer_id: int) -> None:
        self._require_customer(customer_id).delete()
        self._page_cache.delete(f"customer:{customer_id}")

    def _require_order(self, order_id: int) -> Order:
        order = self._order_repository.get_order(order_id)
        if order is None:
            raise NotFoundError(f"Order {order_id} not found")
        return order

    def _customer_reference(self, customer_id: int | None) -> int | None:
        """Checks the referenced Customer exists (422 otherwise)."""
        if customer_id is None:
            return None
        if self._order_repository.get_customer(customer_id) is None:
            message = f"Customer {customer_id} does not exist."
            raise ValidationError({"customer_id": message})
        return customer_id

    def _require_customer(self, customer_id: int) -> Customer:
        customer = self._order_repository.get_customer(customer_id)
        if customer is None:
            raise NotFoundError(f"Customer {customer_id} not found")
        return customer

    def _check_customer_email_free(
        self, email: str, customer_id: int | None = None
    ) -> None:
        # A clear 409 first; the unique index still catches a concurrent insert (409).
        if self._order_repository.customer_email_taken(email, customer_id):
            message = f"A Customer with email {email!r} already exists."
            raise ConflictError(message)

    def send_confirmation(self, order_id: int) -> None:
        """The send_confirmation task's work for one Order; runs once per id (the task
        ledger). A raised error rolls the run back, and transient ones are retried."""
        order = self.get_order(order_id)
        self._payments.publish("/orders", order_payload(order))
        logger.info("send_confirmation: handled Order %s", order.pk)


def order_payload(order: Order) -> dict[str, Any]:
    """The Order as the API reads it."""
    return {
        "id": order.pk,
        "customer_email": order.customer_email,
        "total": order.total,
        "paid": order.paid,
        "notes": order.notes,
        "created_at": order.created_at,
        "customer_id": order.customer_id,
    }
