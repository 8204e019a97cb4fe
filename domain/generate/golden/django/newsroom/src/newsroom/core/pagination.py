"""Offset paging with bounds: a bad offset or limit answers 422, never 500."""

from django.db.models import QuerySet
from rest_framework import serializers
from rest_framework.request import Request

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 100


class PageSerializer(serializers.Serializer):
    offset = serializers.IntegerField(min_value=0, default=0)
    limit = serializers.IntegerField(
        min_value=1, max_value=MAX_PAGE_SIZE, default=DEFAULT_PAGE_SIZE
    )


def page(queryset: QuerySet, request: Request) -> QuerySet:
    """The slice ?offset=&limit= asks for (validated: 422 when out of range)."""
    params = PageSerializer(data=request.query_params)
    params.is_valid(raise_exception=True)
    offset, limit = params.validated_data["offset"], params.validated_data["limit"]
    return queryset[offset : offset + limit]
