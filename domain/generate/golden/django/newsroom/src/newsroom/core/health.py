"""Liveness and readiness: /health answers while the process runs; /health/ready answers 200 only while the database, the broker and every drawn cache answer, else 503 naming the one that failed. External APIs are no readiness checks. Every check is bounded by a 2 s timeout."""

import logging
from collections.abc import Callable, Mapping

from django.core.cache import caches
from django.db import connections
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

Check = Callable[[], None]


def database(alias: str = "default") -> Check:
    def check() -> None:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")

    return check


def cache(alias: str) -> Check:
    def check() -> None:
        # A write through the backend's own pool: fails while the server is down.
        caches[alias].set("health:ready", "1", timeout=5)

    return check


def celery_broker(app: object) -> Check:
    def check() -> None:
        with app.connection_for_write() as connection:  # type: ignore[attr-defined]
            connection.ensure_connection(max_retries=1, timeout=2)

    return check


@require_GET
def live(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def ready(checks: Mapping[str, Check]) -> Callable[[HttpRequest], JsonResponse]:
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

    return view
