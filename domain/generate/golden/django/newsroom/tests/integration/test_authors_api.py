"""API tests of the authors router: every endpoint, its success and its errors."""

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


AUTHOR_URL = "/api/authors"


AUTHOR = {"name": "sample", "email": "sample"}


def create_author(api_client: APIClient, **changes: object) -> dict:
    body = {**AUTHOR, **changes}
    response = api_client.post(AUTHOR_URL, body, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def test_create_author(api_client: APIClient) -> None:
    created = create_author(api_client)
    assert created["id"] > 0
    item_url = f"{AUTHOR_URL}/{created['id']}"
    response = api_client.get(item_url)
    assert response.status_code == 200
    assert response.json() == created


def test_create_author_refuses_invalid_input(api_client: APIClient) -> None:
    body = {**AUTHOR, "name": "x" * 300}
    response = api_client.post(AUTHOR_URL, body, format="json")
    assert response.status_code == 422
    assert "name" in response.json()


def test_a_duplicate_author_email_is_409(api_client: APIClient) -> None:
    create_author(api_client)
    response = api_client.post(AUTHOR_URL, AUTHOR, format="json")
    assert response.status_code == 409
    assert "already exists" in response.json()["detail"]


def test_list_author_pages(api_client: APIClient) -> None:
    created = create_author(api_client)
    response = api_client.get(AUTHOR_URL, {"offset": 0, "limit": 10})
    assert response.status_code == 200
    assert [item["id"] for item in response.json()] == [created["id"]]


@pytest.mark.parametrize("params", [{"offset": -5}, {"limit": 0}, {"limit": 1000}])
def test_list_author_refuses_bad_paging(api_client: APIClient, params: dict) -> None:
    response = api_client.get(AUTHOR_URL, params)
    assert response.status_code == 422


def test_unknown_author_is_404(api_client: APIClient) -> None:
    response = api_client.get(f"{AUTHOR_URL}/999999")
    assert response.status_code == 404


def test_update_author(api_client: APIClient) -> None:
    created = create_author(api_client)
    item_url = f"{AUTHOR_URL}/{created['id']}"
    changes = {"name": "changed"}
    response = api_client.patch(item_url, changes, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["name"] == changes["name"]
    nulled = {"name": None}
    response = api_client.patch(item_url, nulled, format="json")
    assert response.status_code == 422
    response = api_client.patch(f"{AUTHOR_URL}/999999", {}, format="json")
    assert response.status_code == 404


def test_delete_author(api_client: APIClient) -> None:
    created = create_author(api_client)
    item_url = f"{AUTHOR_URL}/{created['id']}"
    assert api_client.delete(item_url).status_code == 204
    assert api_client.delete(item_url).status_code == 404
