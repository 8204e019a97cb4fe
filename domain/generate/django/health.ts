/** core/health.py: /health (the process answers) and /health/ready (database, broker, caches). */
import type { Plan } from '../plan/plan';
import { from, plain, pyModule, type PyImport } from '../python/py';

export function healthModule(plan: Plan): string {
  const imports: PyImport[] = [
    plain('logging'),
    from('collections.abc', 'Callable', 'Mapping'),
    from('django.db', 'connections'),
    from('django.http', 'HttpRequest', 'JsonResponse'),
    from('django.views.decorators.http', 'require_GET'),
  ];
  const checks = [
    `def database(alias: str = "default") -> Check:
    def check() -> None:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")

    return check`,
  ];
  if (plan.caches.length > 0) {
    imports.push(from('django.core.cache', 'caches'));
    checks.push(`def cache(alias: str) -> Check:
    def check() -> None:
        # A write through the backend's own pool: fails while the server is down.
        caches[alias].set("health:ready", "1", timeout=5)

    return check`);
  }
  const tasks = plan.broker && plan.workers.length > 0 ? plan.options.tasks : 'none';
  if (tasks === 'celery') {
    checks.push(`def celery_broker(app: object) -> Check:
    def check() -> None:
        with app.connection_for_write() as connection:  # type: ignore[attr-defined]
            connection.ensure_connection(max_retries=1, timeout=2)

    return check`);
  }
  if (tasks === 'rq') {
    imports.push(from('redis', 'Redis'));
    checks.push(`def redis(connect: Callable[[], Redis]) -> Check:
    def check() -> None:
        connect().ping()

    return check`);
  }
  if (tasks === 'dramatiq' && plan.broker?.engine === 'rabbitmq') {
    imports.push(plain('pika'));
    checks.push(`def rabbitmq(url: str) -> Check:
    def check() -> None:
        # A fresh connection with short timeouts, closed at once.
        parameters = pika.URLParameters(url)
        parameters.connection_attempts = 1
        parameters.socket_timeout = 2
        pika.BlockingConnection(parameters).close()

    return check`);
  }
  if (tasks === 'dramatiq' && plan.broker?.engine === 'redis') {
    imports.push(from('redis', 'Redis'));
    checks.push(`def redis_url(url: str) -> Check:
    def check() -> None:
        Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2).ping()

    return check`);
  }
  return pyModule({
    doc: 'Liveness and readiness: /health answers while the process runs; /health/ready answers 200 only while the database, the broker and every drawn cache answer, else 503 naming the one that failed. External APIs are no readiness checks. Every check is bounded by a 2 s timeout.',
    imports,
    firstParty: [plan.pkg],
    blocks: [
      'logger = logging.getLogger(__name__)\n\nCheck = Callable[[], None]',
      ...checks,
      `@require_GET
def live(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})`,
      `def ready(checks: Mapping[str, Check]) -> Callable[[HttpRequest], JsonResponse]:
    @require_GET
    def view(request: HttpRequest) -> JsonResponse:
        results: dict[str, str] = {}
        for name, check in checks.items():
            try:
                check()
            except Exception as error:  # noqa: BLE001 (any failure means not ready)
                logger.warning("not ready: %s: %s", name, error)
                results[name] = f"unreachable: {type(error).__name__}"
            else:
                results[name] = "ok"
        healthy = all(result == "ok" for result in results.values())
        body = {"status": "ok" if healthy else "unavailable", "checks": results}
        return JsonResponse(body, status=200 if healthy else 503)

    return view`,
    ],
  });
}
