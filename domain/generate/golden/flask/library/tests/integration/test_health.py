"""The health endpoints answer."""

from flask.testing import FlaskClient


def test_health(client: FlaskClient) -> None:
    assert client.get("/health").get_json() == {"status": "ok"}


def test_ready(client: FlaskClient) -> None:
    response = client.get("/health/ready")
    assert response.status_code == 200, response.text
