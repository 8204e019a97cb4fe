/**
 * Rules about one component and its neighbours. Each collector appends in node order and looks
 * only at counting edges (no dangling edges, no extra duplicates).
 */
import { engineOf, type DiagramNode, type TaskFramework } from '../diagram';
import type { Finding, RuleId, Severity } from './catalog';
import { describe } from './describe';
import type { Analysis } from './analysis';
import type { Graph } from './graph';
import type { Memo } from './memo';
import { kindCode } from './matrix';

const ROUTER = kindCode('router');
const WORKER = kindCode('worker');
const SCHEDULER = kindCode('scheduler');
const SERVICE = kindCode('service');
const REPOSITORY = kindCode('repository');
const MODEL = kindCode('model');
const BROKER = kindCode('broker');

/** More outgoing edges than this make a `god-service`. */
export const GOD_SERVICE_LIMIT = 7;
/** More edges to services and repositories than this make a `fat-router`. */
export const FAT_ROUTER_LIMIT = 5;

/** A rule about single nodes. */
interface NodeRule {
  readonly rule: RuleId;
  readonly severity: Severity;
  /** Bit `kindCode(kind)` is set for each kind the rule is about; other nodes are skipped cheaply. */
  readonly kinds: number;
  /**
   * Undefined when the rule holds for node `index`; otherwise what the message depends on
   * besides the node itself (a count, a framework), so a remembered finding can be reused.
   */
  detail(analysis: Analysis, index: number): number | string | undefined;
  message(node: DiagramNode, detail: number | string): string;
  fix(node: DiagramNode, detail: number | string): string;
}

function mask(...codes: number[]): number {
  return codes.reduce((bits, code) => bits | (1 << code), 0);
}

/** How many counting edges leave `node` for a node of kind code `kind` (any kind when -1). */
function outgoingTo(graph: Graph, node: number, kind: number): number {
  const { start, edges } = graph.outgoing;
  if (kind === -1) return start[node + 1] - start[node];
  let count = 0;
  for (let k = start[node]; k < start[node + 1]; k++) if (graph.kinds[graph.targets[edges[k]]] === kind) count++;
  return count;
}

const workerWithoutBroker: NodeRule = {
  rule: 'worker-without-broker',
  severity: 'error',
  kinds: mask(WORKER, SCHEDULER),
  detail({ graph }, index) {
    const kind = graph.kinds[index];
    return (kind === WORKER || kind === SCHEDULER) && outgoingTo(graph, index, BROKER) === 0 ? 0 : undefined;
  },
  message: (node) =>
    `${describe(node)} has no edge to a broker, so ${node.kind === 'worker' ? 'its tasks cannot be enqueued' : 'it cannot enqueue anything'}`,
  fix: (node) => `add an edge from this ${node.kind} to a broker`,
};

/** Engines each task framework can use; with `none`, brokers are simply unused and never wrong. */
const SUPPORTED_BROKERS: Readonly<Record<TaskFramework, readonly string[] | undefined>> = {
  celery: ['redis', 'rabbitmq'],
  dramatiq: ['redis', 'rabbitmq'],
  rq: ['redis'],
  none: undefined,
};

const FRAMEWORK_NAMES: Readonly<Record<string, string>> = { celery: 'Celery', dramatiq: 'Dramatiq', rq: 'RQ' };
const ENGINE_NAMES: Readonly<Record<string, string>> = { redis: 'Redis', rabbitmq: 'RabbitMQ' };

const brokerUnsupported: NodeRule = {
  rule: 'broker-unsupported',
  severity: 'error',
  kinds: mask(BROKER),
  detail({ graph }, index) {
    if (graph.kinds[index] !== BROKER) return undefined;
    const framework = graph.diagram.project.tasks;
    const supported = SUPPORTED_BROKERS[framework];
    return supported === undefined || supported.includes(String(engineOf(graph.nodes[index]))) ? undefined : framework;
  },
  message(node, framework) {
    const engine = String(engineOf(node));
    return `${describe(node)} runs ${ENGINE_NAMES[engine] ?? engine}, which ${FRAMEWORK_NAMES[framework] ?? framework} cannot use`;
  },
  fix(_node, framework) {
    const supported = SUPPORTED_BROKERS[framework as TaskFramework] ?? [];
    const alternatives = framework === 'rq' ? 'Celery or Dramatiq' : 'another task framework';
    const engines = supported.map((name) => ENGINE_NAMES[name] ?? name).join(' or ');
    return `switch this broker to ${engines}, or the project's task framework to ${alternatives}`;
  },
};

