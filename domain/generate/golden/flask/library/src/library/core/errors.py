"""Errors the services raise; the web layer maps them to HTTP responses."""


class NotFoundError(LookupError):
    """The requested item does not exist."""


class TaskQueueUnavailableError(RuntimeError):
    """The broker did not take a task: the API answers 503 and nothing is lost silently."""
