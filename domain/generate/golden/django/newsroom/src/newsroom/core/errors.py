"""Errors the service layer raises; the API layer maps them to HTTP statuses."""


class ApplicationError(Exception):
    """Base of the errors below; carries a message meant for the API client."""


class NotFoundError(ApplicationError):
    """The item asked for does not exist (404)."""


class ConflictError(ApplicationError):
    """The write clashes with stored data: a duplicate or a row still referenced (409)."""


class TaskQueueUnavailableError(ApplicationError):
    """The broker did not take the task (503); nothing was enqueued."""


class UpstreamUnavailableError(ApplicationError):
    """An external API failed in a way worth retrying: 5xx or no connection (502)."""


class UpstreamTimeoutError(UpstreamUnavailableError):
    """An external API did not answer in time (504); retried like any outage."""


class UpstreamRejectedError(ApplicationError):
    """An external API refused the request (4xx): retrying will not help (502)."""
