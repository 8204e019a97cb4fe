"""The drawn models, one module each; Django finds them all through this package."""

from shop.models.customer import Customer
from shop.models.order import Order

__all__ = ["Customer", "Order"]
