/**
 * Drift (spec/import.md, `strata check`): where the code and the diagram the team agreed on
 * disagree. Code components are matched to nodes by the modules a node records, else by the
 * module the exporter would write for it under the diagram's layout, else by kind and name.
 */
import type { Diagram, DiagramNode, Kind } from '../diagram';
import type { Area } from '../generate/modules';
import { resolveLayout } from '../generate/options';
import { buildPlan, type Plan } from '../generate/plan/plan';
import { WRITERS } from '../generate/writers';
import { pythonForm } from '../names';
import type { RuleId } from '../rules';
import { pairFinding } from '../rules/edge-rules';
import { modulesOf, type Component } from './components';
import type { Evidence } from './edges';
import type { CodeModel } from './index';
import type { InfraNode } from './infrastructure';

export type DriftRule = RuleId | 'undrawn-dependency' | 'undrawn-component' | 'unbuilt-component' | 'unbuilt-dependency';
export type DriftSeverity = 'error' | 'warning' | 'note';

export interface DriftFinding {
  readonly rule: DriftRule;
  readonly severity: DriftSeverity;
  readonly message: string;
  readonly fix: string;
  /** Where in the code: the import's file and line, or the undrawn component's file. */
  readonly file?: string;
  readonly line?: number;
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
  /** An undrawn component, to draw as a ghost node. */
  readonly ghost?: { readonly kind: Kind; readonly name: string; readonly feature?: string; readonly modules: readonly string[] };
  /** A dependency the code has between two drawn nodes and the diagram lacks, to draw as a dashed arrow. */
  readonly undrawn?: { readonly source: string; readonly target: string };
}

const AREA: Readonly<Partial<Record<Kind, Area>>> = {
  router: 'routes',
  service: 'services',
  repository: 'repositories',
  model: 'models',
  worker: 'tasks',
  scheduler: 'tasks',
  external: 'clients',
  cache: 'clients',
};

/** Databases and brokers come from settings, not modules; caches and external APIs have client modules. */
function hasModule(kind: Kind): boolean {
  return kind !== 'database' && kind !== 'broker';
}

const SEVERITY_ORDER: Readonly<Record<DriftSeverity, number>> = { error: 0, warning: 1, note: 2 };

/** Every drift finding: errors first, then warnings, then notes; by file and line inside each. */
export function checkDrift(diagram: Diagram, code: CodeModel): DriftFinding[] {
  const match = matchNodes(diagram, code);
  const findings: DriftFinding[] = [];
  const drawn = new Set(diagram.edges.map((e) => `${e.source}\u0000${e.target}`));
  const implied = impliedPairs(diagram);
  const nodeOf = new Map(diagram.nodes.map((n) => [n.id, n]));
  const codePairs = new Set<string>();
  for (const edge of code.edges) {
    const source = match.nodeOf.get(edge.source);
    const target = match.nodeOf.get(edge.target);
    if (!source || !target || source === target) continue;
    codePairs.add(`${source.id}\u0000${target.id}`);
    const evidence = firstOf(edge.evidence);
    const broken = pairFinding({ id: '', source: source.id, target: target.id }, source, target);
    if (broken?.severity === 'error') {
      for (const at of edge.evidence) {
        findings.push({
          rule: broken.rule,
          severity: 'error',
          message: `${at.path}:${at.line} imports ${describeCode(edge.target)} into ${describeCode(edge.source)}: ${broken.message}`,
          fix: broken.fix,
          file: at.path,
          line: at.line,
          nodes: [source.id, target.id],
          edges: [],
          ...(drawn.has(`${source.id}\u0000${target.id}`) ? {} : { undrawn: { source: source.id, target: target.id } }),
        });
      }
    } else if (!drawn.has(`${source.id}\u0000${target.id}`) && !implied.has(`${source.id}\u0000${target.id}`)) {
      findings.push({
        rule: 'undrawn-dependency',
        severity: 'warning',
        message: `${source.name} depends on ${target.name} in the code (${evidence.path}:${evidence.line}), but the diagram has no such edge`,
        fix: `draw the edge from ${source.name} to ${target.name}, or remove the import`,
        file: evidence.path,
        line: evidence.line,
        nodes: [source.id, target.id],
        edges: [],
        undrawn: { source: source.id, target: target.id },
      });
    }
  }
  for (const edge of code.infraEdges) {
    const source = match.nodeOf.get(edge.source);
    const target = match.infraOf.get(edge.target);
    if (source && target) codePairs.add(`${source.id}\u0000${target.id}`);
  }
  for (const component of code.components) {
    if (match.nodeOf.has(component)) continue;
    const file = component.modules[0]?.path;
    const why = component.scheduled ? `schedules the jobs of ${article(component.kind)} ${component.kind} (${component.name})` : `is ${article(component.kind)} ${component.kind} by its name (${component.name})`;
    findings.push({
      rule: 'undrawn-component',
      severity: 'warning',
      message: `${file ?? component.anchor} ${why}, but the diagram has no such component`,
      fix: `add the ${component.kind} ${component.name} to the diagram, or rename the module if it is not one`,
      ...(file ? { file, line: component.definition?.line ?? 1 } : {}),
      nodes: [],
      edges: [],
      ghost: { kind: component.kind, name: component.name, ...(component.feature ? { feature: component.feature } : {}), modules: modulesOf(component) },
    });
  }
  for (const node of diagram.nodes) {
    if (!hasModule(node.kind) || match.matched.has(node.id)) continue;
    findings.push({ rule: 'unbuilt-component', severity: 'note', message: `${node.kind} ${node.name} has no module in the code`, fix: 'write its module, or export the diagram again', nodes: [node.id], edges: [] });
  }
  const databases = diagram.nodes.filter((n) => n.kind === 'database').length;
  for (const edge of diagram.edges) {
    const source = nodeOf.get(edge.source);
    const target = nodeOf.get(edge.target);
    if (!source || !target || !match.matched.has(source.id) || !match.matched.has(target.id)) continue;
    if (codePairs.has(`${source.id}\u0000${target.id}`)) continue;
    // With one database, rules.md implies every repository's edge to it.
    if (target.kind === 'database' && databases === 1 && code.infrastructure.some((i) => i.kind === 'database')) continue;
    findings.push({ rule: 'unbuilt-dependency', severity: 'note', message: `${source.name} depends on ${target.name} in the diagram, but no import in the code does`, fix: `import ${target.name} where ${source.name} uses it, or delete the edge`, nodes: [source.id, target.id], edges: [edge.id] });
  }
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compare(a.file ?? '\uffff', b.file ?? '\uffff') || (a.line ?? 0) - (b.line ?? 0));
}

