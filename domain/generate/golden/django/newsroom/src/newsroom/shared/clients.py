"""The page cache cache: the Django cache alias page_cache, degrading to a miss when down."""

import logging
from typing import Any

from django.core.cache import BaseCache, caches
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class PageCache:
    """Cache-aside helper: a failing cache server is logged and treated as a miss."""

    def __init__(self, backend: BaseCache | None = None) -> None:
        self._backend = backend if backend is not None else caches["page_cache"]

    def get(self, key: str) -> Any | None:
        try:
            return self._backend.get(key)
        except (RedisError, OSError) as error:
            logger.warning("page cache get %s failed: %s", key, error)
            return None

    def set(self, key: str, value: Any) -> None:
        try:
            self._backend.set(key, value)
        except (RedisError, OSError) as error:
            logger.warning("page cache set %s failed: %s", key, error)

    def delete(self, key: str) -> None:
        try:
            self._backend.delete(key)
        except (RedisError, OSError) as error:
            logger.warning("page cache delete %s failed: %s", key, error)
