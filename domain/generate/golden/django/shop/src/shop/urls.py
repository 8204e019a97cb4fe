"""URLs: the admin, the health checks and the API of the drawn routers."""

from django.contrib import admin
from django.urls import path

from shop.apis.orders import (
    CustomerDetailApi,
    CustomerListApi,
    OrderDetailApi,
    OrderListApi,
    OrderSendConfirmationApi,
)
from shop.celery import app as celery_app
from shop.core import health

ready_checks = {
    "database": health.database(),
    "broker": health.celery_broker(celery_app),
    "cache:page_cache": health.cache("page_cache"),
}


urlpatterns = [
    path("admin/", admin.site.urls),
    path("health", health.live, name="health"),
    path("health/ready", health.ready(ready_checks), name="health-ready"),
    # The orders router.
    path("api/orders", OrderListApi.as_view(), name="orders-list"),
    path("api/orders/<int:order_id>", OrderDetailApi.as_view(), name="orders-detail"),
    path(
        "api/orders/customers", CustomerListApi.as_view(), name="orders-customers-list"
    ),
    path(
        "api/orders/customers/<int:customer_id>",
        CustomerDetailApi.as_view(),
        name="orders-customers-detail",
    ),
    path(
        "api/orders/<int:order_id>/send-confirmation",
        OrderSendConfirmationApi.as_view(),
        name="orders-send-confirmation",
    ),
]
