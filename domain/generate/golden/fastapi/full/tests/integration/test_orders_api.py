"""API tests of the orders router, through the app and a SQLite file database."""

import httpx

ORDER = {"total": "9.99", "note": "Some longer text."}


CUSTOMER = {"name": "sample"}


async def test_create_order(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/orders/", json=ORDER)
    assert response.status_code == 201, response.text
    assert response.json()["id"] > 0


async def test_list_orders(client: httpx.AsyncClient) -> None:
    created = await client.post("/api/orders/", json=ORDER)
    assert created.status_code == 201, created.text
    response = await client.get("/api/orders/")
    assert response.status_code == 200, response.text
    assert isinstance(response.json(), list)


async def test_create_customer(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/orders/customers", json=CUSTOMER)
    assert response.status_code == 201, response.text
    assert response.json()["id"] > 0


async def test_list_customers(client: httpx.AsyncClient) -> None:
    created = await client.post("/api/orders/customers", json=CUSTOMER)
    assert created.status_code == 201, created.text
    response = await client.get("/api/orders/customers")
    assert response.status_code == 200, response.text
    assert isinstance(response.json(), list)


async def test_get_customer(client: httpx.AsyncClient) -> None:
    created = await client.post("/api/orders/customers", json=CUSTOMER)
    assert created.status_code == 201, created.text
    item_id = created.json()["id"]
    response = await client.get(f"/api/orders/customers/{item_id}")
    assert response.status_code == 200, response.text


async def test_update_customer(client: httpx.AsyncClient) -> None:
    created = await client.post("/api/orders/customers", json=CUSTOMER)
    assert created.status_code == 201, created.text
    item_id = created.json()["id"]
    response = await client.patch(f"/api/orders/customers/{item_id}", json={})
    assert response.status_code == 200, response.text


async def test_delete_customer(client: httpx.AsyncClient) -> None:
    created = await client.post("/api/orders/customers", json=CUSTOMER)
    assert created.status_code == 201, created.text
    item_id = created.json()["id"]
    response = await client.delete(f"/api/orders/customers/{item_id}")
    assert response.status_code == 204, response.text


async def test_request_send_mail(client: httpx.AsyncClient) -> None:
    created = await client.post("/api/orders/", json=ORDER)
    assert created.status_code == 201, created.text
    item_id = created.json()["id"]
    response = await client.post(f"/api/orders/tasks/send-mail/{item_id}")
    assert response.status_code == 202, response.text
    assert response.json() == {"queued": "send_mail", "item_id": item_id}


async def test_count_hot_cache_hits(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/orders/hot-cache-hits")
    assert response.status_code == 200, response.text
    assert response.json() == {"hits": 1}


async def test_customer_columns(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/orders/customer-columns")
    assert response.status_code == 200, response.text
    assert "id" in response.json()


async def test_customer_repository_info(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/orders/customer-repository")
    assert response.status_code == 200, response.text


async def test_get_order(client: httpx.AsyncClient) -> None:
    created = await client.post("/api/orders/", json=ORDER)
    assert created.status_code == 201, created.text
    item_id = created.json()["id"]
    response = await client.get(f"/api/orders/{item_id}")
    assert response.status_code == 200, response.text


async def test_update_order(client: httpx.AsyncClient) -> None:
    created = await client.post("/api/orders/", json=ORDER)
    assert created.status_code == 201, created.text
    item_id = created.json()["id"]
    response = await client.patch(f"/api/orders/{item_id}", json={})
    assert response.status_code == 200, response.text


async def test_delete_order(client: httpx.AsyncClient) -> None:
    created = await client.post("/api/orders/", json=ORDER)
    assert created.status_code == 201, created.text
    item_id = created.json()["id"]
    response = await client.delete(f"/api/orders/{item_id}")
    assert response.status_code == 204, response.text
