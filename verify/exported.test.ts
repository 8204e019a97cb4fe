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
import { writerOf, wrongImports } from './support/framework.test';
import { freePort, limiter, mustRun, REPO, requireService, run, stopAll, waitFor, type Background } from './support/harness.test';
import { createVhost, databaseName, leaseRedisDb, removeStaleVhosts, type RedisLease, type Vhost } from './support/isolation.test';
import { bin, exportTo, loadExample, samplePayload, scenario, type Exported } from './support/project.test';
import type { TaskPlan } from '../domain/generate/plan/plan';
import { startUpstream, type Upstream } from './support/upstream.test';
import { fillEnv, hasStep, requirePython, runStep, startStep, stepCommands, STEPS, tryStep } from './support/readme-run.test';

// js-yaml ships no types; the one function used here is typed by hand.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

const EXAMPLES = readdirSync(join(REPO, 'examples')).filter((f) => f.endsWith('.strata')).sort();
/** While developing: STRATA_VERIFY_ONLY=blog,notes checks those examples alone. */
const ONLY = process.env.STRATA_VERIFY_ONLY?.split(',').map((name) => `${name.trim()}.strata`);
const SELECTED = ONLY ? EXAMPLES.filter((file) => ONLY.includes(file)) : EXAMPLES;
const BASE = mkdtempSync(join(tmpdir(), 'strata-verify-'));
const DBTOOL = join(REPO, 'verify', 'dbtool.py');
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

