from django.apps import AppConfig


class SharedConfig(AppConfig):
    """The shared feature: models, services, selectors, APIs and tasks."""

    name = "newsroom.shared"
    label = "shared"
    verbose_name = "shared"
    default_auto_field = "django.db.models.BigAutoField"
