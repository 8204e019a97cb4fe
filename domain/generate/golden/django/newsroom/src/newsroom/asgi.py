"""ASGI entry point, for an ASGI server (the Dockerfile serves WSGI with gunicorn)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.production")

application = get_asgi_application()
