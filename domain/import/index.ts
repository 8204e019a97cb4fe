/**
 * Reading an existing Python project (spec/import.md): file texts in, the architecture it has
 * out, as a diagram with the guide's names, and a report of everything left out and why.
 * Pure: whoever walked the folder hands over the texts, and the parser is handed in.
 */
import { CURRENT_VERSION, type Diagram, type DiagramEdge, type DiagramNode, type Project } from '../diagram';
import { layOut } from '../layout/lanes';
import { findComponents, modulesOf, type Component, type NotComponent } from './components';
import { findEdges, impliedByPath, type CodeEdge, type DroppedImport } from './edges';
import { readModule, type DefinitionFact, type ModuleFacts } from './facts';
import { assignFeatures, featurePackages } from './features';
import { basename, moduleFiles, selectFiles, type Skipped, type SourceFile } from './files';
import { findInfrastructure, type InfraNode } from './infrastructure';
import { ModuleIndex, type InternalImport, type Module } from './modules';
import { COMPOSITION_ROOTS, isKindWord } from './names';
import { placeModules, settingsPackages } from './placement';
import { frameworkOf, layoutOf, projectNameOf, taskFrameworkOf } from './project';
import { addSchedulers, scheduleEdges } from './schedulers';
import { readSettingsFiles } from './settings-files';
import type { PythonParser } from './syntax';

export type { PythonParser, PythonTree, SyntaxNode, SyntaxCapture } from './syntax';
export { folderSkipReason, fileSkipReason, isSettingsFile, selectFiles, skippedFolders, MAX_FILE_BYTES, type SourceFile, type Skipped } from './files';

export interface ProjectSource {
  /** The Python and settings files read, paths relative to the project folder. */
  readonly files: readonly SourceFile[];
  /** What the walker left out, and why. */
  readonly skipped: readonly Skipped[];
  /** The folder's own name, for the project name when nothing else gives one. */
  readonly folderName: string;
}

export interface SyntaxErrorNote {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  /** Import statements inside the broken part, not read. */
  readonly importsSkipped: number;
}

export interface ImportReport {
  readonly modules: number;
  readonly components: number;
  readonly edges: number;
  readonly skipped: readonly Skipped[];
  readonly syntaxErrors: readonly SyntaxErrorNote[];
  readonly notComponents: ReadonlyArray<{ readonly module: string; readonly path: string; readonly reason: string }>;
  readonly droppedImports: readonly DroppedImport[];
}

/** The code as the importer understood it, for drift checks. */
export interface CodeModel {
  readonly components: readonly Component[];
  readonly infrastructure: readonly InfraNode[];
  readonly edges: readonly CodeEdge[];
  readonly infraEdges: ReadonlyArray<{ readonly source: Component; readonly target: InfraNode }>;
  readonly modules: readonly Module[];
}

export interface ImportResult {
  readonly diagram: Diagram;
  readonly report: ImportReport;
  readonly code: CodeModel;
}

export { modulesOf, type Component } from './components';
export { checkDrift, type DriftFinding, type DriftRule, type DriftSeverity } from './drift';
export type { CodeEdge, Evidence, DroppedImport } from './edges';
export type { InfraNode } from './infrastructure';

/**
 * What one Python file says. Files are independent, so callers may read them in parallel
 * (main/ does, on worker threads) and hand the facts to `importProject`.
 */
export function readPythonFile(parser: PythonParser, path: string, text: string): ModuleFacts {
  const stem = basename(path).slice(0, -'.py'.length);
  const own = stem === '__init__' ? basename(path.slice(0, path.lastIndexOf('/'))) : stem;
  // Identifiers per definition are needed only where a module may hold several components (two
  // classes or router objects), and in composition roots; collecting them costs more than parsing.
  return readModule(parser, text, (definitions) => COMPOSITION_ROOTS.has(own) || (isKindWord(own) && definitions.filter(mayBeComponent).length >= 2));
}

function mayBeComponent(definition: DefinitionFact): boolean {
  return definition.type === 'class' || (definition.type === 'assignment' && /(Router|Blueprint|API)$/.test(definition.callee));
}

/** Reads every Python file of `source` with `parser`, one after another. */
export function readPythonFiles(source: Pick<ProjectSource, 'files'>, parser: PythonParser): Map<string, ModuleFacts> {
  return new Map(selectFiles(source.files).files.filter((f) => f.path.endsWith('.py')).map((f) => [f.path, readPythonFile(parser, f.path, f.text)]));
}

