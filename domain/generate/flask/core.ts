/** The `core` package: settings, Flask-SQLAlchemy, the unit of work, errors, logging, the task ledger. */
import type { FlaskModules } from './layout';
import type { Plan } from '../plan/plan';
import { from, plain, pyModule } from '../python/py';
import { flaskConfig } from './environment';


export function coreFiles(plan: Plan, modules: FlaskModules): Map<string, string> {
  const first = [plan.pkg];
  const files = new Map<string, string>();
  files.set(modules.core('config'), flaskConfig(plan));
  files.set(modules.core('db'), db(first, modules));
  files.set(modules.core('errors'), errors(first));
  files.set(modules.core('logging'), logging(first));
  files.set(modules.core('task_runs'), taskRuns(modules, first));
  return files;
}

function db(firstParty: string[], modules: FlaskModules): string {
  return pyModule({
    doc: 'Flask-SQLAlchemy over SQLAlchemy 2 typed models, and the unit of work. Repositories flush; the unit of work commits.',
    imports: [
      plain('os'),
      from('collections.abc', 'Callable', 'Iterator'),
      from('contextlib', 'contextmanager'),
      from('typing', 'Any'),
      plain('flask_sqlalchemy.session'),
      from('flask_sqlalchemy', 'SQLAlchemy'),
      from('sqlalchemy', 'MetaData', 'event', 'make_url', 'text'),
      from('sqlalchemy.engine', 'Engine'),
      from('sqlalchemy.orm', 'DeclarativeBase'),
      from('sqlalchemy.pool', 'NullPool'),
      from(modules.core('config'), 'Settings'),
    ],
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
      `class Session(flask_sqlalchemy.session.Session):
    """Honours a session-wide bind, as a plain SQLAlchemy session does: the tests join
    every session to one outer transaction and roll it back."""

    def get_bind(
        self,
        mapper: Any | None = None,
        clause: Any | None = None,
        bind: Any | None = None,
        **kwargs: Any,
    ) -> Any:
        if bind is None and self.bind is not None:
            return self.bind
        return super().get_bind(mapper=mapper, clause=clause, bind=bind, **kwargs)`,
      'db = SQLAlchemy(model_class=Base, session_options={"class_": Session})',
      `def database_uri(settings: Settings) -> str:
    """The database URL; a relative SQLite path stays relative to the working directory,
    as the URL says (Flask-SQLAlchemy would put it under the instance folder)."""
    url = make_url(settings.database_url)
    database = url.database
    if url.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return settings.database_url
    absolute = url.set(database=os.path.abspath(database))
    return absolute.render_as_string(hide_password=False)`,
      `def engine_options(settings: Settings, *, pooled: bool = True) -> dict[str, Any]:
    """A pool for the web app; NullPool for SQLite and for task processes (forked workers)."""
    if not pooled or settings.database_url.startswith("sqlite"):
        return {"poolclass": NullPool}
    return {
        "pool_size": settings.db_pool_size,
        "max_overflow": settings.db_max_overflow,
        "pool_timeout": settings.db_pool_timeout_seconds,
        "pool_recycle": 1800,
        "pool_pre_ping": True,
    }`,
      `@event.listens_for(Engine, "connect")
def enforce_sqlite_foreign_keys(connection: Any, record: Any) -> None:
    """SQLite checks foreign keys only when asked, once per connection."""
    if type(connection).__module__.startswith("sqlite3"):
        cursor = connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()`,
      `@contextmanager
def unit_of_work() -> Iterator[Defer]:
    """Commits when the block succeeds, rolls back when it raises; what the block
    defers (enqueueing a task) runs only after the commit."""
    deferred: list[tuple[Callable[..., object], tuple[object, ...]]] = []

    def defer(function: Callable[..., object], *args: object) -> None:
        deferred.append((function, args))

    try:
        yield defer
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    for function, args in deferred:
        function(*args)`,
      'def ping() -> None:\n    db.session.execute(text("SELECT 1"))',
    ],
  });
}

function errors(firstParty: string[]): string {
  return pyModule({
    doc: 'Errors the services raise; the web layer maps them to HTTP responses.',
    firstParty,
    blocks: [
      'class NotFoundError(LookupError):\n    """The requested item does not exist."""',
      'class TaskQueueUnavailableError(RuntimeError):\n    """The broker did not take a task: the API answers 503 and nothing is lost silently."""',
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

function taskRuns(modules: FlaskModules, firstParty: string[]): string {
  return pyModule({
    doc: 'The task ledger: one row per finished (task, id), which makes every task idempotent.',
    imports: [
      from('datetime', 'datetime'),
      from('sqlalchemy', 'DateTime', 'String', 'UniqueConstraint', 'func', 'select'),
      from('sqlalchemy.orm', 'Mapped', 'mapped_column'),
      from(modules.core('db'), 'db'),
    ],
    firstParty,
    blocks: [
      `class TaskRun(db.Model):
    __tablename__ = "task_runs"
    __table_args__ = (UniqueConstraint("task", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    task: Mapped[str] = mapped_column(String(200))
    item_id: Mapped[int]
    finished_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )`,
      `def already_done(task: str, item_id: int) -> bool:
    query = select(TaskRun.id).where(TaskRun.task == task, TaskRun.item_id == item_id)
    return db.session.scalar(query) is not None`,
      'def mark_done(task: str, item_id: int) -> None:\n    db.session.add(TaskRun(task=task, item_id=item_id))',
      `def pending_after(task: str, ids: list[int]) -> list[int]:
    """The ids among \`ids\` the task has not handled yet."""
    if not ids:
        return []
    query = select(TaskRun.item_id).where(
        TaskRun.task == task, TaskRun.item_id.in_(ids)
    )
    done = set(db.session.scalars(query))
    return [item_id for item_id in ids if item_id not in done]`,
    ],
  });
}
