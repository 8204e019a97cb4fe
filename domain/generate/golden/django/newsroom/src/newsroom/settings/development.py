"""Local development: DEBUG on and a default secret; the database and every service come from the environment (.env) as in production."""

from newsroom.settings.base import *  # noqa: F403
from newsroom.settings.base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="development-only-not-secret")

# Static files straight from the apps, no collectstatic needed.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
