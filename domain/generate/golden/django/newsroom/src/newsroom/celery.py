"""The Celery app: configured from Django settings (CELERY_*), tasks autodiscovered from every installed app tasks module. Workers and beat use the production settings (as gunicorn does) unless DJANGO_SETTINGS_MODULE says otherwise."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.production")

app = Celery("newsroom")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
