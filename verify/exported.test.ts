/**
 * export.md's eight checks, for real, on every diagram in examples/ (each exports to the
 * framework its project names). Each project is exported with generate() and then run the way
 * its user runs it: the README's own shell blocks (install, configure, migrate, serve, start a
 * worker, the checks), with a `.env` filled in with real service URLs. Projects run in parallel
 * (as many as there are cores), each with its own database, Redis db index and RabbitMQ vhost.
 * Nothing is mocked: a missing python, service or package index fails with a message.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Framework } from '../domain/diagram';
import { WRITERS } from '../domain/generate/writers';
import { validate } from '../domain/rules';
import { checkCompose } from './support/compose-check.test';
import { wrongImports } from './support/framework.test';
import { limiter, REPO, requireService, stopAll } from './support/harness.test';
import { createVhost, databaseName, leaseRedisDb, removeStaleVhosts } from './support/isolation.test';
import { boot, checkBrokerDown, checkScheduler, dbtool, driveServices, release, type Resources } from './support/live-checks.test';
import { exportTo, loadExample, type Exported } from './support/project.test';
import { startUpstream, type Upstream } from './support/upstream.test';
import { fillEnv, requirePython, runStep, stepCommands, STEPS, tryStep } from './support/readme-run.test';

// js-yaml ships no types; the one function used here is typed by hand.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

const EXAMPLES = readdirSync(join(REPO, 'examples')).filter((f) => f.endsWith('.strata')).sort();
/** While developing: STRATA_VERIFY_ONLY=blog,notes checks those examples alone. */
const ONLY = process.env.STRATA_VERIFY_ONLY?.split(',').map((name) => `${name.trim()}.strata`);
const SELECTED = ONLY ? EXAMPLES.filter((file) => ONLY.includes(file)) : EXAMPLES;
const BASE = mkdtempSync(join(tmpdir(), 'strata-verify-'));
/** Independent projects at once: their installs, tests and servers are mostly CPU-bound. */
const PARALLEL = Math.max(1, availableParallelism());
const queue = limiter(PARALLEL);

const CHECKS = ['install', 'lint', 'contracts', 'migrations', 'pytest', 'boot', 'services', 'scheduler', 'brokerDown', 'compose', 'ci'] as const;
type Check = (typeof CHECKS)[number];
/** What each check needs to have passed first. */
const NEEDS: Readonly<Record<Check, readonly Check[]>> = {
  install: [],
  lint: ['install'],
  contracts: ['install'],
  migrations: ['install'],
  pytest: ['install'],
  boot: ['migrations'],
  services: ['boot'],
  scheduler: ['services'],
  brokerDown: ['boot'],
  compose: [],
  ci: [],
};

/**
 * Checks known to fail because of a generator bug another issue owns: run as `test.fails`, so
 * the suite stays green while the bug is there and turns red (to be unmarked) once it is fixed.
 */
const KNOWN_FAILURES: Readonly<Record<string, { readonly check: Check; readonly why: string }>> = {};

interface Run {
  readonly project: Exported;
  readonly outcomes: Map<Check, Promise<void>>;
  readonly finished: Promise<void>;
}

const runs = new Map<string, Run>();
/** Stands in for every drawn external API (support/upstream.test.ts). */
let upstream: Upstream;

beforeAll(async () => {
  await requirePython();
  upstream = await startUpstream();
  if (SELECTED.some((file) => /"engine":\s*"rabbitmq"/.test(readFileSync(join(REPO, 'examples', file), 'utf8')))) await removeStaleVhosts();
  for (const file of SELECTED) {
    const name = file.replace(/\.strata$/, '');
    const project = exportTo(name, loadExample(file), BASE);
    runs.set(name, startRun(project));
  }
});

afterAll(async () => {
  await Promise.allSettled([...runs.values()].map((r) => r.finished));
  await stopAll();
  await upstream?.close();
  rmSync(BASE, { recursive: true, force: true });
});

const MATRIX = ['tasks:celery', 'tasks:rq', 'tasks:dramatiq', 'tasks:none', 'broker:redis', 'broker:rabbitmq', 'database:postgres', 'database:mysql', 'database:sqlite', 'layout:flat', 'layout:feature', 'layout:layered', 'layout:auto'];

/**
 * Frameworks that export but whose examples have not landed yet (issue #12): their coverage
 * check runs as `test.fails`, and turns red, to be unmarked, once their examples cover the matrix.
 */
const EXAMPLES_TO_COME: readonly Framework[] = [];

