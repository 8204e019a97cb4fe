"""Test setup: pytest-django migrates one database per session and rolls back after every test; tasks stay in the process; external APIs answer here."""

import json
from collections.abc import Iterator

import httpx
import pytest
from rest_framework.test import APIClient

from newsroom.articles.clients import WireServiceClient


class Recorder:
    """A fake external API: answers 200 and remembers every request."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, object]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content) if request.content else None
        self.requests.append((request.method, request.url.path, body))
        return httpx.Response(200, json={"ok": True})


@pytest.fixture(autouse=True)
def fake_wire_service(monkeypatch: pytest.MonkeyPatch) -> Iterator[Recorder]:
    """No test reaches the real wire service API: it answers here and records."""
    recorder = Recorder()
    client = WireServiceClient(
        base_url="http://api.test", transport=httpx.MockTransport(recorder)
    )
    monkeypatch.setattr(
        "newsroom.articles.services.wire_service_client", lambda: client
    )
    yield recorder


@pytest.fixture(autouse=True)
def empty_caches() -> Iterator[None]:
    from django.core.cache import caches

    yield
    caches["page_cache"].clear()


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()
