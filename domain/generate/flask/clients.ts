/** External nodes become httpx adapters with timeouts; cache nodes a Redis cache with one pool per process. */
import type { FlaskModules } from './layout';
import type { NodePlan, Plan } from '../plan/plan';
import { from, plain, type PyImport } from '../python/py';
import { cacheSetting, externalSettings } from '../shared/settings';
import type { Unit } from '../python/unit';

export function clientUnits(plan: Plan, modules: FlaskModules): Unit[] {
  return [...plan.externals.map((x) => externalUnit(x, modules)), ...plan.caches.map((c) => cacheUnit(c, modules))];
}

function externalUnit(x: NodePlan, modules: FlaskModules): Unit {
  const names = externalSettings(x);
  const imports: PyImport[] = [from('typing', 'Any', 'Self'), plain('httpx'), from(modules.core('config'), 'get_settings')];
  const cls = `class ${x.cls}:
    """HTTP adapter for ${x.snake}: one pooled client per adapter, with timeouts."""

    def __init__(
        self,
        base_url: str,
        timeout_seconds: float,
        api_key: str = "",
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        timeout = httpx.Timeout(timeout_seconds, connect=min(timeout_seconds, 5.0))
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(
            base_url=base_url, timeout=timeout, headers=headers, transport=transport
        )

    @classmethod
    def from_settings(cls) -> Self:
        settings = get_settings()
        return cls(
            base_url=settings.${names.url},
            timeout_seconds=settings.${names.timeout},
            api_key=settings.${names.key},
        )

    def get_json(self, path: str, params: dict[str, str] | None = None) -> Any:
        response = self._client.get(path, params=params)
        response.raise_for_status()
        return response.json()`;
  return { module: modules.of('clients', x), imports, doc: `Client for the ${x.label} API.`, blocks: [cls] };
}

function cacheUnit(c: NodePlan, modules: FlaskModules): Unit {
  const imports: PyImport[] = [plain('logging'), from('functools', 'lru_cache'), from('typing', 'Self'), from('redis', 'Redis', 'RedisError'), from(modules.core('config'), 'get_settings')];
  const cls = `class ${c.cls}:
    """Redis cache for ${c.snake}: one connection pool per process; when Redis is down
    a read is a miss and a count is 0 (logged), never an error. \`memory://\` keeps
    values in this process (tests)."""

    _memory: dict[str, int] = {}

    def __init__(self, url: str) -> None:
        self._url = url

    @classmethod
    def from_settings(cls) -> Self:
        return cls(get_settings().${cacheSetting(c)})

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
            _redis(self._url).ping()`;
  const pool = `@lru_cache
def _redis(url: str) -> Redis:
    """One client (and so one connection pool) per URL and process."""
    return Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)`;
  return { module: modules.of('clients', c), imports, doc: `Cache client for ${c.label}.`, blocks: ['logger = logging.getLogger(__name__)', pool, cls] };
}
