"""Errors the services raise; the web layer maps them to HTTP responses."""


class NotFoundError(LookupError):
    """The requested item does not exist."""
