from django.apps import AppConfig


class ShopConfig(AppConfig):
    """The project's one app (layered layout): models, services, selectors, APIs and tasks."""

    name = "shop"
    label = "shop"
    verbose_name = "shop"
    default_auto_field = "django.db.models.BigAutoField"
