"""API tests of the orders router: every endpoint, its success and its errors."""

import pytest
from kombu.exceptions import OperationalError
from rest_framework.test import APIClient

from shop.core.models import TaskRun

pytestmark = pytest.mark.django_db


ORDER_URL = "/api/orders"


ORDER = {
    "customer_email": "sample",
    "total": "9.99",
    "paid": True,
    "notes": "Some longer text.",
}


def create_order(api_client: APIClient, **changes: object) -> dict:
    body = {**ORDER, **changes}
    response = api_client.post(ORDER_URL, body, format="json")
    assert response.status_code == 201, response.content
    return response.json()


CUSTOMER_URL = "/api/orders/customers"


CUSTOMER = {"email": "sample", "joined": "2024-01-02"}


def create_customer(api_client: APIClient, **changes: object) -> dict:
    body = {**CUSTOMER, **changes}
    response = api_client.post(CUSTOMER_URL, body, format="json")
    assert response.status_code == 201, response.content
    return response.json()


SEND_CONFIRMATION_URL = "/api/orders/{item_id}/send-confirmation"


def test_create_order(api_client: APIClient) -> None:
    created = create_order(api_client)
    assert created["id"] > 0
    item_url = f"{ORDER_URL}/{created['id']}"
    response = api_client.get(item_url)
    assert response.status_code == 200
    assert response.json() == created


def test_create_order_refuses_invalid_input(api_client: APIClient) -> None:
    body = {**ORDER, "customer_email": "x" * 300}
    response = api_client.post(ORDER_URL, body, format="json")
    assert response.status_code == 422
    assert "customer_email" in response.json()


def test_an_unknown_customer_is_422(api_client: APIClient) -> None:
    body = {**ORDER, "customer_id": 999999}
    response = api_client.post(ORDER_URL, body, format="json")
    assert response.status_code == 422


def test_list_order_pages(api_client: APIClient) -> None:
    created = create_order(api_client)
    response = api_client.get(ORDER_URL, {"offset": 0, "limit": 10})
    assert response.status_code == 200
    assert [item["id"] for item in response.json()] == [created["id"]]


@pytest.mark.parametrize("params", [{"offset": -5}, {"limit": 0}, {"limit": 1000}])
def test_list_order_refuses_bad_paging(api_client: APIClient, params: dict) -> None:
    response = api_client.get(ORDER_URL, params)
    assert response.status_code == 422


def test_unknown_order_is_404(api_client: APIClient) -> None:
    response = api_client.get(f"{ORDER_URL}/999999")
    assert response.status_code == 404


def test_update_order(api_client: APIClient) -> None:
    created = create_order(api_client)
    item_url = f"{ORDER_URL}/{created['id']}"
    changes = {"customer_email": "changed"}
    response = api_client.patch(item_url, changes, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["customer_email"] == changes["customer_email"]
    nulled = {"customer_email": None}
    response = api_client.patch(item_url, nulled, format="json")
    assert response.status_code == 422
    response = api_client.patch(f"{ORDER_URL}/999999", {}, format="json")
    assert response.status_code == 404


def test_delete_order(api_client: APIClient) -> None:
    created = create_order(api_client)
    item_url = f"{ORDER_URL}/{created['id']}"
    assert api_client.delete(item_url).status_code == 204
    assert api_client.delete(item_url).status_code == 404


def test_create_customer(api_client: APIClient) -> None:
    created = create_customer(api_client)
    assert created["id"] > 0
    item_url = f"{CUSTOMER_URL}/{created['id']}"
    response = api_client.get(item_url)
    assert response.status_code == 200
    assert response.json() == created


def test_create_customer_refuses_invalid_input(api_client: APIClient) -> None:
    body = {**CUSTOMER, "email": "x" * 300}
    response = api_client.post(CUSTOMER_URL, body, format="json")
    assert response.status_code == 422
    assert "email" in response.json()


def test_a_duplicate_email_is_409(api_client: APIClient) -> None:
    create_customer(api_client)
    response = api_client.post(CUSTOMER_URL, CUSTOMER, format="json")
    assert response.status_code == 409
    assert "already exists" in response.json()["detail"]


def test_list_customer_pages(api_client: APIClient) -> None:
    created = create_customer(api_client)
    response = api_client.get(CUSTOMER_URL, {"offset": 0, "limit": 10})
    assert response.status_code == 200
    assert [item["id"] for item in response.json()] == [created["id"]]


@pytest.mark.parametrize("params", [{"offset": -5}, {"limit": 0}, {"limit": 1000}])
def test_list_customer_refuses_bad_paging(api_client: APIClient, params: dict) -> None:
    response = api_client.get(CUSTOMER_URL, params)
    assert response.status_code == 422


def test_unknown_customer_is_404(api_client: APIClient) -> None:
    response = api_client.get(f"{CUSTOMER_URL}/999999")
    assert response.status_code == 404


def test_update_customer(api_client: APIClient) -> None:
    created = create_customer(api_client)
    item_url = f"{CUSTOMER_URL}/{created['id']}"
    changes = {"joined": "2024-02-03"}
    response = api_client.patch(item_url, changes, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["joined"] == changes["joined"]
    nulled = {"email": None}
    response = api_client.patch(item_url, nulled, format="json")
    assert response.status_code == 422
    response = api_client.patch(f"{CUSTOMER_URL}/999999", {}, format="json")
    assert response.status_code == 404


def test_delete_customer(api_client: APIClient) -> None:
    created = create_customer(api_client)
    item_url = f"{CUSTOMER_URL}/{created['id']}"
    assert api_client.delete(item_url).status_code == 204
    assert api_client.delete(item_url).status_code == 404


def test_send_confirmation_is_enqueued_and_runs(api_client: APIClient) -> None:
    item_id = create_order(api_client)["id"]
    response = api_client.post(SEND_CONFIRMATION_URL.format(item_id=item_id))
    assert response.status_code == 202
    expected = {"task": "send_confirmation", "id": item_id, "status": "queued"}
    assert response.json() == expected
    runs = TaskRun.objects.filter(task="notifications.send_confirmation")
    assert runs.filter(item_id=item_id).exists()


def test_send_confirmation_with_the_broker_down_is_503(
    api_client: APIClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object) -> None:
        raise OperationalError("Error 111 connecting to the broker.")

    monkeypatch.setattr("shop.tasks.notifications.send_confirmation.delay", refuse)
    item_id = create_order(api_client)["id"]
    response = api_client.post(SEND_CONFIRMATION_URL.format(item_id=item_id))
    assert response.status_code == 503
    assert "was not queued" in response.json()["detail"]


def test_send_confirmation_of_an_unknown_item_is_404(api_client: APIClient) -> None:
    response = api_client.post(SEND_CONFIRMATION_URL.format(item_id=999999))
    assert response.status_code == 404
