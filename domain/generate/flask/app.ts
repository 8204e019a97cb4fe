/** The package `__init__` (the application factory `create_app()`) and `health.py` (liveness and readiness). */
import type { FlaskModules } from './layout';
import type { Plan } from '../plan/plan';
import { from, indent, plain, pyModule, renderImports, str, type PyImport } from '../python/py';
import type { Builders } from './wiring';
import { wiringImport } from './wiring';

export function packageInit(plan: Plan, modules: FlaskModules): string {
  const lazy: PyImport[] = [from(plan.pkg, 'health', 'web')];
  const register: string[] = ['app.register_blueprint(health.blueprint)'];
  for (const r of plan.routers) {
    lazy.push(from(modules.of('routes', r), r.variable));
    register.push(`app.register_blueprint(${r.variable})`);
  }
  const imports: PyImport[] = [
    from('collections.abc', 'Mapping'),
    from('typing', 'Any'),
    from('flask', 'Flask'),
    from('flask_migrate', 'Migrate'),
    from(modules.core('config'), 'get_settings'),
    from(modules.core('db'), 'database_uri', 'db', 'engine_options'),
    from(modules.core('logging'), 'configure_logging'),
  ];
  return pyModule({
    doc: `${plan.title}: exported from a Strata diagram. create_app() is the application factory (flask --app ${plan.pkg}, gunicorn "${plan.pkg}:create_app()").`,
    imports,
    firstParty: [plan.pkg],
    blocks: [
      'migrate = Migrate()',
      `def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """The app with its settings, database, migrations, blueprints and error handlers;
    \`config\` overrides app.config (tests, task processes)."""
    # Imported here: every module of the package runs this file first, and the layers
    # below must not load the web layer with it.
${indent(nestedImports(lazy, plan.pkg))}

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
${register.map((l) => `    ${l}`).join('\n')}
    return app`,
    ],
  });
}

export function healthModule(plan: Plan, modules: FlaskModules, builders: Builders): string {
  const imports: PyImport[] = [
    plain('logging'),
    from('collections.abc', 'Callable'),
    from('flask', 'Blueprint'),
    from('flask.typing', 'ResponseReturnValue'),
    from(modules.core('db'), 'ping'),
  ];
  // One statement per check, so that long component names still give lines ruff leaves alone.
  const checks = ['checks: dict[str, Callable[[], object]] = {"database": ping}'];
  if (plan.broker) {
    imports.push(from(modules.taskApp, 'ping_broker'));
    checks.push('checks["broker"] = ping_broker');
  }
  for (const c of plan.caches) {
    imports.push(wiringImport(modules));
    checks.push(`cache = wiring.${builders.of(c)}()`, `checks[${str(c.snake.replace(/_+$/, ''))}] = cache.ping`);
  }
  return pyModule({
    doc: 'Liveness (/health) and readiness (/health/ready: the database, the broker and the caches answer).',
    imports,
    firstParty: [plan.pkg],
    blocks: [
      `logger = logging.getLogger(__name__)
blueprint = Blueprint("health", __name__)`,
      `def dependencies() -> dict[str, Callable[[], object]]:
${indent([...checks, 'return checks'].join('\n'))}`,
      `@blueprint.get("/health")
def live() -> ResponseReturnValue:
    """Liveness: the process answers."""
    return {"status": "ok"}`,
      `@blueprint.get("/health/ready")
def ready() -> ResponseReturnValue:
    """Readiness: every service the app depends on answers."""
    checks: dict[str, str] = {}
    for name, check in dependencies().items():
        try:
            check()
            checks[name] = "ok"
        except Exception as error:  # any failure at all means not ready
            logger.warning("not ready: %s: %s", name, error)
            checks[name] = "unavailable"
    ok = all(state == "ok" for state in checks.values())
    status = "ok" if ok else "unavailable"
    return {"status": status, "checks": checks}, 200 if ok else 503`,
    ],
  });
}

/** Imports inside a function body, sorted as ruff's isort sorts them and split where the indentation makes a line too long. */
function nestedImports(imports: readonly PyImport[], pkg: string): string {
  return renderImports(imports, [pkg])
    .split('\n')
    .map((line) => {
      const match = /^from (\S+) import ([^(]+)$/.exec(line);
      if (!match || line.length + 4 <= 88) return line;
      return `from ${match[1]} import (\n${match[2]!.split(', ').map((name) => `    ${name},`).join('\n')}\n)`;
    })
    .join('\n');
}
