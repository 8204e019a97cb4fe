/**
 * export.md's eight checks, for real, on every diagram in examples/: each is exported with
 * generate(), installed into a fresh venv from PyPI, linted, migrated against the real database,
 * tested, booted, driven through the real database and broker, and its compose file validated.
 * Nothing is mocked: a missing python3, service or package index fails with a message.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { modulesFor } from '../domain/generate/fastapi/layout';
import { pathOf } from '../domain/generate/modules';
import { validate } from '../domain/rules';
import { checkCompose } from './support/compose-check.test';
import { freePort, limiter, mustRun, REPO, redisCommand, requireService, run, start, stopAll, waitFor, type Background } from './support/harness.test';
import { bin, envFor, exportTo, findPython, install, loadExample, samplePayload, scenario, taskApp, taskModules, type Exported } from './support/project.test';

const EXAMPLES = readdirSync(join(REPO, 'examples')).filter((f) => f.endsWith('.strata')).sort();
const BASE = mkdtempSync(join(tmpdir(), 'strata-verify-'));
const RUN_ID = `${process.pid}`;
const installQueue = limiter(2);
const projects = new Map<string, Exported>();
const installs = new Map<string, Promise<void>>();
const DBTOOL = join(REPO, 'verify', 'dbtool.py');

beforeAll(async () => {
  await findPython();
  for (const file of EXAMPLES) {
    const name = file.replace(/\.strata$/, '');
    const project = exportTo(name, loadExample(file), BASE);
    projects.set(name, project);
    const installing = installQueue(() => install(project));
    installing.catch(() => undefined);
    installs.set(name, installing);
  }
});

afterAll(async () => {
  await stopAll();
  rmSync(BASE, { recursive: true, force: true });
});

test('there are at least eight examples and they cover every matrix value', () => {
  expect(EXAMPLES.length).toBeGreaterThanOrEqual(8);
  const seen = new Set<string>();
  for (const file of EXAMPLES) {
    const d = loadExample(file);
    seen.add(`tasks:${d.project.tasks}`).add(`layout:${d.project.layout}`);
    for (const n of d.nodes) if (n.kind === 'database' || n.kind === 'broker') seen.add(`${n.kind}:${n.engine}`);
    const errors = validate(d).filter((f) => f.severity === 'error');
    expect(errors, `${file} has error findings`).toEqual([]);
  }
  const wanted = ['tasks:celery', 'tasks:rq', 'tasks:dramatiq', 'tasks:none', 'broker:redis', 'broker:rabbitmq', 'database:postgres', 'database:mysql', 'database:sqlite', 'layout:flat', 'layout:feature', 'layout:layered', 'layout:auto'];
  expect(wanted.filter((w) => !seen.has(w))).toEqual([]);
});

EXAMPLES.forEach((file, index) => {
  const name = file.replace(/\.strata$/, '');
  const redisDb = index + 1;
  const database = `strata_verify_${name}_${RUN_ID}`;
  let api: Background | undefined;
  let apiUrl = '';

  describe.sequential(name, () => {
    const p = (): Exported => projects.get(name)!;
    const engine = (): string => p().plan.database.engine;
    const databaseUrl = (): string => {
      switch (engine()) {
        case 'postgres':
          return `postgresql+psycopg://postgres@127.0.0.1:5432/${database}`;
        case 'mysql':
          return `mysql+aiomysql://root@127.0.0.1:3306/${database}`;
        default:
          return `sqlite+aiosqlite:///${join(p().dir, 'verify.sqlite3')}`;
      }
    };
    const brokerUrl = (): string => {
      const broker = p().plan.broker;
      if (broker?.engine === 'rabbitmq') return p().plan.options.tasks === 'dramatiq' ? 'amqp://guest:guest@127.0.0.1:5672/%2F' : 'amqp://guest:guest@127.0.0.1:5672//';
      return `redis://127.0.0.1:6379/${redisDb}`;
    };
    const settings = (): Record<string, string> => {
      const env: Record<string, string> = { DATABASE_URL: databaseUrl(), LOG_LEVEL: 'INFO' };
      if (p().plan.broker) Object.assign(env, { BROKER_URL: brokerUrl(), TASKS_EAGER: 'false' });
      for (const c of p().plan.caches) env[`${c.snake.replace(/_+$/, '')}_url`.toUpperCase()] = `redis://127.0.0.1:6379/${redisDb}`;
      return env;
    };
    const dbtool = (...args: string[]): Promise<string> => mustRun(bin(p(), 'python'), [DBTOOL, engine(), ...args], { env: envFor(p()) });
    const dbName = (): string => (engine() === 'sqlite' ? join(p().dir, 'verify.sqlite3') : database);

    beforeAll(async () => {
      const plan = p().plan;
      if (plan.database.engine === 'postgres') await requireService('PostgreSQL', 5432);
      if (plan.database.engine === 'mysql') await requireService('MariaDB/MySQL', 3306);
      if (plan.broker?.engine === 'redis' || plan.caches.length > 0) await requireService('Redis', 6379);
      if (plan.broker?.engine === 'rabbitmq') await requireService('RabbitMQ', 5672);
    });

    afterAll(async () => {
      await api?.stop();
      await stopAll();
      if (installs.has(name) && engine() !== 'sqlite') await run(bin(p(), 'python'), [DBTOOL, engine(), 'drop', database], { env: envFor(p()) });
      if (p().plan.broker?.engine === 'redis' || p().plan.caches.length > 0) await redisCommand(redisDb, ['FLUSHDB']).catch(() => undefined);
      rmSync(p().venv, { recursive: true, force: true });
    });

    test('1. installs into a fresh venv: pip install -e . --group dev', async () => {
      await installs.get(name);
    });

    test('2. ruff check and ruff format --check pass', async () => {
      await mustRun(bin(p(), 'ruff'), ['check', '.'], { cwd: p().dir, env: envFor(p()) });
      await mustRun(bin(p(), 'ruff'), ['format', '--check', '.'], { cwd: p().dir, env: envFor(p()) });
    });

    test('3. lint-imports keeps every contract, and a wrong import breaks one', async () => {
      const lint = (): ReturnType<typeof run> => run(bin(p(), 'lint-imports'), ['--no-cache'], { cwd: p().dir, env: envFor(p()) });
      const kept = await lint();
      expect(kept.code, kept.output).toBe(0);
      const modules = modulesFor(p().plan);
      const service = join(p().dir, pathOf(modules.of('services', p().plan.services[0]!)));
      const broken = await withAppended(service, '\nimport fastapi  # a business layer importing the web framework\n', lint);
      expect(broken.code, broken.output).not.toBe(0);
      expect(broken.output).toMatch(/Business layers import no web or queue framework BROKEN/);
      const repository = p().plan.repositories[0]!;
      const router = p().plan.routers.find((r) => r.feature === repository.feature) ?? p().plan.routers[0]!;
      const repoFile = join(p().dir, pathOf(modules.of('repositories', repository)));
      const upward = await withAppended(repoFile, `\nfrom ${modules.of('routes', router)} import ${router.variable}  # upward\n`, lint);
      expect(upward.code, upward.output).not.toBe(0);
      expect(upward.output).toMatch(/Layers.* BROKEN/);
    });

    test('4. alembic upgrade head, check, downgrade base, upgrade head on the real database', async () => {
      if (engine() !== 'sqlite') await dbtool('create', database);
      const env = envFor(p(), settings());
      for (const args of [['upgrade', 'head'], ['check'], ['downgrade', 'base'], ['upgrade', 'head']]) {
        await mustRun(bin(p(), 'alembic'), args, { cwd: p().dir, env });
      }
    });

    test("5. the project's own pytest passes", async () => {
      const output = await mustRun(bin(p(), 'pytest'), ['-q', '-p', 'no:cacheprovider'], { cwd: p().dir, env: envFor(p()) });
      expect(output).toMatch(/\d+ passed/);
    });

    test('6. the app boots with uvicorn; /health and /health/ready answer 200', async () => {
      const port = await freePort();
      apiUrl = `http://127.0.0.1:${port}`;
      api = start(bin(p(), 'uvicorn'), [`${p().plan.pkg}.main:app`, '--host', '127.0.0.1', '--port', String(port)], { cwd: p().dir, env: envFor(p(), settings()) });
      const health = await waitFor(`${apiUrl}/health (log: ${api.output().slice(-500)})`, 60_000, async () => {
        if (api?.child.exitCode !== null) throw new Error(`uvicorn exited: ${api?.output().slice(-2000)}`);
        const r = await fetch(`${apiUrl}/health`).catch(() => undefined);
        return r;
      });
      expect(health.status).toBe(200);
      const ready = await fetch(`${apiUrl}/health/ready`);
      expect(ready.status, await ready.text()).toBe(200);
    });

    test('7. the API writes through the real database and a real worker runs the enqueued task', async () => {
      expect(api, 'the app from check 6 is running').toBeDefined();
      const plan = scenario(p().plan);
      const body = samplePayload(plan.create.model);
      const created = await fetch(`${apiUrl}${plan.create.url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const item = (await created.json()) as Record<string, unknown>;
      expect(created.status, JSON.stringify(item)).toBe(201);
      const read = await fetch(`${apiUrl}${plan.create.getUrl(item.id as number)}`);
      expect(read.status).toBe(200);
      expect(await read.json()).toEqual(item);
      if (plan.hits) {
        const counts = [];
        for (let i = 0; i < 2; i++) counts.push(((await (await fetch(`${apiUrl}${plan.hits}`)).json()) as { hits: number }).hits);
        expect(counts[1], 'the hit counter lives in the real Redis').toBe(counts[0]! + 1);
      }
      if (!plan.task) {
        expect(p().plan.options.tasks === 'none' || p().plan.workers.length === 0).toBe(true);
        return;
      }
      const worker = startWorker(p(), envFor(p(), settings()));
      const queued = await fetch(`${apiUrl}${plan.task.url(item.id as number)}`, { method: 'POST' });
      expect(queued.status).toBe(202);
      for (const ledger of [plan.task.ledger, ...plan.task.followUps]) {
        await waitFor(`the ${p().plan.options.tasks} worker to run ${ledger}(${item.id}) (worker log: ${worker.output().slice(-1500)})`, 90_000, async () => {
          if (worker.child.exitCode !== null) throw new Error(`the worker exited: ${worker.output().slice(-2000)}`);
          const ids = (await dbtool('task-runs', dbName(), ledger)).trim().split(',');
          return ids.includes(String(item.id)) ? true : undefined;
        });
      }
      await worker.stop();
      await api?.stop();
    });

    test('8. docker-compose.yml validates against the compose spec; depends_on targets exist and are healthchecked', () => {
      const problems = checkCompose(readFileSync(join(p().dir, 'docker-compose.yml'), 'utf8'));
      expect(problems).toEqual([]);
    });
  });
});

function startWorker(p: Exported, env: NodeJS.ProcessEnv): Background {
  const queue = p.plan.pkg;
  switch (p.plan.options.tasks) {
    case 'celery':
      return start(bin(p, 'celery'), ['-A', taskApp(p), 'worker', '--pool', 'solo', '-Q', queue, '--loglevel', 'INFO'], { cwd: p.dir, env });
    case 'rq':
      return start(bin(p, 'rq'), ['worker', '--url', String(env.BROKER_URL), queue], { cwd: p.dir, env });
    case 'dramatiq':
      return start(bin(p, 'dramatiq'), [taskApp(p), ...taskModules(p), '--processes', '1', '--threads', '1', '--queues', queue], { cwd: p.dir, env });
    case 'none':
      throw new Error('no task framework');
  }
}

/** Runs `check` with `text` appended to `file`, then restores the file. */
async function withAppended<T>(file: string, text: string, check: () => Promise<T>): Promise<T> {
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, original + text);
  try {
    return await check();
  } finally {
    writeFileSync(file, original);
  }
}
