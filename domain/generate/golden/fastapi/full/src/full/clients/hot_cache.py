"""Cache client for hot cache."""

import asyncio
import json
import logging
from typing import Any, ClassVar, Self
from weakref import WeakKeyDictionary

from redis.asyncio import Redis
from redis.exceptions import RedisError

from full.core.config import get_settings

logger = logging.getLogger(__name__)
# One Redis client (and its connection pool) per event loop and URL.
Pools = WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, Redis]]


class HotCache:
    """Read-through cache on Redis for hot_cache: values expire after `ttl_seconds`.

    One connection pool per process and event loop. When Redis is down a read is a miss
    and a write is skipped, both logged: the cache never fails a request.
    `memory://` keeps values in this process (tests).
    """

    _memory: ClassVar[dict[str, str]] = {}
    _pools: ClassVar[Pools] = WeakKeyDictionary()

    def __init__(self, url: str, ttl_seconds: int = 300) -> None:
        self._url = url
        self._ttl = ttl_seconds

    @classmethod
    def from_settings(cls) -> Self:
        return cls(get_settings().hot_cache_url)

    def _redis(self) -> Redis:
        pools = self._pools.setdefault(asyncio.get_running_loop(), {})
        if self._url not in pools:
            pools[self._url] = Redis.from_url(
                self._url, socket_timeout=1.0, socket_connect_timeout=1.0
            )
        return pools[self._url]

    async def get_json(self, key: str) -> Any | None:
        if self._url.startswith("memory://"):
            raw: str | bytes | None = self._memory.get(key)
        else:
            try:
                raw = await self._redis().get(key)
            except (RedisError, OSError) as error:
                logger.warning("cache down, reading %s from the source: %s", key, error)
                return None
        return None if raw is None else json.loads(raw)

    async def set_json(self, key: str, value: Any) -> None:
        text = json.dumps(value)
        if self._url.startswith("memory://"):
            self._memory[key] = text
            return
        try:
            await self._redis().set(key, text, ex=self._ttl)
        except (RedisError, OSError) as error:
            logger.warning("cache down, not keeping %s: %s", key, error)

    async def delete(self, key: str) -> None:
        if self._url.startswith("memory://"):
            self._memory.pop(key, None)
            return
        try:
            await self._redis().delete(key)
        except (RedisError, OSError) as error:
            logger.warning("cache down, %s stays until it expires: %s", key, error)

    async def incr(self, key: str) -> int:
        """A counter (0 when Redis is down)."""
        if self._url.startswith("memory://"):
            self._memory[key] = str(int(self._memory.get(key, "0")) + 1)
            return int(self._memory[key])
        try:
            return int(await self._redis().incr(key))
        except (RedisError, OSError) as error:
            logger.warning("cache down, not counting %s: %s", key, error)
            return 0
