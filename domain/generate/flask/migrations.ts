/** Flask-Migrate's `migrations/` folder: Alembic underneath, the URL and metadata taken from the app (`flask db upgrade`). */
import type { Plan } from '../plan/plan';
import { from, pyModule, wrapCollection } from '../python/py';
import { ALEMBIC_MAKO, initialMigration } from '../sqlalchemy/migration';
import type { FlaskModules } from './layout';

export function migrationFiles(plan: Plan, modules: FlaskModules): Map<string, string> {
  const files = new Map<string, string>();
  files.set('migrations/alembic.ini', ALEMBIC_INI);
  files.set('migrations/script.py.mako', ALEMBIC_MAKO);
  files.set('migrations/env.py', envModule(plan, modules));
  const migration = initialMigration(plan);
  files.set(`migrations/versions/${migration.revision}_initial.py`, migration.text);
  return files;
}

function envModule(plan: Plan, modules: FlaskModules): string {
  const imports = [
    from('logging.config', 'fileConfig'),
    from('alembic', 'context'),
    from('flask', 'current_app'),
    from(modules.core('task_runs'), 'TaskRun'),
    ...plan.models.map((m) => from(modules.of('models', m), m.cls)),
  ];
  return pyModule({
    doc: 'Alembic environment for Flask-Migrate (flask db ...): the database and the models come from the app, never from alembic.ini.',
    imports,
    firstParty: [plan.pkg],
    blocks: [
      `# Importing the models registers their tables on the metadata.
${plan.models.length === 0 ? 'MODELS = (TaskRun,)' : wrapCollection('MODELS = (', ['TaskRun', ...plan.models.map((m) => m.cls)], ')')}

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)
db = current_app.extensions["migrate"].db
target_metadata = db.metadata`,
      `def run_migrations_offline() -> None:
    context.configure(
        url=db.engine.url.render_as_string(hide_password=False),
        target_metadata=target_metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()`,
      `def run_migrations_online() -> None:
    with db.engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()`,
      `if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()`,
    ],
  });
}

const ALEMBIC_INI = `# Flask-Migrate sets the script location and the database URL from the app (see env.py).
[alembic]
file_template = %%(rev)s_%%(slug)s

[loggers]
keys = root,sqlalchemy,alembic,flask_migrate

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARNING
handlers = console
qualname =

[logger_sqlalchemy]
level = WARNING
handlers =
qualname = sqlalchemy.engine

[logger_alembic]
level = INFO
handlers =
qualname = alembic

[logger_flask_migrate]
level = INFO
handlers =
qualname = flask_migrate

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
datefmt = %H:%M:%S
`;
