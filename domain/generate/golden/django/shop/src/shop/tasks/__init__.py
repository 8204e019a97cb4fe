"""Background tasks, one module per drawn worker. The worker imports this package, so
every worker module is imported here and all tasks register."""

from shop.tasks import notifications

__all__ = ["notifications"]
