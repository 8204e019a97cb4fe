"""Errors the services raise; the web layer maps them to HTTP responses."""


class NotFoundError(LookupError):
    """The requested item does not exist."""


class BrokerUnavailableError(ConnectionError):
    """The task broker cannot be reached: the task was not queued."""
