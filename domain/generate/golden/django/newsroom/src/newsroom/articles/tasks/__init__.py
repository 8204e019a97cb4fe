"""Background tasks, one module per drawn worker. The worker imports this package, so
every worker module is imported here and all tasks register."""

from newsroom.articles.tasks import publishing, search_index

__all__ = ["publishing", "search_index"]
