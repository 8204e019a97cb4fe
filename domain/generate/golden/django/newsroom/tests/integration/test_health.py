"""The health endpoints: liveness, and readiness naming what is down."""

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_health_answers(api_client: APIClient) -> None:
    response = api_client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_not_ready_names_what_is_down(
    api_client: APIClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsroom import urls

    def down() -> None:
        raise ConnectionRefusedError("down")

    monkeypatch.setitem(urls.ready_checks, "database", down)
    response = api_client.get("/health/ready")
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["database"] == "unreachable: ConnectionRefusedError"


def test_ready_lists_every_check(api_client: APIClient) -> None:
    response = api_client.get("/health/ready")
    expected = {"database", "broker", "cache:page_cache"}
    assert set(response.json()["checks"]) == expected
