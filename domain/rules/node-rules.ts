/**
 * Rules about one component and its neighbours. Each collector appends in node order and looks
 * only at counting edges (no dangling edges, no extra duplicates).
 */
import { engineOf, type DiagramNode, type TaskFramework } from '../diagram';
import type { Finding, RuleId, Severity } from './catalog';
import { describe } from './describe';
import type { Graph } from './graph';
import { kindCode } from './matrix';

const ROUTER = kindCode('router');
const WORKER = kindCode('worker');
const SCHEDULER = kindCode('scheduler');
const SERVICE = kindCode('service');
const REPOSITORY = kindCode('repository');
const MODEL = kindCode('model');
const DATABASE = kindCode('database');
const BROKER = kindCode('broker');

/** More outgoing edges than this make a `god-service`. */
export const GOD_SERVICE_LIMIT = 7;
/** More edges to services and repositories than this make a `fat-router`. */
export const FAT_ROUTER_LIMIT = 5;

function finding(rule: RuleId, severity: Severity, node: DiagramNode, message: string, fix: string): Finding {
  return { rule, severity, nodes: [node.id], edges: [], message, fix };
}

/** How many counting edges leave `node` for a node of kind code `kind` (any kind when -1). */
function outgoingTo(graph: Graph, node: number, kind: number): number {
  const { start, edges } = graph.outgoing;
  if (kind === -1) return start[node + 1] - start[node];
  let count = 0;
  for (let k = start[node]; k < start[node + 1]; k++) if (graph.kinds[graph.targets[edges[k]]] === kind) count++;
  return count;
}

export function collectWorkersWithoutBroker(graph: Graph, findings: Finding[]): void {
  for (let i = 0; i < graph.nodes.length; i++) {
    const kind = graph.kinds[i];
    if ((kind !== WORKER && kind !== SCHEDULER) || outgoingTo(graph, i, BROKER) > 0) continue;
    const node = graph.nodes[i];
    const consequence = kind === WORKER ? 'its tasks cannot be enqueued' : 'it cannot enqueue anything';
    findings.push(
      finding(
        'worker-without-broker',
        'error',
        node,
        `${describe(node)} has no edge to a broker, so ${consequence}`,
        `add an edge from this ${node.kind} to a broker`,
      ),
    );
  }
}

/** Engines each task framework can use; with `none`, brokers are simply unused and never wrong. */
const SUPPORTED_BROKERS: Readonly<Record<TaskFramework, readonly string[] | undefined>> = {
  celery: ['redis', 'rabbitmq'],
  dramatiq: ['redis', 'rabbitmq'],
  rq: ['redis'],
  none: undefined,
};

const FRAMEWORK_NAMES: Readonly<Record<string, string>> = { celery: 'Celery', dramatiq: 'Dramatiq', rq: 'RQ' };
const ENGINE_NAMES: Readonly<Record<string, string>> = { redis: 'Redis', rabbitmq: 'RabbitMQ' };

export function collectUnsupportedBrokers(graph: Graph, findings: Finding[]): void {
  const framework = graph.diagram.project.tasks;
  const supported = SUPPORTED_BROKERS[framework];
  if (supported === undefined) return;
  for (let i = 0; i < graph.nodes.length; i++) {
    if (graph.kinds[i] !== BROKER) continue;
    const node = graph.nodes[i];
    const engine = String(engineOf(node));
    if (supported.includes(engine)) continue;
    const alternatives = framework === 'rq' ? 'Celery or Dramatiq' : 'another task framework';
    findings.push(
      finding(
        'broker-unsupported',
        'error',
        node,
        `${describe(node)} runs ${ENGINE_NAMES[engine] ?? engine}, which ${FRAMEWORK_NAMES[framework] ?? framework} cannot use`,
        `switch this broker to ${supported.map((name) => ENGINE_NAMES[name] ?? name).join(' or ')}, or the project's task framework to ${alternatives}`,
      ),
    );
  }
}

