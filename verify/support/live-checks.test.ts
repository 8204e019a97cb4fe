/**
 * The checks of an exported project that run it against the real services (export.md checks 6,
 * 7, 9 and 10): the README's Serve step booted, an item written and a task run by the README's
 * worker, the API with its broker down, the README's scheduler firing; and the resources each
 * project holds meanwhile, given back whatever happens.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { TaskPlan } from '../../domain/generate/plan/plan';
import { writerOf } from './framework.test';
import { freePort, mustRun, REPO, run, waitFor, type Background } from './harness.test';
import type { RedisLease, Vhost } from './isolation.test';
import { bin, samplePayload, scenario, type Exported } from './project.test';
import { hasStep, startStep, stepCommands, STEPS } from './readme-run.test';

const DBTOOL = join(REPO, 'verify', 'dbtool.py');

/** A project's services and processes, released whatever happens. */
export interface Resources {
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

/** Database chores (create, drop, read the task ledger, forget one run) with the project's own drivers. */
export function dbtool(p: Exported, engine: string, action: 'create' | 'drop' | 'task-runs' | 'forget', name: string, ...rest: string[]): Promise<string> {
  return mustRun(bin(p, 'python'), [DBTOOL, engine, action, name, ...rest], { cwd: p.dir });
}

/** The README's Serve step on a free port, until /health answers; then /health/ready. */
export async function boot(p: Exported, resources: Resources): Promise<string> {
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
export async function driveServices(p: Exported, resources: Resources, apiUrl: string): Promise<void> {
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
export async function checkScheduler(p: Exported, resources: Resources): Promise<void> {
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
export async function checkBrokerDown(p: Exported, resources: Resources): Promise<void> {
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
export async function release(p: Exported, resources: Resources): Promise<void> {
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
