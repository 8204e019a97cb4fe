"""API tests of the orders router, through the app and a SQLite file database."""

import httpx

ORDER = {"total": "9.99", "note": "Some longer text."}


CUSTOMER = {"name": "sample"}


async def test_create_order(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/orders/", json=ORDER)
    assert response.status_code == 201, response.text
    assert response.json()["id"] > 0


async def test_create_order_without_total_is_422(client: httpx.AsyncClient) -> None:
    body = {k: v for k, v in ORDER.items() if k != "total"}
    response = await client.post("/api/orders/", json=body)
    assert response.status_code == 422, response.text


async def test_list_orders(client: httpx.AsyncClient) -> None:
    created = await client.post("/api/orders/", json=ORDER)
    assert created.status_code == 201, created.text
    response = await client.get("/api/orders/")
    assert response.status_code == 200, response.text
    assert len(response.json()) == 1


async def test_list_orders_pages_are_bounded(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/orders/?offset=-1")
    assert response.status_code == 422, response.text
    response = await client.get("/api/orders/?limit=0")
    assert response.status_code == 422, response.text
    response = await client.get("/api/orders/?limit=101")
    assert response.status_code == 422, response.text
    response = await client.get("/api/orders/?offset=0&limit=100")
    assert response.status_code == 200, response.text


async def test_create_customer(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/orders/customers", json=CUSTOMER)
    assert response.status_code == 201, response.text
    assert response.json()["id"] > 0


async def test_create_customer_without_name_is_422(client: httpx.AsyncClient) -> None:
    body = {k: v for k, v in CUSTOMER.items() if k != "name"}
    response = await client.post("/api/orders/customers", json=body)
    assert response.status_code == 422, response.text


async def test_list_customers(client: httpx.AsyncClient) -> None:
    created = await client.post("/api/orders/customers", json=CUSTOMER)
    assert created.status_code == 201, created.text
    response = await client.get("/api/orders/customers")
    assert response.status_code == 200, response.text
    assert len(response.json()) == 1


async def test_list_customers_pages_are_bounded(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/orders/customers?offset=-1")
    assert response.status_code == 422, response.text
    response = await client.get("/api/orders/customers?limit=0")
    assert response.status_code == 422, response.text
    response = await client.get("/api/orders/customers?limit=101")
    assert response.status_code == 422, response.text
    response = await client.get("/api/orders/customers?offset=0&limit=100")
    assert response.status_code == 200, response.text


async def test_get_customer(client: httpx.AsyncClient) -> None:
    created = await client.post("/api/orders/customers", json=CUSTOMER)
    assert created.status_code == 201, created.text
    item_id = created.json()["id"]
    response = await client.get(f"/api/orders/customers/{item_id}")
    assert response.status_code == 200, response.text
    assert response.json()["id"] == item_id


async def test_get_customer_unknown_is_404(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/orders/customers/999_999")
    assert response.status_code == 404, response.text


async def test_update_customer(client: httpx.AsyncClient) -> None:
    created = await client.post("/api/orders/customers", json=CUSTOMER)
    assert created.status_code == 201, created.text
    item_id = created.json()["id"]
    response = await client.patch(f"/api/orders/customers/{item_id}", json=CUSTOMER)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == item_id


async def test_update_customer_to_null_is_422(client: httpx.AsyncClient) -> None:
    created = await client.post("/api/orders/customers", json=CUSTOMER)
    assert created.status_code == 201, created.text
    item_id = created.json()["id"]
    response = await client.patch(
        f"/api/orders/customers/{item_id}", json={"name": None}
    )
    assert response.status_code == 422, response.text


async def test_update_customer_unknown_is_404(client: httpx.AsyncClient) -> None:
    response = await client.patch("/api/orders/customers/999_999", json={})
    assert response.status_code == 404, response.text


async def test_delete_customer(client: httpx.AsyncClient) -> None:
    created = await client.post("/api/orders/customers", json=CUSTOMER)
    assert created.status_code == 201, created.text
    item_id = created.json()["id"]
    response = await client.delete(f"/api/orders/customers/{item_id}")
    assert response.status_code == 204, response.text
    response = await client.delete(f"/api/orders/customers/{item_id}")
    assert response.status_code == 404, response.text


async def test_delete_customer_unknown_is_404(client: httpx.AsyncClient) -> None:
    response = await client.delete("/api/orders/customers/999_999")
    assert response.status_code == 404, response.text


async def test_get_order(client: httpx.AsyncClient) -> None:
    created = await client.post("/api/orders/", json=ORDER)
    assert created.status_code == 201, created.text
    item_id = created.json()["id"]
    response = await client.get(f"/api/orders/{item_id}")
    assert response.status_code == 200, response.text
    assert response.json()["id"] == item_id


async def test_get_order_unknown_is_404(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/orders/999_999")
    assert response.status_code == 404, response.text


async def test_update_order(client: httpx.AsyncClient) -> None:
    created = await client.post("/api/orders/", json=ORDER)
    assert created.status_code == 201, created.text
    item_id = created.json()["id"]
    response = await client.patch(f"/api/orders/{item_id}", json=ORDER)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == item_id


async def test_update_order_to_null_is_422(client: httpx.AsyncClient) -> None:
    created = await client.post("/api/orders/", json=ORDER)
    assert created.status_code == 201, created.text
    item_id = created.json()["id"]
    response = await client.patch(f"/api/orders/{item_id}", json={"total": None})
    assert response.status_code == 422, response.text


async def test_update_order_unknown_is_404(client: httpx.AsyncClient) -> None:
    response = await client.patch("/api/orders/999_999", json={})
    assert response.status_code == 404, response.text


async def test_delete_order(client: httpx.AsyncClient) -> None:
    created = await client.post("/api/orders/", json=ORDER)
    assert created.status_code == 201, created.text
    item_id = created.json()["id"]
    response = await client.delete(f"/api/orders/{item_id}")
    assert response.status_code == 204, response.text
    response = await client.delete(f"/api/orders/{item_id}")
    assert response.status_code == 404, response.text


async def test_delete_order_unknown_is_404(client: httpx.AsyncClient) -> None:
    response = await client.delete("/api/orders/999_999")
    assert response.status_code == 404, response.text


async def test_request_send_mail(client: httpx.AsyncClient) -> None:
    created = await client.post("/api/orders/", json=ORDER)
    assert created.status_code == 201, created.text
    item_id = created.json()["id"]
    response = await client.post(f"/api/orders/{item_id}/send-mail")
    assert response.status_code == 202, response.text
    assert response.json()["item_id"] == item_id
