"""library: exported from a Strata diagram. create_app() is the application factory (flask --app library, gunicorn library:create_app() )."""

from collections.abc import Mapping
from typing import Any

from flask import Flask
from flask_migrate import Migrate

from library.core.config import get_settings
from library.core.db import database_uri, db, engine_options
from library.core.logging import configure_logging

migrate = Migrate()


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """The app with its settings, database, migrations, blueprints and error handlers;
    `config` overrides app.config (tests, task processes)."""
    # Imported here: every module of the package runs this file first, and the layers
    # below must not load the web layer with it.
    from library import health, web
    from library.routes.loans import loans_router

    settings = get_settings()
    configure_logging(settings.log_level)
    app = Flask(__name__)
    app.config.from_mapping(
        SQLALCHEMY_DATABASE_URI=database_uri(settings),
        SQLALCHEMY_ENGINE_OPTIONS=engine_options(settings),
    )
    app.config.update(config or {})
    db.init_app(app)
    migrate.init_app(app, db)
    web.register_error_handlers(app)
    app.register_blueprint(health.blueprint)
    app.register_blueprint(loans_router)
    return app
