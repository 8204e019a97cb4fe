"""Cache client for hot cache."""

from typing import Self

from redis.asyncio import Redis

from full.core.config import get_settings


class HotCache:
    """Redis cache for hot_cache; `memory://` keeps values in this process (tests)."""

    _memory: dict[str, int] = {}

    def __init__(self, url: str) -> None:
        self._url = url

    @classmethod
    def from_settings(cls) -> Self:
        return cls(get_settings().hot_cache_url)

    async def incr(self, key: str) -> int:
        if self._url.startswith("memory://"):
            self._memory[key] = self._memory.get(key, 0) + 1
            return self._memory[key]
        async with Redis.from_url(self._url) as redis:
            return int(await redis.incr(key))

    async def get_count(self, key: str) -> int:
        if self._url.startswith("memory://"):
            return self._memory.get(key, 0)
        async with Redis.from_url(self._url) as redis:
            value = await redis.get(key)
        return int(value or 0)