/** A project's services and processes, released whatever happens. */
interface Resources {
  lease?: RedisLease;
  vhost?: Vhost;
  database?: { engine: string; name: string };
  api?: Background;
  worker?: Background;
  brokerless?: Background;
  scheduler?: Background;
  /** The item check 7 created and had a task run for. */
  item?: number;
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

/** Database chores (create, drop, read the task ledger, forget one run) with the project's own drivers. */
function dbtool(p: Exported, engine: string, action: 'create' | 'drop' | 'task-runs' | 'forget', name: string, ...rest: string[]): Promise<string> {
  return mustRun(bin(p, 'python'), [DBTOOL, engine, action, name, ...rest], { cwd: p.dir });
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

/** The README's Serve step on a free port, until /health answers; then /health/ready. */
async function boot(p: Exported, resources: Resources): Promise<string> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const api = startStep(p, STEPS.serve, { env: { PORT: String(port) } });
  resources.api = api;
  const health = await waitFor(`${url}/health (log: ${api.output().slice(-500)})`, 90_000, async () => {
    if (api.child.exitCode !== null) throw new Error(`the Serve step exited: ${api.output().slice(-2000)}`);
    return fetch(`${url}/health`).catch(() => undefined);
  });
  expect(health.status).toBe(200);
  const ready = await fetch(`${url}/health/ready`);
  expect(ready.status, await ready.text()).toBe(200);
  return url;
}

/** Check 7: create and read back an item through the API, then a task enqueued through the API run by the README's worker. */
async function driveServices(p: Exported, resources: Resources, apiUrl: string): Promise<void> {
  const plan = scenario(p.plan, writerOf(p.plan).servesResources);
  const body = samplePayload(plan.create.model);
  const created = await fetch(`${apiUrl}${plan.create.url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const item = (await created.json()) as Record<string, unknown>;
  expect(created.status, JSON.stringify(item)).toBe(201);
  const read = await fetch(`${apiUrl}${plan.create.getUrl(item.id as number)}`);
  expect(read.status).toBe(200);
  expect(await read.json()).toEqual(item);
  if (plan.cacheKey) {
    const key = plan.cacheKey(item.id as number);
    const probe = `import redis, sys; print(redis.Redis.from_url(sys.argv[1]).exists(sys.argv[2]))`;
    const exists = await mustRun(bin(p, 'python'), ['-c', probe, `redis://127.0.0.1:6379/${resources.lease!.db}`, key], { cwd: p.dir });
    expect(exists.trim(), `the read left ${key} in the real Redis`).toBe('1');
  }
  if (!plan.task) {
    expect(p.plan.options.tasks === 'none' || p.plan.workers.length === 0).toBe(true);
    return;
  }
  if (!hasStep(p, STEPS.worker)) throw new Error(`the diagram has workers, but the README has no "${STEPS.worker}" step`);
  const worker = startStep(p, STEPS.worker);
  resources.worker = worker;
  resources.item = item.id as number;
  const queued = await fetch(`${apiUrl}${plan.task.url(item.id as number)}`, { method: 'POST' });
  expect(queued.status).toBe(202);
  const database = resources.database!;
  for (const ledger of [plan.task.ledger, ...plan.task.followUps]) {
    await waitFor(`the worker started as the README says (${stepCommands(p, STEPS.worker).join('; ')}) to run ${ledger}(${item.id}) (worker log: ${worker.output().slice(-1500)})`, 90_000, async () => {
      if (worker.child.exitCode !== null) throw new Error(`the worker exited: ${worker.output().slice(-2000)}`);
      const ids = (await dbtool(p, database.engine, 'task-runs', database.name, ledger)).trim().split(',');
      return ids.includes(String(item.id)) ? true : undefined;
    });
  }
}

/**
 * Check 10: the ledger row of check 7's task is deleted, then the README's scheduler step starts
 * with every schedule setting at 5 seconds (the real environment wins over .env): the row comes
 * back only if the scheduler fires, its sweep pages to the item, and the worker runs the task.
 */
async function checkScheduler(p: Exported, resources: Resources): Promise<void> {
  const plan = scenario(p.plan);
  // The task of check 7, or one it enqueued for the same item, whose worker a scheduler sweeps.
  const sweeps = (t: TaskPlan): boolean => p.plan.schedulers.some((s) => s.workers.some((w) => w.id === t.worker.id));
  const swept = plan.task ? [plan.task.plan, ...plan.task.plan.worker.workers.flatMap((w) => w.tasks)].find(sweeps) : undefined;
  if (!hasStep(p, STEPS.scheduler)) {
    expect(swept, `a scheduler reaches the worker of ${swept?.fn}, but the README has no "${STEPS.scheduler}" step`).toBeUndefined();
    return;
  }
  if (!swept || resources.item === undefined) throw new Error('no task of check 7 (or enqueued by it) is one a scheduler sweeps');
  const database = resources.database!;
  const ledger = `${swept.worker.snake.replace(/_+$/, '')}.${swept.fn}`;
  await dbtool(p, database.engine, 'forget', database.name, ledger, String(resources.item));
  // Nothing but the scheduler brings the row back: it stays gone for a while before it starts.
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  const before = (await dbtool(p, database.engine, 'task-runs', database.name, ledger)).trim().split(',');
  expect(before, `${ledger}(${resources.item}) ran again before the scheduler started`).not.toContain(String(resources.item));
  const fast = Object.fromEntries(p.plan.schedulers.map((s) => [s.scheduleSetting, '5']));
  const scheduler = startStep(p, STEPS.scheduler, { env: fast });
  resources.scheduler = scheduler;
  await waitFor(`the scheduler started as the README says (${stepCommands(p, STEPS.scheduler).join('; ')}) to have ${ledger}(${resources.item}) run again (scheduler log: ${scheduler.output().slice(-1500)})`, 120_000, async () => {
    if (scheduler.child.exitCode !== null) throw new Error(`the scheduler exited: ${scheduler.output().slice(-2000)}`);
    const ids = (await dbtool(p, database.engine, 'task-runs', database.name, ledger)).trim().split(',');
    return ids.includes(String(resources.item)) ? true : undefined;
  });
  // The scheduler keeps running once it has fired.
  expect(scheduler.child.exitCode, scheduler.output().slice(-2000)).toBeNull();
}

/**
 * Check 9: a second API whose BROKER_URL points at a closed port (the real environment wins
 * over .env, as it does for a user): /health/ready answers 503 naming the broker, and a
 * request that enqueues answers 503 with a message instead of losing the task.
 */
async function checkBrokerDown(p: Exported, resources: Resources): Promise<void> {
  const plan = scenario(p.plan, writerOf(p.plan).servesResources);
  if (!plan.task) {
    expect(p.plan.options.tasks === 'none' || p.plan.workers.length === 0).toBe(true);
    return;
  }
  const closed = await freePort();
  const broker = p.plan.broker?.engine === 'rabbitmq' ? `amqp://guest:guest@127.0.0.1:${closed}/%2F` : `redis://127.0.0.1:${closed}/0`;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const api = startStep(p, STEPS.serve, { env: { PORT: String(port), BROKER_URL: broker } });
  resources.brokerless = api;
  await waitFor(`${url}/health with the broker down (log: ${api.output().slice(-500)})`, 90_000, async () => {
    if (api.child.exitCode !== null) throw new Error(`the Serve step exited: ${api.output().slice(-2000)}`);
    return fetch(`${url}/health`).catch(() => undefined);
  });
  const ready = await fetch(`${url}/health/ready`);
  const readiness = await jsonOf<{ checks?: Record<string, string> }>(ready, '/health/ready');
  expect(ready.status, JSON.stringify(readiness)).toBe(503);
  expect(readiness.checks?.broker, JSON.stringify(readiness)).toMatch(/^(?!ok$)./);
  const enqueue = plan.task.url(resources.item ?? 1);
  const queued = await fetch(`${url}${enqueue}`, { method: 'POST' });
  const answer = await jsonOf<{ detail?: string }>(queued, `POST ${enqueue}`);
  expect(queued.status, JSON.stringify(answer)).toBe(503);
  expect(answer.detail).toMatch(/task queue/i);
}

/** A JSON body, or a failure that shows what came instead (an HTML error page, say). */
async function jsonOf<T>(response: Response, what: string): Promise<T> {
  const text = await response.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`${what} answered ${response.status} with no JSON: ${text.slice(0, 600)}`);
  }
}

/** Stops the project's processes and gives back its database, Redis db index and vhost. */
async function release(p: Exported, resources: Resources): Promise<void> {
  await resources.worker?.stop();
  await resources.api?.stop();
  await resources.brokerless?.stop();
  await resources.scheduler?.stop();
  const { database } = resources;
  if (database && database.engine !== 'sqlite') {
    await run(bin(p, 'python'), [DBTOOL, database.engine, 'drop', database.name], { cwd: p.dir });
  }
  await resources.lease?.release().catch(() => undefined);
  await resources.vhost?.remove().catch(() => undefined);
  // The venv is the biggest part of a project: gone as soon as its checks are done.
  rmSync(p.dir, { recursive: true, force: true });
}
