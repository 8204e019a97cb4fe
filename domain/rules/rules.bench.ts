/**
 * Benchmark of the rules engine (not a test: nothing here asserts timings).
 *
 *   npx tsx domain/rules/rules.bench.ts
 *
 * Builds a deterministic random diagram of 5,000 nodes and 7,500 edges (mostly well layered,
 * with some violations, duplicates, cycles and odd names, as a large real diagram would be) and
 * prints median and p95 of the full check, of single edits through `createValidator`, and of a
 * deliberately naive full recomputation measured in the same run.
 */
import { performance } from 'node:perf_hooks';
import { KIND_INFO, KINDS, emptyDiagram, type Diagram, type DiagramEdge, type DiagramNode, type Kind } from '../diagram';
import { nameProblem, pythonForm } from '../names';
import { createValidator, pairVerdict, validate } from './index';

const NODE_COUNT = 5_000;
const EDGE_COUNT = 7_500;
const FULL_TARGET_MS = 5;
const EDIT_TARGET_MS = 1;

/** Mulberry32: small, fast and the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Node counts by kind: a large, feature-organised system with a few shared infrastructure nodes. */
const COUNTS: readonly [Kind, number][] = [
  ['router', 500],
  ['worker', 200],
  ['scheduler', 50],
  ['service', 1_250],
  ['repository', 1_000],
  ['model', 1_923],
  ['database', 2],
  ['broker', 2],
  ['cache', 5],
  ['external', 68],
];

/** The edge every component of a kind starts with, so most of the diagram is well formed. */
const FIRST_TARGET: Readonly<Partial<Record<Kind, Kind>>> = {
  router: 'service',
  worker: 'broker',
  scheduler: 'broker',
  service: 'repository',
  repository: 'model',
};

export function benchDiagram(seed = 42): Diagram {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const kinds = COUNTS.flatMap(([kind, count]) => Array.from({ length: count }, () => kind));
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }
  const byKind = new Map<Kind, number[]>(KINDS.map((kind) => [kind, []]));
  const nodes: DiagramNode[] = kinds.slice(0, NODE_COUNT).map((kind, i) => {
    byKind.get(kind)!.push(i);
    const name = next() < 0.2 ? `${kind} Number ${i}` : `${kind}_${i}`;
    return { id: `n${i}`, kind, name, feature: `feature_${i % 50}`, position: { x: i * 10, y: i * 5 } };
  });
  const code = nodes.map((node, i) => [node, i] as const).filter(([node]) => KIND_INFO[node.kind].layer !== 'infrastructure');
  const edges: DiagramEdge[] = [];
  const connect = (source: number, target: number): void => {
    const missing = next() < 0.001;
    edges.push({ id: `e${edges.length}`, source: `n${source}`, target: missing ? 'missing' : `n${target}` });
  };
  for (const [node, i] of code) {
    const first = FIRST_TARGET[node.kind];
    if (first) connect(i, pick(byKind.get(first)!));
    if (node.kind === 'repository') connect(i, pick(byKind.get('database')!));
  }
  while (edges.length < EDGE_COUNT) {
    const [node, i] = pick(code);
    const wild = next() < 0.03;
    const allowed = KINDS.filter((kind) => pairVerdict(node.kind, kind).rule === undefined);
    connect(i, pick(byKind.get(wild ? pick(KINDS) : pick(allowed))!));
  }
  return { ...emptyDiagram({ name: 'bench', tasks: 'celery' }), nodes, edges };
}