/** Only checked with two or more databases: with exactly one, every repository implies it. */
export function collectRepositoriesWithoutDatabase(graph: Graph, findings: Finding[]): void {
  let databases = 0;
  for (let i = 0; i < graph.nodes.length; i++) if (graph.kinds[i] === DATABASE) databases++;
  if (databases < 2) return;
  const reaches = reachingKind(graph, DATABASE);
  for (let i = 0; i < graph.nodes.length; i++) {
    if (graph.kinds[i] !== REPOSITORY || reaches[i] === 1) continue;
    const node = graph.nodes[i];
    findings.push(
      finding(
        'repository-without-database',
        'error',
        node,
        `${describe(node)} has no path to any of the ${databases} databases, so it is unclear which one it uses`,
        'add an edge from this repository to the database it reads and writes',
      ),
    );
  }
}

/** 1 for every node with a path (of one or more counting edges, or none) to a node of `kind`. */
function reachingKind(graph: Graph, kind: number): Uint8Array {
  const count = graph.nodes.length;
  const reaches = new Uint8Array(count);
  const queue = new Int32Array(count);
  let tail = 0;
  for (let i = 0; i < count; i++) {
    if (graph.kinds[i] !== kind) continue;
    reaches[i] = 1;
    queue[tail++] = i;
  }
  const { start, edges } = graph.incoming;
  for (let head = 0; head < tail; head++) {
    const node = queue[head];
    for (let k = start[node]; k < start[node + 1]; k++) {
      const source = graph.sources[edges[k]];
      if (reaches[source] === 1) continue;
      reaches[source] = 1;
      queue[tail++] = source;
    }
  }
  return reaches;
}

export function collectRepositoriesWithoutModel(graph: Graph, findings: Finding[]): void {
  for (let i = 0; i < graph.nodes.length; i++) {
    if (graph.kinds[i] !== REPOSITORY || outgoingTo(graph, i, MODEL) > 0) continue;
    const node = graph.nodes[i];
    findings.push(
      finding(
        'repository-without-model',
        'warning',
        node,
        `${describe(node)} has no edge to a model, so it has nothing to map`,
        'add an edge from this repository to the model it loads and stores',
      ),
    );
  }
}

export function collectOrphans(graph: Graph, findings: Finding[]): void {
  const { outgoing, incoming } = graph;
  for (let i = 0; i < graph.nodes.length; i++) {
    const kind = graph.kinds[i];
    if (kind !== ROUTER && kind !== SERVICE && kind !== REPOSITORY && kind !== WORKER) continue;
    if (outgoing.start[i + 1] > outgoing.start[i] || incoming.start[i + 1] > incoming.start[i]) continue;
    const node = graph.nodes[i];
    findings.push(
      finding(
        'orphan',
        'warning',
        node,
        `${describe(node)} has no edges: nothing uses it and it uses nothing`,
        'connect it to the components it works with, or delete it',
      ),
    );
  }
}

export function collectGodServices(graph: Graph, findings: Finding[]): void {
  for (let i = 0; i < graph.nodes.length; i++) {
    if (graph.kinds[i] !== SERVICE) continue;
    const count = outgoingTo(graph, i, -1);
    if (count <= GOD_SERVICE_LIMIT) continue;
    const node = graph.nodes[i];
    findings.push(
      finding(
        'god-service',
        'warning',
        node,
        `${describe(node)} depends on ${count} components, more than ${GOD_SERVICE_LIMIT}`,
        `split this service by responsibility so each part has at most ${GOD_SERVICE_LIMIT} dependencies`,
      ),
    );
  }
}

export function collectFatRouters(graph: Graph, findings: Finding[]): void {
  for (let i = 0; i < graph.nodes.length; i++) {
    if (graph.kinds[i] !== ROUTER) continue;
    const count = outgoingTo(graph, i, SERVICE) + outgoingTo(graph, i, REPOSITORY);
    if (count <= FAT_ROUTER_LIMIT) continue;
    const node = graph.nodes[i];
    findings.push(
      finding(
        'fat-router',
        'warning',
        node,
        `${describe(node)} calls ${count} services and repositories, more than ${FAT_ROUTER_LIMIT}`,
        'move the orchestration into a service and let the router call that one service',
      ),
    );
  }
}
