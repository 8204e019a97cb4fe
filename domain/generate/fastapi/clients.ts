/** External nodes become httpx adapters with timeouts; cache nodes a small Redis cache client. */
import type { FastapiModules } from './layout';
import type { NodePlan, Plan } from '../plan/plan';
import { from, plain, type PyImport } from '../python/py';
import { cacheSetting, externalSettings } from '../shared/settings';
import type { Unit } from '../python/unit';

export function clientUnits(plan: Plan, modules: FastapiModules): Unit[] {
  return [...plan.externals.map((x) => externalUnit(x, modules)), ...plan.caches.map((c) => cacheUnit(c, modules))];
}

function externalUnit(x: NodePlan, modules: FastapiModules): Unit {
  const names = externalSettings(x);
  const imports: PyImport[] = [from('typing', 'Any', 'Self'), plain('httpx'), from(modules.core('config'), 'get_settings')];
  const cls = `class ${x.cls}:
    """HTTP adapter for ${x.snake}: a short-lived client per call, with timeouts."""

    def __init__(
        self,
        base_url: str,
        timeout_seconds: float,
        api_key: str = "",
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._base_url = base_url
        self._timeout = httpx.Timeout(
            timeout_seconds, connect=min(timeout_seconds, 5.0)
        )
        self._headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._transport = transport

    @classmethod
    def from_settings(cls) -> Self:
        settings = get_settings()
        return cls(
            base_url=settings.${names.url},
            timeout_seconds=settings.${names.timeout},
            api_key=settings.${names.key},
        )

    async def get_json(self, path: str, params: dict[str, str] | None = None) -> Any:
        async with httpx.AsyncClient(
            base_url=self._base_url,
            timeout=self._timeout,
            headers=self._headers,
            transport=self._transport,
        ) as client:
            response = await client.get(path, params=params)
            response.raise_for_status()
            return response.json()`;
  return { module: modules.of('clients', x), imports, doc: `Client for the ${x.label} API.`, blocks: [cls] };
}

function cacheUnit(c: NodePlan, modules: FastapiModules): Unit {
  const imports: PyImport[] = [
    plain('asyncio'),
    plain('json'),
    plain('logging'),
    from('typing', 'Any', 'ClassVar', 'Self'),
    from('weakref', 'WeakKeyDictionary'),
    from('redis.asyncio', 'Redis'),
    from('redis.exceptions', 'RedisError'),
    from(modules.core('config'), 'get_settings'),
  ];
  const cls = `class ${c.cls}:
    """Read-through cache on Redis for ${c.snake}: values expire after \`ttl_seconds\`.

    One connection pool per process and event loop. When Redis is down a read is a miss
    and a write is skipped, both logged: the cache never fails a request.
    \`memory://\` keeps values in this process (tests).
    """

    _memory: ClassVar[dict[str, str]] = {}
    _pools: ClassVar[Pools] = WeakKeyDictionary()

    def __init__(self, url: str, ttl_seconds: int = 300) -> None:
        self._url = url
        self._ttl = ttl_seconds

    @classmethod
    def from_settings(cls) -> Self:
        return cls(get_settings().${cacheSetting(c)})

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
            return 0`;
  return { module: modules.of('clients', c), imports, doc: `Cache client for ${c.label}.`, blocks: ['logger = logging.getLogger(__name__)\n# One Redis client (and its connection pool) per event loop and URL.\nPools = WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, Redis]]', cls] };
}
