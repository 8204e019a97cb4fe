/**
 * The Python parser the importer is given. Reading Python needs a real parser (tree-sitter's
 * Python grammar); loading it is the caller's job (main/ loads WebAssembly), so this folder
 * stays pure and only describes the small part of a syntax tree it reads.
 */

export interface SyntaxPoint {
  /** 0-based. */
  readonly row: number;
  readonly column: number;
}

/** The subset of a tree-sitter node the importer reads. */
export interface SyntaxNode {
  readonly type: string;
  readonly text: string;
  readonly startPosition: SyntaxPoint;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly parent: SyntaxNode | null;
  readonly namedChildren: readonly (SyntaxNode | null)[];
  readonly hasError: boolean;
  readonly isMissing: boolean;
  childForFieldName(name: string): SyntaxNode | null;
}

export interface SyntaxCapture {
  readonly name: string;
  readonly node: SyntaxNode;
}

/** One match of a query: the pattern (its index in the query's source) and what it captured. */
export interface SyntaxMatch {
  readonly pattern: number;
  readonly captures: readonly SyntaxCapture[];
}

/** One parsed file. Valid until `dispose()`, which frees the parser's memory. */
export interface PythonTree {
  readonly root: SyntaxNode;
  /**
   * Every capture of a tree-sitter query (the query's source text: the parser compiles and
   * caches it), in document order, within `node` or the whole file.
   */
  captures(query: string, node?: SyntaxNode): readonly SyntaxCapture[];
  /** Every match of a query over the whole file: one WebAssembly call for all of them. */
  matches(query: string): readonly SyntaxMatch[];
  dispose(): void;
}

export interface PythonParser {
  parse(text: string): PythonTree;
}
