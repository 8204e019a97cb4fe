"""newsroom: a Django project exported from a Strata diagram."""

# Celery's app loads with Django, so @shared_task binds to it everywhere.
from newsroom.celery import app as celery_app

__all__ = ("celery_app",)