interface Match {
  readonly nodeOf: Map<Component, DiagramNode>;
  readonly infraOf: Map<InfraNode, DiagramNode>;
  readonly matched: Set<string>;
}

function matchNodes(diagram: Diagram, code: CodeModel): Match {
  const nodeOf = new Map<Component, DiagramNode>();
  const infraOf = new Map<InfraNode, DiagramNode>();
  const matched = new Set<string>();
  const byModule = new Map<string, Component>();
  for (const component of code.components) for (const module of modulesOf(component)) byModule.set(module, component);
  const take = (node: DiagramNode, component: Component | undefined): boolean => {
    if (!component || nodeOf.has(component) || matched.has(node.id)) return false;
    nodeOf.set(component, node);
    matched.add(node.id);
    return true;
  };
  const components = diagram.nodes.filter((n) => hasModule(n.kind));
  // A node's feature is written into code only in the feature layout; elsewhere it is a note on the drawing.
  const featuresInCode = resolveLayout(diagram).layout === 'feature';
  for (const node of components) {
    const recorded = node.extra?.modules;
    if (Array.isArray(recorded)) for (const module of recorded) if (typeof module === 'string' && take(node, byModule.get(module))) break;
  }
  const expected = exporterModules(diagram);
  for (const node of components) {
    if (matched.has(node.id)) continue;
    for (const module of expected.get(node.id) ?? []) if (take(node, byModule.get(module))) break;
  }
  for (const node of components) {
    if (matched.has(node.id)) continue;
    take(node, code.components.find((c) => !nodeOf.has(c) && c.kind === node.kind && sameName(c.name, node.name) && (!featuresInCode || sameName(c.feature ?? '', node.feature ?? ''))));
  }
  // A component the code gives no feature (a beat schedule in the settings) is matched whatever the node's feature.
  for (const node of components) {
    if (matched.has(node.id)) continue;
    take(node, code.components.find((c) => !nodeOf.has(c) && c.kind === node.kind && c.feature === undefined && sameName(c.name, node.name)));
  }
  for (const infra of code.infrastructure) {
    const node = diagram.nodes.find((n) => n.kind === infra.kind && !matched.has(n.id) && sameName(n.name, infra.name)) ?? diagram.nodes.find((n) => n.kind === infra.kind && !matched.has(n.id));
    if (node) {
      infraOf.set(infra, node);
      matched.add(node.id);
    }
  }
  return { nodeOf, infraOf, matched };
}

/**
 * Imports the framework's idiom makes along a drawn path, which its exports make and its
 * contracts allow (Django: a service imports the models it reaches through its selectors).
 */
function impliedPairs(diagram: Diagram): Set<string> {
  const writer = WRITERS[diagram.project.framework];
  if (!writer?.impliedImports) return new Set();
  const pairs = writer.impliedImports.pairs(buildPlan(diagram, diagram.project));
  return new Set(pairs.map(([source, target]) => `${source.id}\u0000${target.id}`));
}

/** For each node, the modules (`module` or `module:Class`) the exporter writes for it under the diagram's layout. */
function exporterModules(diagram: Diagram): Map<string, string[]> {
  const found = new Map<string, string[]>();
  // The module names are the framework room's: a framework that does not export yet has none.
  const writer = WRITERS[diagram.project.framework];
  if (!writer) return found;
  const plan: Plan = buildPlan(diagram, diagram.project);
  const modules = writer.modules(plan);
  const add = (id: string, module: string, symbol: string) => found.set(id, [module, `${module}:${symbol}`]);
  for (const node of [...plan.routers]) add(node.id, modules.of('routes', node), node.variable);
  for (const group of [plan.services, plan.repositories, plan.models, plan.externals, plan.caches, plan.workers, plan.schedulers]) {
    for (const node of group) add(node.id, modules.of(AREA[node.kind]!, node), node.cls);
  }
  return found;
}

function sameName(a: string, b: string): boolean {
  return pythonForm(a) === pythonForm(b);
}

function describeCode(component: Component): string {
  return `${component.kind} ${component.name}`;
}

function article(kind: Kind): string {
  return /^[aeiou]/.test(kind) ? 'an' : 'a';
}

function firstOf(evidence: readonly Evidence[]): Evidence {
  return [...evidence].sort((a, b) => compare(a.path, b.path) || a.line - b.line)[0]!;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
