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
  const imports: PyImport[] = [from('typing', 'Self'), from('redis.asyncio', 'Redis'), from(modules.core('config'), 'get_settings')];
  const cls = `class ${c.cls}:
    """Redis cache for ${c.snake}; \`memory://\` keeps values in this process (tests)."""

    _memory: dict[str, int] = {}

    def __init__(self, url: str) -> None:
        self._url = url

    @classmethod
    def from_settings(cls) -> Self:
        return cls(get_settings().${cacheSetting(c)})

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
        return int(value or 0)`;
  return { module: modules.of('clients', c), imports, doc: `Cache client for ${c.label}.`, blocks: [cls] };
}
