"""The one DRF exception handler: invalid input answers 422 with the field errors DRF writes, malformed JSON keeps 400, and every other error is a detail message with a clear status."""

import logging
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.db.models import ProtectedError, RestrictedError
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler

from newsroom.core.errors import (
    ConflictError,
    NotFoundError,
    TaskQueueUnavailableError,
    UpstreamRejectedError,
    UpstreamTimeoutError,
    UpstreamUnavailableError,
)

logger = logging.getLogger(__name__)

CONFLICT = "The data conflicts with stored data (a duplicate or a row still in use)."


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    if isinstance(exc, exceptions.ValidationError):
        return Response(exc.detail, status=status.HTTP_422_UNPROCESSABLE_ENTITY)
    answer = _status_of(exc)
    if answer is None:
        return drf_exception_handler(exc, context)
    code, detail = answer
    logger.info("%s answered %s: %s", type(exc).__name__, code, exc)
    return Response({"detail": detail}, status=code)


def _status_of(exc: Exception) -> tuple[int, str] | None:
    if isinstance(exc, NotFoundError):
        return status.HTTP_404_NOT_FOUND, str(exc)
    if isinstance(exc, ConflictError):
        return status.HTTP_409_CONFLICT, str(exc)
    if isinstance(exc, IntegrityError | ProtectedError | RestrictedError):
        return status.HTTP_409_CONFLICT, CONFLICT
    if isinstance(exc, TaskQueueUnavailableError):
        return status.HTTP_503_SERVICE_UNAVAILABLE, str(exc)
    if isinstance(exc, UpstreamTimeoutError):
        return status.HTTP_504_GATEWAY_TIMEOUT, str(exc)
    if isinstance(exc, UpstreamUnavailableError | UpstreamRejectedError):
        return status.HTTP_502_BAD_GATEWAY, str(exc)
    return None
