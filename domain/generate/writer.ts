/**
 * What a framework room provides. The shared emitters (pyproject, compose, Dockerfile, README,
 * .env, contracts) never ask which framework they serve: they ask the writer for the facts that
 * differ. Adding a framework means implementing this interface in its own folder and listing
 * it in `writers.ts`; see README.md beside this file.
 */
import type { Modules } from './modules';
import type { ModelPlan, NodePlan, Plan } from './plan/plan';

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

/** One setting the project reads, when a room lists its own (see `FrameworkWriter.environment`). */
export interface EnvironmentSetting {
  readonly name: string;
  /** The value `.env.example` shows: a placeholder or a working local value. */
  readonly example: string;
  /** The value compose passes to every app container; absent when compose leaves it unset. */
  readonly compose?: string;
  /** A comment above this setting in `.env.example` (it starts a group). */
  readonly group?: string;
}

/** A background process (a worker or a scheduler): a compose service and a README step. */
export interface Process {
  /** The compose service name. */
  readonly service: string;
  /** What the README calls it: "the worker", "the scheduler nightly". */
  readonly title: string;
  /** Exec form, as compose runs it in the image. */
  readonly command: readonly string[];
  /** The command a user runs from the project folder. */
  readonly local: string;
  /** Compose healthcheck `test`, exec form; fails when the process hangs. */
  readonly healthcheck: readonly string[];
  readonly kind: 'worker' | 'scheduler';
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
  /** Development dependencies beyond pytest, ruff and import-linter; a function when they depend on the plan. */
  readonly testDependencies: readonly string[] | ((plan: Plan) => readonly string[]);
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
  /**
   * Optional: every setting the code reads, for `.env.example` and compose's one shared
   * environment (`x-app-environment`). Without it the shared settings list is used.
   */
  environment?(plan: Plan): EnvironmentSetting[];
  /** Optional: the README's sentence, after the worker step, on what the API does while the broker is down. */
  readonly brokerDown?: string;
  /** Optional: the workers and schedulers as the task framework's integration runs them. */
  processes?(plan: Plan, modules: Modules): Process[];
  /** Optional: ruff settings beyond the shared ones (rule sets, ignores, excluded paths). */
  readonly lint?: { readonly select: readonly string[]; readonly ignore: readonly string[]; readonly exclude: readonly string[] };
  /** Optional: `[tool.pytest.ini_options]` entries that name the project (`DJANGO_SETTINGS_MODULE`). */
  pytestOptions?(plan: Plan): string[];
  /** Optional: the import-linter contracts in the room's own words (else the shared layers). */
  contracts?(plan: Plan, modules: Modules, existing: ReadonlySet<string>): string;
  /**
   * Optional: imports the room's idiom makes along a drawn path without an arrow of their own,
   * which its contracts allow (Django: a service writes, and returns, the models it reaches
   * through its drawn repositories and services). Importer first, imported second.
   */
  readonly impliedImports?: {
    /** The pairs, for the plan. */
    pairs(plan: Plan): ReadonlyArray<readonly [NodePlan, NodePlan]>;
    /** The README's sentence saying which imports these are and why. */
    readonly why: string;
  };
  /**
   * Optional: true when the room serves the plan's `resources` and `actions` (a router's own
   * model at its own prefix, reached models at nested paths, one action per task; neutral
   * design §2) rather than its `endpoints`. The verify suite calls the API where it is served.
   */
  readonly servesResources?: boolean;
  /**
   * Optional: the cache key a read of one item leaves in a drawn cache on its read path, when
   * the room caches reads through (the verify suite looks for it in the real Redis).
   */
  readThroughKey?(model: ModelPlan, id: number): string;
  /** Optional: the Dockerfile runtime stage's extra environment and build steps (`collectstatic`). */
  docker?(plan: Plan): { readonly env: readonly string[]; readonly run: readonly string[] };
}
