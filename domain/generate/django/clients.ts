/**
 * External nodes: an httpx adapter with one pooled client per process and timeouts, failures
 * turned into the errors of `core.errors`. Cache nodes: a helper over Django's cache alias that
 * logs a failing server and reads it as a miss.
 */
import type { NodePlan, Plan } from '../plan/plan';
import { docText, from, plain, type PyImport } from '../python/py';
import type { Unit } from '../python/unit';
import { envNames } from './environment';
import type { DjangoModules } from './layout';

export const clientFactory = (x: NodePlan): string => `${x.snake.replace(/_+$/, '')}_client`;

export function clientUnits(plan: Plan, modules: DjangoModules): Unit[] {
  return [...plan.externals.map((x) => externalUnit(plan, x, modules)), ...plan.caches.map((c) => cacheUnit(plan, c, modules))];
}

function externalUnit(plan: Plan, x: NodePlan, modules: DjangoModules): Unit {
  const env = envNames(plan).external(x);
  const name = docText(x.label);
  const imports: PyImport[] = [
    plain('json'),
    from('datetime', 'datetime'),
    from('functools', 'cache'),
    from('typing', 'Any'),
    plain('httpx'),
    from('django.conf', 'settings'),
    from('django.core.serializers.json', 'DjangoJSONEncoder'),
    from(modules.core('errors'), 'UpstreamRejectedError', 'UpstreamTimeoutError', 'UpstreamUnavailableError'),
  ];
  const blocks = [
    `class PayloadEncoder(DjangoJSONEncoder):
    """Django's JSON encoder, with datetimes to the microsecond as the API writes them."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        return super().default(o)`,
    `class ${x.cls}:
    """HTTP adapter for ${name}. Failures become the errors of core.errors: transient
    ones (timeouts, no connection, 5xx) are retried by tasks, 4xx are not. The API key
    never appears in repr() or logs."""

    def __init__(
        self,
        base_url: str,
        api_key: str = "",
        timeout_seconds: float = 10.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        timeout = httpx.Timeout(timeout_seconds, connect=min(timeout_seconds, 5.0))
        self._http = httpx.Client(
            base_url=base_url, headers=headers, timeout=timeout, transport=transport
        )

    def __repr__(self) -> str:
        return f"${x.cls}(base_url={str(self._http.base_url)!r})"

    def get_json(self, path: str, params: dict[str, str] | None = None) -> Any:
        return self._send("GET", path, params=params)

    def publish(self, path: str, payload: dict[str, Any]) -> Any:
        """POSTs payload as JSON (decimals, dates and UUIDs as the API writes them)."""
        content = json.dumps(payload, cls=PayloadEncoder)
        headers = {"Content-Type": "application/json"}
        return self._send("POST", path, content=content, headers=headers)

    def _send(self, method: str, path: str, **options: Any) -> Any:
        try:
            response = self._http.request(method, path, **options)
        except httpx.TimeoutException as error:
            message = f"${name}: {method} {path} timed out"
            raise UpstreamTimeoutError(message) from error
        except httpx.TransportError as error:
            message = f"${name}: {method} {path} failed: {error}"
            raise UpstreamUnavailableError(message) from error
        if response.status_code >= 500:
            message = f"${name}: {method} {path} answered {response.status_code}"
            raise UpstreamUnavailableError(message)
        if response.status_code >= 400:
            message = f"${name}: {method} {path} answered {response.status_code}"
            raise UpstreamRejectedError(message)
        return response.json() if response.content else None`,
    `@cache
def ${clientFactory(x)}() -> ${x.cls}:
    """The process-wide client built from settings (its connection pool is reused)."""
    return ${x.cls}(
        base_url=settings.${env.url},
        api_key=settings.${env.key},
        timeout_seconds=settings.${env.timeout},
    )`,
  ];
  return { module: modules.of('clients', x), imports, doc: `Client for the ${x.label} API: one pooled httpx client per process, with timeouts.`, blocks };
}

function cacheUnit(plan: Plan, c: NodePlan, modules: DjangoModules): Unit {
  const alias = envNames(plan).cache(c).alias;
  const name = docText(c.label);
  const imports: PyImport[] = [plain('logging'), from('typing', 'Any'), from('django.core.cache', 'BaseCache', 'caches'), from('redis.exceptions', 'RedisError')];
  const method = (verb: string, signature: string, call: string, result: string, fallback: string): string => `    def ${verb}(self, ${signature}) -> ${result}:
        try:
            ${call}
        except (RedisError, OSError) as error:
            logger.warning("${name} ${verb} %s failed: %s", key, error)${fallback ? `\n            ${fallback}` : ''}`;
  const blocks = [
    'logger = logging.getLogger(__name__)',
    `class ${c.cls}:
    """Cache-aside helper: a failing cache server is logged and treated as a miss."""

    def __init__(self, backend: BaseCache | None = None) -> None:
        self._backend = backend if backend is not None else caches["${alias}"]

${method('get', 'key: str', 'return self._backend.get(key)', 'Any | None', 'return None')}

${method('set', 'key: str, value: Any', 'self._backend.set(key, value)', 'None', '')}

${method('delete', 'key: str', 'self._backend.delete(key)', 'None', '')}`,
  ];
  return { module: modules.of('clients', c), imports, doc: `The ${c.label} cache: the Django cache alias ${alias}, degrading to a miss when down.`, blocks };
}
