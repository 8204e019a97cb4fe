/**
 * What one Python file says about architecture: its import statements (wherever they are:
 * in functions, under `if TYPE_CHECKING:`), its top-level classes, functions and assignments,
 * and where the parser could not read it. Read from a tree-sitter syntax tree with queries.
 */
import { outlineOf } from './outline';
import { mentionsSchedules, readSchedules, type ScheduleFact } from './schedules';
import type { PythonParser, PythonTree, SyntaxCapture, SyntaxNode } from './syntax';

export interface ImportFact {
  /** 1-based line of the statement. */
  readonly line: number;
  /** The dotted module as written (`a.b` in `from ..a.b import c`), '' for `from . import c`. */
  readonly module: string;
  /** Leading dots of a relative import; 0 for an absolute one. */
  readonly level: number;
  /** Names after `import` in a from-import (`*` for a star import); empty for `import a.b`. */
  readonly names: readonly string[];
  /** The names the statement binds in the importing module, one per entry of `names` (or one for `import a.b`). */
  readonly bound: readonly string[];
  /** Under `if TYPE_CHECKING:`: needed by the type checker only. */
  readonly typeOnly: boolean;
}

export interface DefinitionFact {
  readonly name: string;
  readonly type: 'class' | 'function' | 'assignment';
  readonly line: number;
  /** Base classes as written, for classes, then keyword arguments without spaces (`table=True`). */
  readonly bases: readonly string[];
  /** Decorators as written without the `@`, for classes and functions. */
  readonly decorators: readonly string[];
  /** The called expression of `name = call(...)`, for assignments. */
  readonly callee: string;
  /** The return annotation of a function as written (`OrderService`), or ''. */
  readonly returns: string;
  /** Identifiers used inside the definition: filled only where a module is split by definition. */
  references?: ReadonlySet<string>;
}

export interface SyntaxProblem {
  readonly line: number;
  readonly column: number;
}

export interface ModuleFacts {
  readonly imports: readonly ImportFact[];
  readonly definitions: readonly DefinitionFact[];
  /** The first place the parser could not read, when the file has a syntax error. */
  readonly syntaxError?: SyntaxProblem;
  /** Import statements left out because they sit inside a syntax error. */
  readonly unreadableImports: number;
  /** Scheduled jobs (schedules.ts), where the file declares any. */
  readonly schedules?: readonly ScheduleFact[];
}

/**
 * One query for everything a file says: each import statement with its parts (so reading one
 * takes no further calls into the parser), `if` conditions (for TYPE_CHECKING), and the
 * top-level definitions. Pattern numbers below follow the order of the patterns.
 */
const FACTS = `
(import_statement) @import
(import_statement name: (dotted_name) @name) @import
(import_statement name: (aliased_import name: (dotted_name) @name alias: (identifier) @alias)) @import
(import_from_statement) @from
(import_from_statement module_name: (dotted_name) @module) @from
(import_from_statement module_name: (relative_import (import_prefix) @prefix)) @from
(import_from_statement module_name: (relative_import (dotted_name) @module)) @from
(import_from_statement name: (dotted_name) @name) @from
(import_from_statement name: (aliased_import name: (dotted_name) @name alias: (identifier) @alias)) @from
(import_from_statement (wildcard_import) @star) @from
(if_statement condition: (_) @condition) @if
(module (class_definition) @class)
(module (decorated_definition definition: (class_definition) @class))
(module (function_definition) @function)
(module (decorated_definition definition: (function_definition) @function))
(module (expression_statement (assignment left: (identifier) right: (call)) @assign))
`;

const IDENTIFIERS = '(identifier) @name';

/** The 1-based line in the file of a node of the tree that was parsed (the file, or its outline). */
type LineOf = (node: SyntaxNode) => number;

const fileLine: LineOf = (node) => node.startPosition.row + 1;

/**
 * Parses `text` and reads its facts; `wantReferences` says whether to collect identifiers per
 * definition. The file's outline is parsed when it has one and parses cleanly; the whole file
 * otherwise, and when identifiers are wanted (they are in the bodies the outline leaves out).
 */
export function readModule(parser: PythonParser, text: string, wantReferences: (definitions: readonly DefinitionFact[]) => boolean): ModuleFacts {
  // Jobs are registered inside functions too (APScheduler's `add_job`), which the outline leaves out.
  const outline = mentionsSchedules(text) ? undefined : outlineOf(text);
  if (outline) {
    const tree = parser.parse(outline.text);
    try {
      if (!tree.root.hasError) {
        const facts = readTree(tree, (node) => outline.rows[node.startPosition.row]! + 1, () => false);
        if (!wantReferences(facts.definitions)) return facts;
      }
    } finally {
      tree.dispose();
    }
  }
  return readWholeModule(parser, text, wantReferences);
}

/** Parses all of `text` and reads its facts (what `readModule` gives, without the outline). */
export function readWholeModule(parser: PythonParser, text: string, wantReferences: (definitions: readonly DefinitionFact[]) => boolean): ModuleFacts {
  const tree = parser.parse(text);
  try {
    const facts = readTree(tree, fileLine, wantReferences);
    if (!mentionsSchedules(text)) return facts;
    const schedules = readSchedules(tree, fileLine);
    return schedules.length > 0 ? { ...facts, schedules } : facts;
  } finally {
    tree.dispose();
  }
}

/** An import statement's parts as the query captured them. */
interface Statement {
  readonly node: SyntaxNode;
  readonly from: boolean;
  module: string;
  level: number;
  readonly names: Array<{ readonly at: number; readonly name: string; readonly bound: string }>;
}

