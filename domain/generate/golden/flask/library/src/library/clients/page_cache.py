"""Cache client for page cache."""

import json
import logging
from functools import lru_cache
from typing import Any, ClassVar, Self

from redis import Redis, RedisError

from library.core.config import get_settings

logger = logging.getLogger(__name__)


@lru_cache
def _redis(url: str) -> Redis:
    """One client (and so one connection pool) per URL and process."""
    return Redis.from_url(url, socket_timeout=1.0, socket_connect_timeout=1.0)


class PageCache:
    """Read-through cache on Redis for page_cache: values expire after `ttl_seconds`.

    One connection pool per process. When Redis is down a read is a miss and a write
    is skipped, both logged: the cache never fails a request. `memory://` keeps
    values in this process (tests).
    """

    _memory: ClassVar[dict[str, str]] = {}

    def __init__(self, url: str, ttl_seconds: int = 300) -> None:
        self._url = url
        self._ttl = ttl_seconds

    @classmethod
    def from_settings(cls) -> Self:
        return cls(get_settings().page_cache_url)

    def get_json(self, key: str) -> Any | None:
        if self._url.startswith("memory://"):
            raw: str | bytes | None = self._memory.get(key)
        else:
            try:
                raw = _redis(self._url).get(key)
            except (RedisError, OSError) as error:
                logger.warning("cache down, reading %s from the source: %s", key, error)
                return None
        return None if raw is None else json.loads(raw)

    def set_json(self, key: str, value: Any) -> None:
        text = json.dumps(value)
        if self._url.startswith("memory://"):
            self._memory[key] = text
            return
        try:
            _redis(self._url).set(key, text, ex=self._ttl)
        except (RedisError, OSError) as error:
            logger.warning("cache down, not keeping %s: %s", key, error)

    def delete(self, key: str) -> None:
        if self._url.startswith("memory://"):
            self._memory.pop(key, None)
            return
        try:
            _redis(self._url).delete(key)
        except (RedisError, OSError) as error:
            logger.warning("cache down, %s stays until it expires: %s", key, error)

    def incr(self, key: str) -> int:
        """A counter (0 when Redis is down)."""
        if self._url.startswith("memory://"):
            self._memory[key] = str(int(self._memory.get(key, "0")) + 1)
            return int(self._memory[key])
        try:
            return int(_redis(self._url).incr(key))
        except (RedisError, OSError) as error:
            logger.warning("cache down, not counting %s: %s", key, error)
            return 0

    def ping(self) -> None:
        """Raises when the cache does not answer (the readiness check)."""
        if not self._url.startswith("memory://"):
            _redis(self._url).ping()
