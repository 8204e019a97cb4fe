/** One example diagram exported to a temp folder, and what the verify suite knows of it. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagram } from '../../domain/diagram';
import { generate } from '../../domain/generate';
import { buildPlan, type ModelPlan, type Plan, type Provider, type RouterPlan, type TaskPlan } from '../../domain/generate/plan/plan';
import { columnsOf } from '../../domain/generate/sqlalchemy/columns';
import { parseDiagram } from '../../domain/parse';
import { writerOf } from './framework.test';
import { REPO } from './harness.test';

export interface Exported {
  readonly name: string;
  readonly diagram: Diagram;
  readonly plan: Plan;
  /** The project's root folder, where its README's commands run. */
  readonly dir: string;
  /** The virtual environment the README's first step creates. */
  readonly venv: string;
  readonly files: ReadonlyMap<string, string>;
}

export function loadExample(file: string): Diagram {
  const parsed = parseDiagram(readFileSync(join(REPO, 'examples', file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not parse: ${JSON.stringify(parsed.errors)}`);
  return parsed.diagram;
}

export function exportTo(name: string, diagram: Diagram, base: string): Exported {
  const result = generate(diagram);
  if (!result.ok) throw new Error(`${name}: generate() refused: ${result.error.message}`);
  const out = join(base, name);
  mkdirSync(out, { recursive: true });
  writeFiles(result.files, out);
  const plan = buildPlan(diagram, { framework: diagram.project.framework, tasks: diagram.project.tasks, layout: diagram.project.layout });
  const dir = join(out, result.root);
  return { name, diagram, plan, dir, venv: join(dir, '.venv'), files: result.files };
}

export const bin = (p: Pick<Exported, 'venv'>, tool: string): string => join(p.venv, 'bin', tool);

/** JSON body for creating an item of `model`, from the same samples the project's tests use. */
export function samplePayload(model: ModelPlan): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const c of columnsOf(model)) {
    if (c.serverNow || c.ref) continue;
    body[c.name] = JSON.parse(c.sample === 'True' ? 'true' : c.sample === 'None' ? 'null' : c.sample);
  }
  return body;
}

export interface Scenario {
  readonly create: { readonly url: string; readonly model: ModelPlan; readonly getUrl: (id: number) => string };
  readonly task?: { readonly plan: TaskPlan; readonly url: (id: number) => string; readonly ledger: string; readonly followUps: readonly string[] };
  /** The key a read of the created item leaves in the real cache, when its read path holds one. */
  readonly cacheKey?: (id: number) => string;
}

/**
 * Which API calls check 7 makes: create and read back an item, then enqueue a task for it.
 * `servesResources` (the writer's): the API is the plan's resources and actions, else its endpoints.
 */
export function scenario(plan: Plan, servesResources = false): Scenario {
  if (servesResources) return resourceScenario(plan);
  const url = (r: RouterPlan, path: string): string => `/api${r.prefix}${path === '/' ? '/' : path}`;
  const taskRouter = plan.routers.find((r) => r.endpoints.some((e) => e.op === 'enqueue'));
  const enqueue = taskRouter?.endpoints.find((e) => e.op === 'enqueue');
  const wanted = enqueue?.task?.worker.services[0]?.provides[0]?.model;
  const creators = plan.routers.flatMap((r) => r.endpoints.filter((e) => e.op === 'create').map((e) => ({ r, e })));
  const creator = creators.find((c) => !wanted || c.e.model?.id === wanted.id) ?? creators[0];
  if (!creator?.e.model) throw new Error('the diagram has no router that creates an item');
  const getter = creator.r.endpoints.find((e) => e.op === 'get' && e.model?.id === creator.e.model!.id);
  if (!getter) throw new Error('the router that creates items cannot read them back');
  const create = { url: url(creator.r, creator.e.path), model: creator.e.model, getUrl: (id: number) => url(creator.r, getter.path).replace('{item_id}', String(id)) };
  const keyOf = writerOf(plan).readThroughKey;
  const model = creator.e.model;
  const cached = keyOf && (creator.r.caches.length > 0 || readsThroughCache(model, getter.provider)) ? { cacheKey: (id: number) => keyOf(model, id) } : {};
  if (!enqueue?.task || !taskRouter) return { create, ...cached };
  const task = enqueue.task;
  const ledger = (t: TaskPlan): string => `${t.worker.snake.replace(/_+$/, '')}.${t.fn}`;
  // Tasks of the workers this task's worker depends on: enqueued by it after its commit.
  const followUps = task.worker.workers.flatMap((w) => w.tasks.map(ledger));
  return {
    create,
    ...cached,
    task: { plan: task, url: (id) => url(taskRouter, enqueue.path).replace('{item_id}', String(id)), ledger: ledger(task), followUps },
  };
}

/** The ledger name of a task, as the project's task ledger records its runs. */
const ledgerOf = (t: TaskPlan): string => `${t.worker.snake.replace(/_+$/, '')}.${t.fn}`;

/**
 * Check 7's calls on an API served as the neutral design's resources: the router whose action
 * enqueues a task for its own model creates that model at its prefix (else any router with an
 * own model that can be created and read), reads it back at `/{id}`, and posts the action.
 */
function resourceScenario(plan: Plan): Scenario {
  const url = (r: RouterPlan, path: string, id?: number): string => `/api${r.prefix}${path}`.replace('{id}', String(id));
  const creates = (r: RouterPlan): boolean => r.resources.some((x) => x.own && x.operations.has('create') && x.operations.has('get'));
  const taskRouter = plan.routers.find((r) => creates(r) && r.actions.some((a) => a.model !== undefined));
  const router = taskRouter ?? plan.routers.find(creates);
  const resource = router?.resources.find((x) => x.own);
  if (!router || !resource) throw new Error('the diagram has no router that creates and reads its own items');
  const create = { url: url(router, resource.path), model: resource.model, getUrl: (id: number) => url(router, `${resource.path}/{id}`, id) };
  const action = taskRouter?.actions.find((a) => a.model !== undefined);
  if (!action) return { create };
  const task = action.task;
  const followUps = task.worker.workers.flatMap((w) => w.tasks.map(ledgerOf));
  return { create, task: { plan: task, url: (id) => url(router, action.path, id), ledger: ledgerOf(task), followUps } };
}

/** Whether a read of `model` through this provider passes a drawn cache: the repository's, or a service's over a repository. */
function readsThroughCache(model: ModelPlan, provider: Provider | undefined): boolean {
  if (!provider) return false;
  if (provider.via === 'repository') return provider.node.caches.length > 0;
  const own = provider.node.provides.find((p) => p.model.id === model.id);
  if (!own) return false;
  return (own.provider.via === 'repository' && provider.node.caches.length > 0) || readsThroughCache(model, own.provider);
}

export function writeFiles(files: ReadonlyMap<string, string>, out: string): void {
  for (const [path, text] of files) {
    const target = join(out, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}