/** The obvious implementation, as a yardstick: linear look-ups, recursion, strings everywhere. */
function naiveValidate(diagram: Diagram): unknown[] {
  const findings: unknown[] = [];
  const seen = new Set<string>();
  const counting: DiagramEdge[] = [];
  for (const edge of diagram.edges) {
    const source = diagram.nodes.find((node) => node.id === edge.source);
    const target = diagram.nodes.find((node) => node.id === edge.target);
    if (!source || !target) {
      findings.push({ rule: 'dangling-edge', edge: edge.id });
      continue;
    }
    const key = `${edge.source}->${edge.target}`;
    if (seen.has(key)) {
      findings.push({ rule: 'duplicate-edge', edge: edge.id });
      continue;
    }
    seen.add(key);
    counting.push(edge);
    const verdict = pairVerdict(source.kind, target.kind);
    if (verdict.rule) findings.push({ rule: verdict.rule, message: `${source.kind} "${source.name}" -> ${target.kind} "${target.name}"` });
  }
  const state = new Map<string, number>();
  const visit = (id: string): void => {
    state.set(id, 1);
    for (const edge of counting.filter((item) => item.source === id)) {
      if (state.get(edge.target) === 1) findings.push({ rule: 'cycle', at: edge.id });
      else if (!state.has(edge.target)) visit(edge.target);
    }
    state.set(id, 2);
  };
  for (const node of diagram.nodes) if (!state.has(node.id)) visit(node.id);
  const names = new Map<string, string[]>();
  for (const node of diagram.nodes) {
    const problem = nameProblem(node.name);
    if (problem) findings.push({ rule: 'invalid-name', node: node.id });
    const key = `${node.kind}/${node.feature ?? ''}/${pythonForm(node.name)}`;
    names.set(key, [...(names.get(key) ?? []), node.id]);
  }
  for (const ids of names.values()) if (ids.length > 1) findings.push({ rule: 'duplicate-name', ids });
  for (const node of diagram.nodes) {
    const out = counting.filter((edge) => edge.source === node.id);
    const touching = counting.filter((edge) => edge.source === node.id || edge.target === node.id);
    const targets = out.map((edge) => diagram.nodes.find((other) => other.id === edge.target)!);
    if (node.kind === 'worker' && !targets.some((target) => target.kind === 'broker')) findings.push({ rule: 'worker-without-broker' });
    if (node.kind === 'repository' && !targets.some((target) => target.kind === 'model')) findings.push({ rule: 'repository-without-model' });
    if (['router', 'service', 'repository', 'worker'].includes(node.kind) && touching.length === 0) findings.push({ rule: 'orphan' });
    if (node.kind === 'service' && out.length > 7) findings.push({ rule: 'god-service' });
    if (node.kind === 'router' && targets.filter((t) => KIND_INFO[t.kind].rank === 3 || t.kind === 'repository').length > 5) {
      findings.push({ rule: 'fat-router' });
    }
  }
  return findings;
}

interface Stats {
  readonly median: number;
  readonly p95: number;
}

function measure(runs: number, prepare: (run: number) => void, work: (run: number) => void): Stats {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    prepare(run);
    const started = performance.now();
    work(run);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)]!, p95: times[Math.min(runs - 1, Math.floor(runs * 0.95))]! };
}

type Edit = (diagram: Diagram, run: number) => Diagram;

const EDITS: readonly [string, Edit][] = [
  ['move a node', (diagram, run) => replaceNode(diagram, run, (node) => ({ ...node, position: { x: node.position.x + 1, y: 0 } }))],
  ['rename a node', (diagram, run) => replaceNode(diagram, run, (node) => ({ ...node, name: `${node.name} renamed` }))],
  [
    'add an edge',
    (diagram, run) => ({
      ...diagram,
      edges: [...diagram.edges, { id: `added${run}`, source: `n${(run * 7) % NODE_COUNT}`, target: `n${(run * 13) % NODE_COUNT}` }],
    }),
  ],
];

function replaceNode(diagram: Diagram, run: number, change: (node: DiagramNode) => DiagramNode): Diagram {
  const index = (run * 7919) % diagram.nodes.length;
  return { ...diagram, nodes: diagram.nodes.map((node, i) => (i === index ? change(node) : node)) };
}

function line(label: string, stats: Stats, target: string): string {
  const figure = (ms: number): string => `${ms.toFixed(3).padStart(9)} ms`;
  return `${label.padEnd(34)} median ${figure(stats.median)}   p95 ${figure(stats.p95)}   ${target}`;
}

function main(): void {
  const diagram = benchDiagram();
  const findings = validate(diagram);
  console.log(`diagram: ${diagram.nodes.length} nodes, ${diagram.edges.length} edges, ${findings.length} findings`);
  for (let warm = 0; warm < 50; warm++) validate(diagram);
  console.log(line('full validate', measure(300, () => undefined, () => validate(diagram)), `target ≤ ${FULL_TARGET_MS} ms`));
  for (const [label, edit] of EDITS) {
    const validator = createValidator();
    let edited = diagram;
    const stats = measure(
      500,
      (run) => {
        validator.validate(diagram);
        edited = edit(diagram, run);
      },
      () => validator.validate(edited),
    );
    console.log(line(`incremental: ${label}`, stats, `target ≤ ${EDIT_TARGET_MS} ms`));
  }
  console.log(line('naive full recomputation (baseline)', measure(5, () => undefined, () => naiveValidate(diagram)), 'for comparison'));
}

if (process.argv[1]?.endsWith("rules.bench.ts")) main();
