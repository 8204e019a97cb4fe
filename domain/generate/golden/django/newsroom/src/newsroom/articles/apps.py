from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    """The articles feature: models, services, selectors, APIs and tasks."""

    name = "newsroom.articles"
    label = "articles"
    verbose_name = "articles"
    default_auto_field = "django.db.models.BigAutoField"
