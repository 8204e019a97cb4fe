"""Client for the payments API."""

from typing import Any, Self

import httpx

from full.core.config import get_settings


class PaymentsClient:
    """HTTP adapter for payments: a short-lived client per call, with timeouts."""

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
            base_url=settings.payments_base_url,
            timeout_seconds=settings.payments_timeout_seconds,
            api_key=settings.payments_api_key,
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
            return response.json()
