"""The full web app: create_app() wires routers, error handlers and health checks."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, status
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from full.api.router import api_router
from full.core.config import get_settings
from full.core.db import get_engine, ping
from full.core.errors import NotFoundError
from full.core.logging import configure_logging

logger = logging.getLogger(__name__)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    await get_engine().dispose()


async def not_found(request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=status.HTTP_404_NOT_FOUND)


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

    @app.get("/health", tags=["health"])
    async def health() -> dict[str, str]:
        """Liveness: the process answers."""
        return {"status": "ok"}

    @app.get("/health/ready", tags=["health"])
    async def ready() -> JSONResponse:
        """Readiness: the database answers too."""
        try:
            await ping()
        except (SQLAlchemyError, OSError) as error:
            logger.warning("not ready: %s", error)
            body = {"status": "unavailable"}
            return JSONResponse(body, status_code=status.HTTP_503_SERVICE_UNAVAILABLE)
        return JSONResponse({"status": "ok"})

    return app


app = create_app()
