"""Serializer fields shared by the APIs."""

from datetime import datetime

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from rest_framework import serializers


class AwareDateTimeField(serializers.DateTimeField):
    """A datetime with its offset: a naive one is refused (422), never guessed."""

    default_error_messages = {
        "naive": "Give the time zone: 2026-01-31T09:00:00Z or an offset like +01:00.",
    }

    def to_internal_value(self, value: object) -> datetime:
        if isinstance(value, str):
            parsed = parse_datetime(value.strip())
            if parsed is not None and timezone.is_naive(parsed):
                self.fail("naive")
        return super().to_internal_value(value)
