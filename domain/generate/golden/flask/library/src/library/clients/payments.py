"""Client for the payments API."""

from typing import Any, Self

import httpx

from library.core.config import get_settings


class PaymentsClient:
    """HTTP adapter for payments: one pooled client per adapter, with timeouts."""

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
            base_url=settings.payments_base_url,
            timeout_seconds=settings.payments_timeout_seconds,
            api_key=settings.payments_api_key,
        )

    def get_json(self, path: str, params: dict[str, str] | None = None) -> Any:
        response = self._client.get(path, params=params)
        response.raise_for_status()
        return response.json()