function matrixSeen(): Map<Framework, Set<string>> {
  const seen = new Map<Framework, Set<string>>();
  for (const file of EXAMPLES) {
    const d = loadExample(file);
    const values = seen.get(d.project.framework) ?? new Set<string>();
    seen.set(d.project.framework, values);
    values.add(`tasks:${d.project.tasks}`).add(`layout:${d.project.layout}`);
    for (const n of d.nodes) if (n.kind === 'database' || n.kind === 'broker') values.add(`${n.kind}:${n.engine}`);
  }
  return seen;
}

test('every example is free of error findings', () => {
  for (const file of EXAMPLES) expect(validate(loadExample(file)).filter((f) => f.severity === 'error'), `${file} has error findings`).toEqual([]);
});

for (const framework of Object.keys(WRITERS) as Framework[]) {
  (EXAMPLES_TO_COME.includes(framework) ? test.fails : test)(`the ${framework} examples cover every matrix value`, () => {
    const values = matrixSeen().get(framework) ?? new Set<string>();
    expect(MATRIX.filter((w) => !values.has(w)), `examples exporting to ${framework} miss these matrix values`).toEqual([]);
  });
}

const TITLES: Readonly<Record<Check, string>> = {
  install: '1. installs into a fresh venv as the README says',
  lint: '2. ruff check and ruff format --check pass (the README\'s Lint step)',
  contracts: '3. lint-imports keeps every contract, and a wrong import breaks one',
  migrations: '4. the README\'s migrations round trip on the real database: upgrade, check, downgrade, upgrade',
  pytest: "5. the project's own tests pass (the README's Tests step)",
  boot: '6. the README\'s Serve step boots the app; /health and /health/ready answer 200',
  services: '7. the API writes through the real database and the README\'s worker runs the enqueued task',
  scheduler: "10. the README's scheduler, on a short schedule set in the environment, has the worker run a task again once its ledger row is gone",
  brokerDown: '9. with the broker unreachable, enqueueing answers 503 with a message and /health/ready answers 503 naming the broker',
  ci: "11. .github/workflows/ci.yml parses as YAML and runs the README's own check commands, step by step",
  compose: '8. docker-compose.yml validates against the compose spec; depends_on targets exist and are healthchecked',
};

for (const file of SELECTED) {
  const name = file.replace(/\.strata$/, '');
  describe(name, () => {
    for (const check of CHECKS) {
      const known = KNOWN_FAILURES[name]?.check === check;
      (known ? test.fails : test)(TITLES[check], async () => {
        await runs.get(name)!.outcomes.get(check);
      });
    }
  });
}

/** Queues one project's checks; each outcome settles as soon as its check has run. */
function startRun(project: Exported): Run {
  const settle = new Map<Check, { resolve: () => void; reject: (error: unknown) => void }>();
  const outcomes = new Map<Check, Promise<void>>();
  for (const check of CHECKS) {
    const outcome = new Promise<void>((resolve, reject) => settle.set(check, { resolve, reject }));
    outcome.catch(() => undefined);
    outcomes.set(check, outcome);
  }
  const finished = queue(() => checkProject(project, (check, error) => (error === undefined ? settle.get(check)!.resolve() : settle.get(check)!.reject(error))));
  finished.catch(() => undefined);
  return { project, outcomes, finished };
}

async function checkProject(p: Exported, report: (check: Check, error?: unknown) => void): Promise<void> {
  const failed = new Set<Check>();
  const resources: Resources = {};
  const check = async (name: Check, body: () => Promise<void>): Promise<void> => {
    const missing = NEEDS[name].filter((need) => failed.has(need));
    if (missing.length > 0) {
      failed.add(name);
      return report(name, new Error(`not run: it needs check "${missing.join('", "')}", which failed`));
    }
    try {
      await body();
      report(name);
    } catch (error) {
      failed.add(name);
      report(name, error);
    }
  };
  try {
    await check('compose', async () => expect(checkCompose(readFileSync(join(p.dir, 'docker-compose.yml'), 'utf8'))).toEqual([]));
    await check('ci', async () => checkWorkflow(p));
    await check('install', async () => {
      await runStep(p, STEPS.install, { activate: false, timeoutMs: 900_000 });
      await configure(p, resources);
    });
    await check('lint', async () => void (await runStep(p, STEPS.lint)));
    await check('contracts', () => checkContracts(p));
    await check('migrations', async () => {
      await runStep(p, STEPS.migrations);
      await runStep(p, STEPS.migrate);
    });
    await check('pytest', async () => expect(await runStep(p, STEPS.tests)).toMatch(/\d+ passed/));
    let apiUrl = '';
    await check('boot', async () => {
      apiUrl = await boot(p, resources);
    });
    await check('services', () => driveServices(p, resources, apiUrl));
    await check('scheduler', () => checkScheduler(p, resources));
    await check('brokerDown', () => checkBrokerDown(p, resources));
  } finally {
    await release(p, resources);
  }
}

