"""The full web app: create_app() wires routers, error handlers and health checks."""

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, status
from fastapi.responses import JSONResponse
from redis.asyncio import Redis
from sqlalchemy.exc import IntegrityError

from full.api.router import api_router
from full.core.config import Settings, get_settings
from full.core.db import get_engine, ping
from full.core.errors import BrokerUnavailableError, NotFoundError
from full.core.logging import configure_logging
from full.tasks.app import ping_broker

logger = logging.getLogger(__name__)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    await get_engine().dispose()


async def not_found(request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=status.HTTP_404_NOT_FOUND)


async def broker_unavailable(request: Request, exc: Exception) -> JSONResponse:
    logger.error("task not queued on %s: %s", request.url.path, exc)
    detail = "The task queue is unreachable: the task was not queued. Try again later."
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    return JSONResponse({"detail": detail}, status_code=status_code)


READY_TIMEOUT_SECONDS = 5.0
Probe = Callable[[], Awaitable[object]]


async def check(name: str, probe: Probe) -> str:
    """Says "ok", or why the dependency did not answer within READY_TIMEOUT_SECONDS."""
    try:
        await asyncio.wait_for(probe(), READY_TIMEOUT_SECONDS)
    except Exception as error:  # any failure means "not ready", and says which
        logger.warning("not ready: %s: %r", name, error)
        return f"unreachable: {type(error).__name__}"
    return "ok"


def dependencies(settings: Settings) -> list[tuple[str, Probe]]:
    probes: list[tuple[str, Probe]] = [("database", ping)]
    if not settings.tasks_eager:
        probes.append(("broker", lambda: asyncio.to_thread(ping_broker)))
    probes.append(("hot_cache", lambda: ping_cache(settings.hot_cache_url)))
    return probes


async def ping_cache(url: str) -> None:
    if url.startswith("memory://"):
        return
    async with Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2) as redis:
        await redis.ping()


async def conflict(request: Request, exc: Exception) -> JSONResponse:
    logger.info("integrity error on %s: %s", request.url.path, exc)
    detail = "The data conflicts with stored data (a duplicate or a missing reference)."
    return JSONResponse({"detail": detail}, status_code=status.HTTP_409_CONFLICT)


def create_app() -> FastAPI:
    settings = get_settings()
    configure_logging(settings.log_level)
    app = FastAPI(title=settings.app_name, lifespan=lifespan)
    app.include_router(api_router, prefix="/api")
    app.add_exception_handler(NotFoundError, not_found)
    app.add_exception_handler(IntegrityError, conflict)
    app.add_exception_handler(BrokerUnavailableError, broker_unavailable)

    @app.get("/health", tags=["health"])
    async def health() -> dict[str, str]:
        """Liveness: the process answers."""
        return {"status": "ok"}

    @app.get("/health/ready", tags=["health"])
    async def ready() -> JSONResponse:
        """Readiness: every service the app depends on answers; 503 names those that do not."""
        probes = dependencies(settings)
        results = await asyncio.gather(*(check(name, probe) for name, probe in probes))
        checks = dict(zip([name for name, _ in probes], results, strict=True))
        failing = [name for name, result in checks.items() if result != "ok"]
        if failing:
            body = {"status": "unavailable", "failing": failing, "checks": checks}
            return JSONResponse(body, status_code=status.HTTP_503_SERVICE_UNAVAILABLE)
        return JSONResponse({"status": "ok", "checks": checks})

    return app


app = create_app()
