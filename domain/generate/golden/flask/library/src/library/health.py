"""Liveness (/health) and readiness (/health/ready: the database, the broker and the caches answer)."""

import logging
from collections.abc import Callable

from flask import Blueprint
from flask.typing import ResponseReturnValue

from library import wiring
from library.core.db import ping
from library.tasks.app import ping_broker

logger = logging.getLogger(__name__)
blueprint = Blueprint("health", __name__)


def dependencies() -> dict[str, Callable[[], object]]:
    checks: dict[str, Callable[[], object]] = {"database": ping}
    checks["broker"] = ping_broker
    cache = wiring.page_cache()
    checks["page_cache"] = cache.ping
    return checks


@blueprint.get("/health")
def live() -> ResponseReturnValue:
    """Liveness: the process answers."""
    return {"status": "ok"}


@blueprint.get("/health/ready")
def ready() -> ResponseReturnValue:
    """Readiness: every service the app depends on answers."""
    checks: dict[str, str] = {}
    for name, check in dependencies().items():
        try:
            check()
            checks[name] = "ok"
        except Exception as error:  # any failure at all means not ready
            logger.warning("not ready: %s: %s", name, error)
            checks[name] = "unavailable"
    ok = all(state == "ok" for state in checks.values())
    status = "ok" if ok else "unavailable"
    return {"status": status, "checks": checks}, 200 if ok else 503
