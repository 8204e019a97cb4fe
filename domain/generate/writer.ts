/**
 * What a framework room provides. The shared emitters (pyproject, compose, Dockerfile, README,
 * .env, contracts) never ask which framework they serve: they ask the writer for the facts that
 * differ. Adding a framework means implementing this interface in its own folder and listing
 * it in `writers.ts`; see README.md beside this file.
 */
import type { Modules } from './modules';
import type { Plan } from './plan/plan';

export type DatabaseEngine = Plan['database']['engine'];

/** A command a user runs, with the short reason shown beside it in the README. */
export interface Explained {
  readonly command: string;
  readonly why: string;
}

export interface Commands {
  /** Applies the migrations: the compose `migrate` service and the README's local steps. */
  readonly migrate: readonly string[];
  /** Succeeds once the migration tool can reach the database: the `migrate` service's healthcheck. */
  readonly migrationStatus: readonly string[];
  /** Serves the app in production: the Dockerfile's CMD (on 0.0.0.0:8000). */
  readonly serve: readonly string[];
  /** Serves the app for local development on 127.0.0.1, port `$PORT` (8000 when unset), as the README shows it. */
  readonly serveLocally: string;
  /** The project's own tests, as the README shows them. */
  readonly test: Explained;
  /** Checks that the models and the migrations agree. */
  readonly migrationChecks: readonly Explained[];
  /** Rolls every migration back (the README's migrations round trip: apply, check, roll back). */
  readonly rollback: Explained;
}

export interface Sources {
  /**
   * The Python modules of the package, dotted name → text. Packages without a module of their
   * own get an `__init__` from the shared part, documented by the writer's `packageDoc`.
   */
  readonly modules: ReadonlyMap<string, string>;
  /** Files beside the package (migrations, tests): path under the project root → text. */
  readonly files: ReadonlyMap<string, string>;
}

export interface FrameworkWriter {
  /** The framework as prose names it: "FastAPI". */
  readonly name: string;
  /** What the README's first line lists after the framework: "SQLAlchemy 2 (async), Alembic". */
  readonly stack: string;
  /** Where each part of the project lives, for the plan's layout. */
  modules(plan: Plan): Modules;
  /** The framework's own code, written in one pass (names handed out on the way stay consistent). */
  sources(plan: Plan): Sources;
  /** The docstring of a package `__init__` the shared part adds. */
  packageDoc(plan: Plan, pkg: string): string;
  /** SQLAlchemy-style URL scheme of each database engine, driver included (`postgresql+psycopg`). */
  readonly databaseSchemes: Readonly<Record<DatabaseEngine, string>>;
  /** Runtime dependencies of the web framework, its ORM and the database driver (pinned). */
  dependencies(plan: Plan): string[];
  /** Development dependencies beyond pytest, ruff and import-linter. */
  readonly testDependencies: readonly string[];
  /** `[tool.pytest.ini_options]` entries beyond `testpaths` and `addopts`, as TOML `key = value`. */
  readonly pytestSettings: readonly string[];
  /** Top-level modules of the web framework, which the business layers must not import. */
  readonly frameworkModules: readonly string[];
  /** How the framework's users name the interface layer in prose ("Routes", "APIs"). */
  readonly routesWord: string;
  commands(plan: Plan): Commands;
  /** The Dockerfile's runtime stage: what it copies besides the installed venv. */
  readonly dockerCopies: readonly string[];
  /** The README's sentence on where to look once the app runs, before the health endpoints. */
  readonly browseHint: string;
}
