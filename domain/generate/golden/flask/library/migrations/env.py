"""Alembic environment for Flask-Migrate (flask db ...): the database and the models come from the app, never from alembic.ini."""

from logging.config import fileConfig

from alembic import context
from flask import current_app

from library.core.task_runs import TaskRun
from library.models.loan import Loan
from library.models.member import Member

# Importing the models registers their tables on the metadata.
MODELS = (TaskRun, Member, Loan)

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)
db = current_app.extensions["migrate"].db
target_metadata = db.metadata


def run_migrations_offline() -> None:
    context.configure(
        url=db.engine.url.render_as_string(hide_password=False),
        target_metadata=target_metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    with db.engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
