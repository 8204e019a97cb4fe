/** `main.py` (the app factory, error handlers, health checks) and, in the layered layout, `api/router.py`. */
import type { FastapiModules } from './layout';
import type { Plan } from '../plan/plan';
import { from, pyModule, type PyImport } from '../python/py';

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
    plain('logging'),
    from('collections.abc', 'AsyncIterator'),
    from('contextlib', 'asynccontextmanager'),
    from('fastapi', 'FastAPI', 'Request', 'status'),
    from('fastapi.responses', 'JSONResponse'),
    from('sqlalchemy.exc', 'IntegrityError', 'SQLAlchemyError'),
    from(modules.core('config'), 'get_settings'),
    from(modules.core('db'), 'get_engine', 'ping'),
    from(modules.core('errors'), 'NotFoundError'),
    from(modules.core('logging'), 'configure_logging'),
  ];
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

    @app.get("/health", tags=["health"])
    async def health() -> dict[str, str]:
        """Liveness: the process answers."""
        return {"status": "ok"}

    @app.get("/health/ready", tags=["health"])
    async def ready() -> JSONResponse:
        """Readiness: the database answers too."""
        try:
            await ping()
        except (SQLAlchemyError, OSError) as error:
            logger.warning("not ready: %s", error)
            body = {"status": "unavailable"}
            return JSONResponse(body, status_code=status.HTTP_503_SERVICE_UNAVAILABLE)
        return JSONResponse({"status": "ok"})

    return app`,
    'app = create_app()',
  ];
  return pyModule({ doc: `The ${plan.pkg} web app: create_app() wires routers, error handlers and health checks.`, imports, firstParty: [plan.pkg], blocks });
}

function plain(module: string): PyImport {
  return { module };
}
