/**
 * What one Python file says about architecture: its import statements (wherever they are:
 * in functions, under `if TYPE_CHECKING:`), its top-level classes, functions and assignments,
 * and where the parser could not read it. Read from a tree-sitter syntax tree with queries.
 */
import { outlineOf } from './outline';
import type { PythonParser, PythonTree, SyntaxNode } from './syntax';

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
  /** Base classes as written, for classes. */
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
}

const STATEMENTS = `
(import_statement) @import
(import_from_statement) @import
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
  const outline = outlineOf(text);
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
    return readTree(tree, fileLine, wantReferences);
  } finally {
    tree.dispose();
  }
}

function readTree(tree: PythonTree, lineOf: LineOf, wantReferences: (definitions: readonly DefinitionFact[]) => boolean): ModuleFacts {
  const imports: ImportFact[] = [];
  const definitions: DefinitionFact[] = [];
  const nodes: SyntaxNode[] = [];
  let unreadableImports = 0;
  for (const capture of tree.captures(STATEMENTS)) {
    const node = capture.node;
    if (capture.name === 'import') {
      if (node.hasError) unreadableImports++;
      else imports.push(...importsOf(node, lineOf));
    } else if (!node.hasError) {
      const definition = definitionOf(capture.name, node, lineOf);
      if (definition) {
        definitions.push(definition);
        nodes.push(node);
      }
    }
  }
  if (wantReferences(definitions)) {
    definitions.forEach((definition, i) => {
      definition.references = new Set(tree.captures(IDENTIFIERS, nodes[i]).map((c) => c.node.text));
    });
  }
  const syntaxError = tree.root.hasError ? firstError(tree.root) : undefined;
  return { imports, definitions, unreadableImports, ...(syntaxError ? { syntaxError } : {}) };
}

/** One fact per imported module: `import a.b, c as d` imports two. */
function importsOf(node: SyntaxNode, lineOf: LineOf): ImportFact[] {
  const line = lineOf(node);
  const typeOnly = underTypeChecking(node);
  if (node.type === 'import_statement') {
    return named(node)
      .filter((child) => dottedOf(child) !== '')
      .map((child) => ({ line, module: dottedOf(child), level: 0, names: [], bound: [boundOf(child)], typeOnly }));
  }
  const source = node.childForFieldName('module_name');
  let module = '';
  let level = 0;
  if (source?.type === 'relative_import') {
    for (const part of named(source)) {
      if (part.type === 'import_prefix') level = part.text.length;
      else if (part.type === 'dotted_name') module = part.text;
    }
  } else if (source) {
    module = source.text;
  }
  const names: string[] = [];
  const bound: string[] = [];
  for (const child of named(node)) {
    if (child.startIndex === source?.startIndex) continue;
    if (child.type === 'wildcard_import') {
      names.push('*');
      bound.push('*');
    } else if (child.type === 'dotted_name' || child.type === 'aliased_import') {
      names.push(dottedOf(child));
      bound.push(boundOf(child));
    }
  }
  return [{ line, module, level, names, bound, typeOnly }];
}

function dottedOf(node: SyntaxNode): string {
  if (node.type === 'aliased_import') return node.childForFieldName('name')?.text ?? '';
  if (node.type === 'dotted_name') return node.text.replace(/\s+/g, '');
  return '';
}

/** `a.b` binds `a`; `a.b as c` binds `c`. */
function boundOf(node: SyntaxNode): string {
  if (node.type === 'aliased_import') return node.childForFieldName('alias')?.text ?? '';
  return dottedOf(node).split('.')[0] ?? '';
}

function named(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((child): child is SyntaxNode => child !== null && child.type !== 'comment');
}

function underTypeChecking(node: SyntaxNode): boolean {
  for (let at = node.parent; at; at = at.parent) {
    if (at.type === 'if_statement') {
      const condition = at.childForFieldName('condition')?.text.replace(/\s+/g, '');
      if (condition === 'TYPE_CHECKING' || condition === 'typing.TYPE_CHECKING') return true;
    }
    if (at.type === 'module') return false;
  }
  return false;
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
  const bases = superclasses ? named(superclasses).filter((c) => c.type !== 'keyword_argument').map((c) => c.text) : [];
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