/** The project's CI workflow: valid YAML, and each check step runs exactly the README step's commands. */
function checkWorkflow(p: Exported): void {
  const workflow = yaml.load(readFileSync(join(p.dir, '.github', 'workflows', 'ci.yml'), 'utf8')) as { jobs: Record<string, { steps: Array<{ name?: string; run?: string }> }> };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const runOf = (title: string): string[] => (steps.find((s) => s.name === title)?.run ?? '').split('\n').filter((line) => line.trim() !== '');
  const withoutComments = (lines: readonly string[]): string[] => lines.map((line) => line.replace(/\s+#.*$/, ''));
  for (const title of [STEPS.lint, STEPS.contracts, STEPS.tests, STEPS.migrations]) {
    expect(runOf(title), `the workflow's "${title}" step`).toEqual(withoutComments(stepCommands(p, title)));
  }
  // Install: the README's commands after it creates and activates the virtual environment.
  expect(runOf(STEPS.install)).toEqual(withoutComments(stepCommands(p, STEPS.install)).filter((line) => !line.startsWith('python -m venv')));
}

/** The README's Configure step, then `.env` filled in with this project's own services. */
async function configure(p: Exported, resources: Resources): Promise<void> {
  await runStep(p, STEPS.configure);
  const example = readFileSync(join(p.dir, '.env.example'), 'utf8');
  if (/=redis:\/\//.test(example)) {
    await requireService('Redis', 6379);
    resources.lease = await leaseRedisDb(p.name);
  }
  if (/=amqp:\/\//.test(example)) {
    await requireService('RabbitMQ', 5672);
    resources.vhost = await createVhost(p.name);
  }
  const values = fillEnv(p, (key, value) => {
    if (key === 'DATABASE_URL') return databaseUrl(p, value, resources);
    if (value.startsWith('redis://')) return `redis://127.0.0.1:6379/${resources.lease!.db}`;
    if (value.startsWith('amqp://')) return `amqp://guest:guest@127.0.0.1:5672/${resources.vhost!.name}`;
    if (key.endsWith('_BASE_URL')) return upstream.url;
    return undefined;
  });
  if (!values.DATABASE_URL) throw new Error(`${p.name}: .env.example has no DATABASE_URL`);
  const engine = resources.database?.engine;
  if (engine === 'postgres') await requireService('PostgreSQL', 5432);
  if (engine === 'mysql') await requireService('MariaDB/MySQL', 3306);
  if (engine === 'postgres' || engine === 'mysql') await dbtool(p, engine, 'create', resources.database!.name);
}

/** The project's database URL with its own scheme and driver, on the real server, under a name of its own. */
function databaseUrl(p: Exported, example: string, resources: Resources): string {
  const scheme = example.slice(0, example.indexOf('://'));
  if (scheme.startsWith('postgres')) {
    resources.database = { engine: 'postgres', name: databaseName(p.name) };
    return `${scheme}://postgres@127.0.0.1:5432/${resources.database.name}`;
  }
  if (scheme.startsWith('mysql')) {
    resources.database = { engine: 'mysql', name: databaseName(p.name) };
    return `${scheme}://root@127.0.0.1:3306/${resources.database.name}`;
  }
  // SQLite: the file the example names, relative to the project folder, as the user would keep it.
  resources.database = { engine: 'sqlite', name: join(p.dir, example.replace(/^[^:]+:\/\/\/(\.\/)?/, '')) };
  return example;
}

async function checkContracts(p: Exported): Promise<void> {
  const kept = await tryStep(p, STEPS.contracts);
  expect(kept.code, kept.output).toBe(0);
  for (const wrong of wrongImports(p)) {
    const original = readFileSync(wrong.file, 'utf8');
    writeFileSync(wrong.file, `${original}\n${wrong.line}\n`);
    try {
      const broken = await tryStep(p, STEPS.contracts);
      expect(broken.code, `${wrong.what} kept every contract:\n${broken.output}`).not.toBe(0);
      expect(broken.output, wrong.what).toMatch(wrong.broken);
    } finally {
      writeFileSync(wrong.file, original);
    }
  }
}
