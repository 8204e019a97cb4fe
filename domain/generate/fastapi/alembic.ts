/** Alembic in a FastAPI project: the async env.py reading the URL from settings, beside the shared migration files. */
import type { Plan } from '../plan/plan';
import { from, plain, pyModule, wrapCollection } from '../python/py';
import { ALEMBIC_INI, ALEMBIC_MAKO, initialMigration } from '../sqlalchemy/migration';
import type { FastapiModules } from './layout';

export function alembicFiles(plan: Plan, modules: FastapiModules): Map<string, string> {
  const files = new Map<string, string>();
  files.set('alembic.ini', ALEMBIC_INI);
  files.set('alembic/script.py.mako', ALEMBIC_MAKO);
  files.set('alembic/env.py', envModule(plan, modules));
  const migration = initialMigration(plan);
  files.set(`alembic/versions/${migration.revision}_initial.py`, migration.text);
  return files;
}

function envModule(plan: Plan, modules: FastapiModules): string {
  const imports = [
    plain('asyncio'),
    from('logging.config', 'fileConfig'),
    from('alembic', 'context'),
    from('sqlalchemy.engine', 'Connection'),
    from(modules.core('config'), 'get_settings'),
    from(modules.core('db'), 'Base', 'build_engine'),
    from(modules.core('task_runs'), 'TaskRun'),
    ...plan.models.map((m) => from(modules.of('models', m), m.cls)),
  ];
  return pyModule({
    doc: 'Alembic environment: the database URL comes from the app settings, never from alembic.ini.',
    imports,
    firstParty: [plan.pkg],
    blocks: [
      `# Importing the models registers their tables on Base.metadata.
${plan.models.length === 0 ? 'MODELS = (TaskRun,)' : wrapCollection('MODELS = (', ['TaskRun', ...plan.models.map((m) => m.cls)], ')')}

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)
target_metadata = Base.metadata`,
      `def run_migrations_offline() -> None:
    context.configure(
        url=get_settings().database_url,
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()`,
      `def do_run_migrations(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata)
    with context.begin_transaction():
        context.run_migrations()`,
      `async def run_migrations_online() -> None:
    engine = build_engine(pooled=False)
    async with engine.connect() as connection:
        await connection.run_sync(do_run_migrations)
    await engine.dispose()`,
      `if context.is_offline_mode():
    run_migrations_offline()
else:
    asyncio.run(run_migrations_online())`,
    ],
  });
}