/** Only checked with two or more databases: with exactly one, every repository implies it. */
const repositoryWithoutDatabase: NodeRule = {
  rule: 'repository-without-database',
  severity: 'error',
  kinds: mask(REPOSITORY),
  detail({ graph, reachesDatabase, databases }, index) {
    if (reachesDatabase === undefined || graph.kinds[index] !== REPOSITORY) return undefined;
    return reachesDatabase[index] === 1 ? undefined : databases;
  },
  message: (node, databases) => `${describe(node)} has no path to any of the ${databases} databases, so it is unclear which one it uses`,
  fix: () => 'add an edge from this repository to the database it reads and writes',
};

const repositoryWithoutModel: NodeRule = {
  rule: 'repository-without-model',
  severity: 'warning',
  kinds: mask(REPOSITORY),
  detail: ({ graph }, index) => (graph.kinds[index] === REPOSITORY && outgoingTo(graph, index, MODEL) === 0 ? 0 : undefined),
  message: (node) => `${describe(node)} has no edge to a model, so it has nothing to map`,
  fix: () => 'add an edge from this repository to the model it loads and stores',
};

const orphan: NodeRule = {
  rule: 'orphan',
  severity: 'warning',
  kinds: mask(ROUTER, SERVICE, REPOSITORY, WORKER),
  detail({ graph }, index) {
    const kind = graph.kinds[index];
    if (kind !== ROUTER && kind !== SERVICE && kind !== REPOSITORY && kind !== WORKER) return undefined;
    const { outgoing, incoming } = graph;
    const connected = outgoing.start[index + 1] > outgoing.start[index] || incoming.start[index + 1] > incoming.start[index];
    return connected ? undefined : 0;
  },
  message: (node) => `${describe(node)} has no edges: nothing uses it and it uses nothing`,
  fix: () => 'connect it to the components it works with, or delete it',
};

const godService: NodeRule = {
  rule: 'god-service',
  severity: 'warning',
  kinds: mask(SERVICE),
  detail({ graph }, index) {
    if (graph.kinds[index] !== SERVICE) return undefined;
    const count = outgoingTo(graph, index, -1);
    return count > GOD_SERVICE_LIMIT ? count : undefined;
  },
  message: (node, count) => `${describe(node)} depends on ${count} components, more than ${GOD_SERVICE_LIMIT}`,
  fix: () => `split this service by responsibility so each part has at most ${GOD_SERVICE_LIMIT} dependencies`,
};

const fatRouter: NodeRule = {
  rule: 'fat-router',
  severity: 'warning',
  kinds: mask(ROUTER),
  detail({ graph }, index) {
    if (graph.kinds[index] !== ROUTER) return undefined;
    const count = outgoingTo(graph, index, SERVICE) + outgoingTo(graph, index, REPOSITORY);
    return count > FAT_ROUTER_LIMIT ? count : undefined;
  },
  message: (node, count) => `${describe(node)} calls ${count} services and repositories, more than ${FAT_ROUTER_LIMIT}`,
  fix: () => 'move the orchestration into a service and let the router call that one service',
};

/** The node rules in their fixed reporting order. */
const NODE_RULES: readonly NodeRule[] = [
  workerWithoutBroker,
  brokerUnsupported,
  repositoryWithoutDatabase,
  repositoryWithoutModel,
  orphan,
  godService,
  fatRouter,
];

/** Appends the node-rule findings: rule by rule in the order above, node order inside each. */
export function collectNodeFindings(analysis: Analysis, findings: Finding[], memo?: Memo): void {
  const { nodes, kinds } = analysis.graph;
  for (const rule of NODE_RULES) {
    const bits = rule.kinds;
    for (let index = 0; index < nodes.length; index++) {
      if (((bits >> kinds[index]) & 1) === 0) continue;
      const detail = rule.detail(analysis, index);
      if (detail === undefined) continue;
      const node = nodes[index];
      let finding = memo?.node(rule.rule, index, node, detail);
      if (finding === undefined) {
        finding = nodeFinding(rule, node, detail);
        memo?.rememberNode(rule.rule, index, node, detail, finding);
      }
      findings.push(finding);
    }
  }
}

function nodeFinding(rule: NodeRule, node: DiagramNode, detail: number | string): Finding {
  return {
    rule: rule.rule,
    severity: rule.severity,
    nodes: [node.id],
    edges: [],
    message: rule.message(node, detail),
    fix: rule.fix(node, detail),
  };
}
