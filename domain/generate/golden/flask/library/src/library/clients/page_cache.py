"""Cache client for page cache."""

import logging
from functools import lru_cache
from typing import Self

from redis import Redis, RedisError

from library.core.config import get_settings

logger = logging.getLogger(__name__)


@lru_cache
def _redis(url: str) -> Redis:
    """One client (and so one connection pool) per URL and process."""
    return Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)


class PageCache:
    """Redis cache for page_cache: one connection pool per process; when Redis is down
    a read is a miss and a count is 0 (logged), never an error. `memory://` keeps
    values in this process (tests)."""

    _memory: dict[str, int] = {}

    def __init__(self, url: str) -> None:
        self._url = url

    @classmethod
    def from_settings(cls) -> Self:
        return cls(get_settings().page_cache_url)

    def incr(self, key: str) -> int:
        if self._url.startswith("memory://"):
            self._memory[key] = self._memory.get(key, 0) + 1
            return self._memory[key]
        try:
            return int(_redis(self._url).incr(key))
        except RedisError as error:
            logger.warning("cache unavailable, %s not counted: %s", key, error)
            return 0

    def get_count(self, key: str) -> int:
        if self._url.startswith("memory://"):
            return self._memory.get(key, 0)
        try:
            value = _redis(self._url).get(key)
        except RedisError as error:
            logger.warning("cache unavailable, %s read as a miss: %s", key, error)
            return 0
        return int(value or 0)

    def ping(self) -> None:
        """Raises when the cache does not answer (the readiness check)."""
        if not self._url.startswith("memory://"):
            _redis(self._url).ping()
