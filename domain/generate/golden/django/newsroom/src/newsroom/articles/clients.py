"""Client for the wire service API: one pooled httpx client per process, with timeouts."""

import json
from datetime import datetime
from functools import cache
from typing import Any

import httpx
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder

from newsroom.core.errors import (
    UpstreamRejectedError,
    UpstreamTimeoutError,
    UpstreamUnavailableError,
)


class PayloadEncoder(DjangoJSONEncoder):
    """Django's JSON encoder, with datetimes to the microsecond as the API writes them."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        return super().default(o)


class WireServiceClient:
    """HTTP adapter for wire service. Failures become the errors of core.errors: transient
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
        return f"WireServiceClient(base_url={str(self._http.base_url)!r})"

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
            message = f"wire service: {method} {path} timed out"
            raise UpstreamTimeoutError(message) from error
        except httpx.TransportError as error:
            message = f"wire service: {method} {path} failed: {error}"
            raise UpstreamUnavailableError(message) from error
        if response.status_code >= 500:
            message = f"wire service: {method} {path} answered {response.status_code}"
            raise UpstreamUnavailableError(message)
        if response.status_code >= 400:
            message = f"wire service: {method} {path} answered {response.status_code}"
            raise UpstreamRejectedError(message)
        return response.json() if response.content else None


@cache
def wire_service_client() -> WireServiceClient:
    """The process-wide client built from settings (its connection pool is reused)."""
    return WireServiceClient(
        base_url=settings.WIRE_SERVICE_BASE_URL,
        api_key=settings.WIRE_SERVICE_API_KEY,
        timeout_seconds=settings.WIRE_SERVICE_TIMEOUT_SECONDS,
    )
