"""URLs: the admin, the health checks and the API of the drawn routers."""

from django.contrib import admin
from django.urls import include, path

from newsroom.celery import app as celery_app
from newsroom.core import health

ready_checks = {
    "database": health.database(),
    "broker": health.celery_broker(celery_app),
    "cache:page_cache": health.cache("page_cache"),
}


urlpatterns = [
    path("admin/", admin.site.urls),
    path("health", health.live, name="health"),
    path("health/ready", health.ready(ready_checks), name="health-ready"),
    path("api/", include("newsroom.articles.urls")),
    path("api/", include("newsroom.authors.urls")),
]
