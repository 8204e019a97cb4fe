/** The `core` package: settings, database, errors, logging and the task ledger. */
import type { FastapiModules } from './layout';
import type { Plan } from '../plan/plan';
import { from, plain, pyModule, type PyImport } from '../python/py';
import { DATABASE_SCHEMES, fastapiConfig } from './environment';

export { DATABASE_SCHEMES };

export function coreFiles(plan: Plan, modules: FastapiModules): Map<string, string> {
  const first = [plan.pkg];
  const files = new Map<string, string>();
  files.set(modules.core('config'), fastapiConfig(plan));
  files.set(modules.core('db'), db(modules, first));
  files.set(modules.core('errors'), errors(first));
  files.set(modules.core('logging'), logging(first));
  files.set(modules.core('task_runs'), taskRuns(modules, first));
  return files;
}

function db(modules: FastapiModules, firstParty: string[]): string {
  const imports: PyImport[] = [
    from('collections.abc', 'AsyncIterator', 'Callable'),
    from('contextlib', 'asynccontextmanager'),
    from('datetime', 'UTC', 'datetime'),
    from('functools', 'lru_cache'),
    from('typing', 'Any'),
    from('sqlalchemy', 'DateTime', 'Dialect', 'MetaData', 'event', 'text'),
    from('sqlalchemy.types', 'TypeDecorator'),
    from('sqlalchemy.ext.asyncio', 'AsyncEngine', 'AsyncSession', 'async_sessionmaker', 'create_async_engine'),
    from('sqlalchemy.orm', 'DeclarativeBase'),
    from('sqlalchemy.pool', 'NullPool'),
    from(modules.core('config'), 'get_settings'),
  ];
  return pyModule({
    doc: 'Engine, sessions and the declarative base. Repositories flush; the unit of work commits.',
    imports,
    firstParty,
    blocks: [
      `NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Runs a function with its arguments once the current unit of work has committed.
Defer = Callable[..., object]`,
      'class Base(DeclarativeBase):\n    metadata = MetaData(naming_convention=NAMING_CONVENTION)',
      `def utc_now() -> datetime:
    return datetime.now(UTC)`,
      `class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware on every database: stored as UTC, read back with tzinfo=UTC.

    PostgreSQL keeps the zone itself; MariaDB and SQLite store a plain UTC value.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: give it a timezone")
        value = value.astimezone(UTC)
        return value if dialect.name == "postgresql" else value.replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)`,
      `def enforce_foreign_keys(connection: Any, _record: object) -> None:
    """SQLite checks foreign keys only when each connection asks it to."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()`,
      `def build_engine(*, pooled: bool = True) -> AsyncEngine:
    """A pooled engine for the web app; NullPool for SQLite and for task processes."""
    settings = get_settings()
    url = settings.database_url
    if url.startswith("sqlite"):
        engine = create_async_engine(url, poolclass=NullPool)
        event.listen(engine.sync_engine, "connect", enforce_foreign_keys)
        return engine
    if not pooled:
        return create_async_engine(url, poolclass=NullPool)
    return create_async_engine(
        url,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        pool_timeout=settings.db_pool_timeout_seconds,
        pool_recycle=1800,
        pool_pre_ping=True,
    )`,
      '@lru_cache\ndef get_engine() -> AsyncEngine:\n    return build_engine()',
      '@lru_cache\ndef get_sessionmaker() -> async_sessionmaker[AsyncSession]:\n    return async_sessionmaker(get_engine(), expire_on_commit=False)',
      `@asynccontextmanager
async def session_scope() -> AsyncIterator[AsyncSession]:
    """One unit of work: commits when the block succeeds, rolls back when it raises."""
    async with get_sessionmaker()() as session:
        try:
            yield session
            await session.commit()
        except Exception:
            await session.rollback()
            raise`,
      `@asynccontextmanager
async def task_session() -> AsyncIterator[AsyncSession]:
    """A session on a fresh engine: each task run has its own event loop."""
    engine = build_engine(pooled=False)
    try:
        async with async_sessionmaker(engine, expire_on_commit=False)() as session:
            yield session
    finally:
        await engine.dispose()`,
      `async def ping() -> None:
    async with get_engine().connect() as connection:
        await connection.execute(text("SELECT 1"))`,
    ],
  });
}

function errors(firstParty: string[]): string {
  return pyModule({
    doc: 'Errors the services raise; the web layer maps them to HTTP responses.',
    firstParty,
    blocks: [
      'class NotFoundError(LookupError):\n    """The requested item does not exist."""',
      'class BrokerUnavailableError(ConnectionError):\n    """The task broker cannot be reached: the task was not queued."""',
    ],
  });
}

function logging(firstParty: string[]): string {
  return pyModule({
    doc: 'Logging setup shared by the web app and the workers.',
    imports: [plain('logging')],
    firstParty,
    blocks: [
      `def configure_logging(level: str) -> None:
    logging.basicConfig(
        level=level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )`,
    ],
  });
}

function taskRuns(modules: FastapiModules, firstParty: string[]): string {
  return pyModule({
    doc: 'The task ledger: one row per finished (task, id), which makes every task idempotent.',
    imports: [
      from('datetime', 'datetime'),
      from('sqlalchemy', 'DateTime', 'String', 'UniqueConstraint', 'column', 'exists', 'func', 'select', 'table'),
      from('sqlalchemy.ext.asyncio', 'AsyncSession'),
      from('sqlalchemy.orm', 'Mapped', 'mapped_column'),
      from(modules.core('db'), 'Base'),
    ],
    firstParty,
    blocks: [
      `class TaskRun(Base):
    __tablename__ = "task_runs"
    __table_args__ = (UniqueConstraint("task", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    task: Mapped[str] = mapped_column(String(200))
    item_id: Mapped[int]
    finished_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )`,
      `async def already_done(session: AsyncSession, task: str, item_id: int) -> bool:
    query = select(TaskRun.id).where(TaskRun.task == task, TaskRun.item_id == item_id)
    return (await session.scalar(query)) is not None`,
      'def mark_done(session: AsyncSession, task: str, item_id: int) -> None:\n    session.add(TaskRun(task=task, item_id=item_id))',
      '# How many ids a sweep reads at a time.\nSWEEP_BATCH = 500',
      `async def pending_ids(
    session: AsyncSession, table_name: str, task: str, after: int, limit: int
) -> list[int]:
    """The next ids of a table after \`after\`, in id order, that \`task\` has not finished:
    one page of a sweep through every row (keyset paging, so no row is ever skipped)."""
    rows = table(table_name, column("id"))
    done = exists().where(TaskRun.task == task, TaskRun.item_id == rows.c.id)
    query = select(rows.c.id).where(rows.c.id > after, ~done).order_by(rows.c.id)
    return list(await session.scalars(query.limit(limit)))`,
    ],
  });
}
