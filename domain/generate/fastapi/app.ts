/** `main.py` (the app factory, error handlers, health checks) and, in the layered layout, `api/router.py`. */
import type { FastapiModules } from './layout';
import type { Plan } from '../plan/plan';
import { from, pyModule, str, type PyImport } from '../python/py';
import { cacheSetting } from '../shared/settings';

export function apiRouterModule(plan: Plan, modules: FastapiModules): string {
  const imports: PyImport[] = [from('fastapi', 'APIRouter')];
  const lines = ['api_router = APIRouter()'];
  for (const r of plan.routers) {
    imports.push(from(modules.of('routes', r), r.variable));
    lines.push(`api_router.include_router(${r.variable})`);
  }
  return pyModule({ doc: 'Every router of the API, assembled under one prefix by main.py.', imports, firstParty: [plan.pkg], blocks: [lines.join('\n')] });
}

export function mainModule(plan: Plan, modules: FastapiModules): string {
  const imports: PyImport[] = [
    plain('asyncio'),
    plain('logging'),
    from('collections.abc', 'AsyncIterator', 'Awaitable', 'Callable'),
    from('contextlib', 'asynccontextmanager'),
    from('fastapi', 'FastAPI', 'Request', 'status'),
    from('fastapi.responses', 'JSONResponse'),
    from('sqlalchemy.exc', 'IntegrityError'),
    from(modules.core('config'), 'Settings', 'get_settings'),
    from(modules.core('db'), 'get_engine', 'ping'),
    from(modules.core('errors'), 'NotFoundError'),
    from(modules.core('logging'), 'configure_logging'),
  ];
  const broker = plan.broker !== undefined && plan.options.tasks !== 'none';
  if (broker) imports.push(from(modules.core('errors'), 'BrokerUnavailableError'), from(modules.taskApp, 'ping_broker'));
  if (plan.caches.length > 0) imports.push(from('redis.asyncio', 'Redis'));
  const include: string[] = [];
  if (plan.layout === 'layered') {
    if (plan.routers.length > 0) {
      imports.push(from(`${plan.pkg}.api.router`, 'api_router'));
      include.push('    app.include_router(api_router, prefix="/api")');
    }
  } else {
    for (const r of plan.routers) {
      imports.push(from(modules.of('routes', r), r.variable));
      include.push(`    app.include_router(${r.variable}, prefix="/api")`);
    }
  }
  const blocks = [
    'logger = logging.getLogger(__name__)',
    `@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    await get_engine().dispose()`,
    `async def not_found(request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=status.HTTP_404_NOT_FOUND)`,
    ...(broker
      ? [`async def broker_unavailable(request: Request, exc: Exception) -> JSONResponse:
    logger.error("task not queued on %s: %s", request.url.path, exc)
    detail = "The task queue is unreachable: the task was not queued. Try again later."
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    return JSONResponse({"detail": detail}, status_code=status_code)`]
      : []),
    ...readiness(plan, broker),
    `async def conflict(request: Request, exc: Exception) -> JSONResponse:
    logger.info("integrity error on %s: %s", request.url.path, exc)
    detail = "The data conflicts with stored data (a duplicate or a missing reference)."
    return JSONResponse({"detail": detail}, status_code=status.HTTP_409_CONFLICT)`,
    `def create_app() -> FastAPI:
    settings = get_settings()
    configure_logging(settings.log_level)
    app = FastAPI(title=settings.app_name, lifespan=lifespan)
${include.join('\n')}${include.length ? '\n' : ''}    app.add_exception_handler(NotFoundError, not_found)
    app.add_exception_handler(IntegrityError, conflict)
${broker ? '    app.add_exception_handler(BrokerUnavailableError, broker_unavailable)\n' : ''}
    @app.get("/health", tags=["health"])
    async def health() -> dict[str, str]:
        """Liveness: the process answers."""
        return {"status": "ok"}

    @app.get("/health/ready", tags=["health"])
    async def ready() -> JSONResponse:
        """Readiness: every service the app depends on answers; 503 names those that do not."""
        probes = dependencies(settings)
        results = await asyncio.gather(*(check(name, probe) for name, probe in probes))
        checks = dict(zip([name for name, _ in probes], results, strict=True))
        failing = [name for name, result in checks.items() if result != "ok"]
        if failing:
            body = {"status": "unavailable", "failing": failing, "checks": checks}
            return JSONResponse(body, status_code=status.HTTP_503_SERVICE_UNAVAILABLE)
        return JSONResponse({"status": "ok", "checks": checks})

    return app`,
    'app = create_app()',
  ];
  return pyModule({ doc: `The ${plan.pkg} web app: create_app() wires routers, error handlers and health checks.`, imports, firstParty: [plan.pkg], blocks });
}

/** The readiness probes: the database, the broker (unless tasks run eagerly) and each cache. */
function readiness(plan: Plan, broker: boolean): string[] {
  const probes = ['probes: list[tuple[str, Probe]] = [("database", ping)]'];
  if (broker) probes.push('if not settings.tasks_eager:\n    probes.append(("broker", lambda: asyncio.to_thread(ping_broker)))');
  for (const c of plan.caches) probes.push(`probes.append((${str(c.snake.replace(/_+$/, ''))}, lambda: ping_cache(settings.${cacheSetting(c)})))`);
  const blocks = [
    `READY_TIMEOUT_SECONDS = 5.0
Probe = Callable[[], Awaitable[object]]`,
    `async def check(name: str, probe: Probe) -> str:
    """Says "ok", or why the dependency did not answer within READY_TIMEOUT_SECONDS."""
    try:
        await asyncio.wait_for(probe(), READY_TIMEOUT_SECONDS)
    except Exception as error:  # any failure means "not ready", and says which
        logger.warning("not ready: %s: %r", name, error)
        return f"unreachable: {type(error).__name__}"
    return "ok"`,
    `def dependencies(settings: Settings) -> list[tuple[str, Probe]]:
${probes.map((p) => p.split('\n').map((l) => `    ${l}`).join('\n')).join('\n')}
    return probes`,
  ];
  if (plan.caches.length > 0) {
    blocks.push(`async def ping_cache(url: str) -> None:
    if url.startswith("memory://"):
        return
    async with Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2) as redis:
        await redis.ping()`);
  }
  return blocks;
}

function plain(module: string): PyImport {
  return { module };
}