/** Reads a project. Deterministic: the same files give the same diagram, byte for byte once serialised. */
export function importProject(source: ProjectSource, parsed: PythonParser | ReadonlyMap<string, ModuleFacts>): ImportResult {
  const selected = selectFiles(source.files);
  const facts = 'parse' in parsed ? readPythonFiles({ ...source, files: selected.files }, parsed) : parsed;
  const files = selected.files.sort((a, b) => compare(a.path, b.path));
  const { modules: named, skipped: unnamed } = moduleFiles(files.map((f) => f.path));
  const syntaxErrors: SyntaxErrorNote[] = [];
  const modules: Module[] = named.map((file) => {
    const read = facts.get(file.path) ?? { imports: [], definitions: [], unreadableImports: 0 };
    if (read.syntaxError) syntaxErrors.push({ path: file.path, ...read.syntaxError, importsSkipped: read.unreadableImports });
    return { ...file, facts: read };
  });
  const index = new ModuleIndex(modules);
  const settings = readSettingsFiles(files.filter((f) => !f.path.endsWith('.py')));

  const internal = new Map<Module, InternalImport[]>();
  const imported = new Map<Module, Set<string>>();
  const anyImport = new Set<string>();
  for (const module of modules) {
    const links: InternalImport[] = [];
    const outside = new Set<string>();
    for (const fact of module.facts.imports) {
      const resolved = index.resolve(module, fact);
      links.push(...resolved.internal);
      if (resolved.external) outside.add(resolved.external);
    }
    internal.set(module, links);
    imported.set(module, outside);
    outside.forEach((name) => anyImport.add(name));
  }

  const placements = placeModules(index);
  const found = findComponents(index, placements, imported);
  const { notComponents } = found;
  const { components, scheduled } = addSchedulers(found.components, index, imported);
  assignFeatures(components, featurePackages(index, components, settingsPackages(index)));
  const uses = (component: Component) => new Set(component.modules.flatMap((m) => [...(imported.get(m) ?? [])]));
  const hasManagePy = modules.some((m) => basename(m.path) === 'manage.py');
  const tasks = taskFrameworkOf(components, uses, settings, anyImport);
  const project: Project = {
    name: projectNameOf(components, settings, source.folderName),
    framework: frameworkOf(components, uses, settings, hasManagePy),
    tasks,
    layout: layoutOf(components),
  };
  const { edges: imports, dropped } = findEdges(index, components, internal);
  const edges = [...imports, ...scheduleEdges(scheduled, components).filter((e) => !imports.some((i) => i.source === e.source && i.target === e.target))];
  const infra = findInfrastructure(settings, anyImport, components, tasks);
  const implied = project.framework === 'django' ? impliedByPath(edges) : new Set<CodeEdge>();
  const diagram = toDiagram(project, components, edges.filter((e) => !implied.has(e)), infra.nodes, infra.edges);
  const report: ImportReport = {
    modules: modules.length,
    components: diagram.nodes.length,
    edges: diagram.edges.length,
    skipped: [...source.skipped, ...selected.skipped, ...unnamed, ...settings.problems.map((p) => ({ ...p, kind: 'problem' as const }))],
    syntaxErrors,
    notComponents: notComponents.map(describeNotComponent).sort((a, b) => compare(a.path, b.path)),
    droppedImports: dropped,
  };
  return { diagram, report, code: { components, infrastructure: infra.nodes, edges, infraEdges: infra.edges, modules } };
}

function describeNotComponent({ module, reason }: NotComponent) {
  return { module: module.name, path: module.path, reason };
}

/** Node ids say what a node is (`service:orders:order_service`), so a diff of two imports reads well. */
export function componentId(kind: string, name: string, feature?: string): string {
  return feature ? `${kind}:${feature}:${name}` : `${kind}:${name}`;
}

function toDiagram(
  project: Project,
  components: readonly Component[],
  edges: readonly CodeEdge[],
  infrastructure: readonly InfraNode[],
  infraEdges: ReadonlyArray<{ source: Component; target: InfraNode }>,
): Diagram {
  const ids = new Map<Component | InfraNode, string>();
  const nodes: DiagramNode[] = [];
  for (const component of components) {
    const id = componentId(component.kind, component.name, component.feature);
    ids.set(component, id);
    nodes.push({
      id,
      kind: component.kind,
      name: component.name,
      ...(component.feature ? { feature: component.feature } : {}),
      position: { x: 0, y: 0 },
      extra: { modules: modulesOf(component) },
    });
  }
  for (const node of infrastructure) {
    const id = componentId(node.kind, node.name);
    ids.set(node, id);
    nodes.push({ id, kind: node.kind, name: node.name, engine: node.engine, position: { x: 0, y: 0 } });
  }
  const pairs = [
    ...edges.map((e) => [ids.get(e.source)!, ids.get(e.target)!] as const),
    ...infraEdges.map((e) => [ids.get(e.source)!, ids.get(e.target)!] as const),
  ].sort(([a, b], [c, d]) => compare(a, c) || compare(b, d));
  const diagramEdges: DiagramEdge[] = pairs.map(([source, target]) => ({ id: `${source}->${target}`, source, target }));
  const sorted = nodes.sort((a, b) => compare(a.id, b.id));
  const draft: Diagram = { version: CURRENT_VERSION, project, nodes: sorted, edges: diagramEdges };
  const positions = layOut(draft);
  return { ...draft, nodes: sorted.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position })) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type { ModuleFacts, DefinitionFact };