function readTree(tree: PythonTree, lineOf: LineOf, wantReferences: (definitions: readonly DefinitionFact[]) => boolean): ModuleFacts {
  const broken = tree.root.hasError;
  const statements = new Map<number, Statement>();
  const typeChecking: Array<readonly [number, number]> = [];
  const found: SyntaxCapture[] = [];
  for (const match of tree.matches(FACTS)) {
    const byName = new Map(match.captures.map((c) => [c.name, c.node]));
    if (match.pattern <= 9) addToStatement(statements, match.pattern, byName);
    else if (match.pattern === 10) {
      const condition = byName.get('condition')!.text.replace(/\s+/g, '');
      const statement = byName.get('if')!;
      if (condition === 'TYPE_CHECKING' || condition === 'typing.TYPE_CHECKING') typeChecking.push([statement.startIndex, statement.endIndex]);
    } else {
      const [capture] = match.captures;
      if (capture && (!broken || !capture.node.hasError)) found.push(capture);
    }
  }
  const imports: ImportFact[] = [];
  let unreadableImports = 0;
  for (const statement of [...statements.values()].sort((a, b) => a.node.startIndex - b.node.startIndex)) {
    if (broken && statement.node.hasError) {
      unreadableImports++;
      continue;
    }
    const line = lineOf(statement.node);
    const at = statement.node.startIndex;
    const typeOnly = typeChecking.some(([start, end]) => start < at && at < end);
    const names = statement.names.sort((a, b) => a.at - b.at);
    if (statement.from) imports.push({ line, module: statement.module, level: statement.level, names: names.map((n) => n.name), bound: names.map((n) => n.bound), typeOnly });
    else for (const n of names) imports.push({ line, module: n.name, level: 0, names: [], bound: [n.bound], typeOnly });
  }
  const definitions: DefinitionFact[] = [];
  const nodes: SyntaxNode[] = [];
  for (const { name: capture, node } of found.sort((a, b) => a.node.startIndex - b.node.startIndex)) {
    const definition = definitionOf(capture, node, lineOf);
    if (definition) {
      definitions.push(definition);
      nodes.push(node);
    }
  }
  if (wantReferences(definitions)) {
    definitions.forEach((definition, i) => {
      definition.references = new Set(tree.captures(IDENTIFIERS, nodes[i]).map((c) => c.node.text));
    });
  }
  const syntaxError = broken ? firstError(tree.root) : undefined;
  return { imports, definitions, unreadableImports, ...(syntaxError ? { syntaxError } : {}) };
}

/** Adds what one match of an import pattern captured to its statement. */
function addToStatement(statements: Map<number, Statement>, pattern: number, captured: ReadonlyMap<string, SyntaxNode>): void {
  const node = (captured.get('import') ?? captured.get('from'))!;
  let statement = statements.get(node.startIndex);
  if (!statement) {
    statement = { node, from: pattern >= 3, module: '', level: 0, names: [] };
    statements.set(node.startIndex, statement);
  }
  const module = captured.get('module');
  if (module) statement.module = withoutSpace(module.text);
  const prefix = captured.get('prefix');
  if (prefix) statement.level = prefix.text.length;
  const name = captured.get('name');
  if (name) {
    const dotted = withoutSpace(name.text);
    const alias = captured.get('alias');
    // `import a.b` binds `a`; `a.b as c` binds `c`.
    statement.names.push({ at: name.startIndex, name: dotted, bound: alias ? alias.text : dotted.split('.')[0]! });
  }
  const star = captured.get('star');
  if (star) statement.names.push({ at: star.startIndex, name: '*', bound: '*' });
}

function withoutSpace(text: string): string {
  return text.replace(/\s+/g, '');
}

function named(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((child): child is SyntaxNode => child !== null && child.type !== 'comment');
}

function definitionOf(capture: string, node: SyntaxNode, lineOf: LineOf): DefinitionFact | undefined {
  const line = lineOf(node);
  if (capture === 'assign') {
    const name = node.childForFieldName('left')?.text;
    const callee = node.childForFieldName('right')?.childForFieldName('function')?.text;
    if (!name || !callee) return undefined;
    return { name, type: 'assignment', line, bases: [], decorators: [], callee: callee.replace(/\s+/g, ''), returns: '' };
  }
  const name = node.childForFieldName('name')?.text;
  if (!name) return undefined;
  const decorated = node.parent?.type === 'decorated_definition' ? node.parent : undefined;
  const decorators = decorated ? named(decorated).filter((c) => c.type === 'decorator').map((c) => c.text.slice(1).trim()) : [];
  const superclasses = capture === 'class' ? node.childForFieldName('superclasses') : null;
  const bases = superclasses ? named(superclasses).map((c) => (c.type === 'keyword_argument' ? c.text.replace(/\s+/g, '') : c.text)) : [];
  const returns = capture === 'function' ? (node.childForFieldName('return_type')?.text.replace(/\s+/g, '') ?? '') : '';
  return { name, type: capture === 'class' ? 'class' : 'function', line: decorated ? lineOf(decorated) : line, bases, decorators, callee: '', returns };
}

/** Follows the first broken child down to where the parser gave up. */
function firstError(root: SyntaxNode): SyntaxProblem {
  let at = root;
  for (let depth = 0; depth < 200; depth++) {
    if (at.type === 'ERROR' || at.isMissing) break;
    const next = at.namedChildren.find((c): c is SyntaxNode => c !== null && (c.hasError || c.isMissing || c.type === 'ERROR'));
    if (!next) break;
    at = next;
  }
  return { line: at.startPosition.row + 1, column: at.startPosition.column + 1 };
}
