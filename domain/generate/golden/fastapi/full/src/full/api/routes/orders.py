"""HTTP routes of the orders router: Order at /api/orders/; Customer at /api/orders/customers (nested: no router of its own serves it)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, status
from fastapi.concurrency import run_in_threadpool

from full.api.deps import get_customer_repository, get_hot_cache, get_order_service
from full.clients.hot_cache import HotCache
from full.core.errors import NotFoundError
from full.repositories.customer_repository import CustomerRepository
from full.schemas.customer import CustomerCreate, CustomerRead, CustomerUpdate
from full.schemas.order import OrderCreate, OrderRead, OrderUpdate
from full.services.order_service import OrderService
from full.tasks.mailer import enqueue_send_mail

orders_router = APIRouter(prefix="/orders", tags=["orders"])


@orders_router.post("/", status_code=status.HTTP_201_CREATED)
async def create_order(
    data: OrderCreate, service: Annotated[OrderService, Depends(get_order_service)]
) -> OrderRead:
    return await service.create_order(data)


@orders_router.get("/")
async def list_orders(
    service: Annotated[OrderService, Depends(get_order_service)],
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 100,
) -> list[OrderRead]:
    return await service.list_orders(offset, limit)


@orders_router.post("/customers", status_code=status.HTTP_201_CREATED)
async def create_customer(
    data: CustomerCreate, service: Annotated[OrderService, Depends(get_order_service)]
) -> CustomerRead:
    return await service.create_customer(data)


@orders_router.get("/customers")
async def list_customers(
    repository: Annotated[CustomerRepository, Depends(get_customer_repository)],
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 100,
) -> list[CustomerRead]:
    entities = await repository.list_customers(offset, limit)
    return [CustomerRead.model_validate(e) for e in entities]


@orders_router.get("/customers/{item_id}")
async def get_customer(
    item_id: int,
    repository: Annotated[CustomerRepository, Depends(get_customer_repository)],
    cache: Annotated[HotCache, Depends(get_hot_cache)],
) -> CustomerRead:
    key = f"customer:{item_id}"
    cached = await cache.get_json(key)
    if cached is not None:
        return CustomerRead.model_validate(cached)
    entity = await repository.get_customer(item_id)
    if entity is None:
        raise NotFoundError(f"Customer {item_id} not found")
    item = CustomerRead.model_validate(entity)
    await cache.set_json(key, item.model_dump(mode="json"))
    return item


@orders_router.patch("/customers/{item_id}")
async def update_customer(
    item_id: int,
    data: CustomerUpdate,
    service: Annotated[OrderService, Depends(get_order_service)],
    cache: Annotated[HotCache, Depends(get_hot_cache)],
) -> CustomerRead:
    item = await service.update_customer(item_id, data)
    await cache.delete(f"customer:{item_id}")
    return item


@orders_router.delete("/customers/{item_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_customer(
    item_id: int,
    service: Annotated[OrderService, Depends(get_order_service)],
    cache: Annotated[HotCache, Depends(get_hot_cache)],
) -> None:
    await service.delete_customer(item_id)
    await cache.delete(f"customer:{item_id}")


@orders_router.get("/{item_id}")
async def get_order(
    item_id: int,
    service: Annotated[OrderService, Depends(get_order_service)],
    cache: Annotated[HotCache, Depends(get_hot_cache)],
) -> OrderRead:
    key = f"order:{item_id}"
    cached = await cache.get_json(key)
    if cached is not None:
        return OrderRead.model_validate(cached)
    item = await service.get_order(item_id)
    await cache.set_json(key, item.model_dump(mode="json"))
    return item


@orders_router.patch("/{item_id}")
async def update_order(
    item_id: int,
    data: OrderUpdate,
    service: Annotated[OrderService, Depends(get_order_service)],
    cache: Annotated[HotCache, Depends(get_hot_cache)],
) -> OrderRead:
    item = await service.update_order(item_id, data)
    await cache.delete(f"order:{item_id}")
    return item


@orders_router.delete("/{item_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_order(
    item_id: int,
    service: Annotated[OrderService, Depends(get_order_service)],
    cache: Annotated[HotCache, Depends(get_hot_cache)],
) -> None:
    await service.delete_order(item_id)
    await cache.delete(f"order:{item_id}")


@orders_router.post("/{item_id}/send-mail", status_code=status.HTTP_202_ACCEPTED)
async def request_send_mail(item_id: int) -> dict[str, str | int]:
    # In a worker thread, so the loop keeps serving; a broker that is down answers 503.
    await run_in_threadpool(enqueue_send_mail, item_id)
    return {"queued": "send_mail", "item_id": item_id}
