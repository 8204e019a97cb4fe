from django.apps import AppConfig


class AuthorsConfig(AppConfig):
    """The authors feature: models, services, selectors, APIs and tasks."""

    name = "newsroom.authors"
    label = "authors"
    verbose_name = "authors"
    default_auto_field = "django.db.models.BigAutoField"
