/**
 * The Python parser for domain/import: tree-sitter's Python grammar compiled to WebAssembly, so
 * reading a project needs no Python. Loaded once per process; queries are compiled once each.
 */
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import type { Node, Query } from 'web-tree-sitter';
import type { PythonParser, PythonTree, SyntaxCapture, SyntaxMatch, SyntaxNode } from '../../domain/import/syntax';

/** Characters handed to the parser per read: web-tree-sitter copies each chunk into its own buffer. */
const CHUNK = 4096;

let loading: Promise<PythonParser> | undefined;

/** The shared parser; the first call loads the WebAssembly (about 30 ms). */
export function loadPythonParser(): Promise<PythonParser> {
  loading ??= load();
  return loading;
}

async function load(): Promise<PythonParser> {
  // Loaded on first use: `strata validate` and `export` never pay for the parser.
  const { Language, Parser, Query } = await import('web-tree-sitter');
  const require = createRequire(import.meta.url);
  const runtime = require.resolve('web-tree-sitter/web-tree-sitter.wasm');
  await Parser.init({ locateFile: () => runtime });
  const grammar = await readFile(require.resolve('tree-sitter-python/tree-sitter-python.wasm'));
  const language = await Language.load(grammar);
  const parser = new Parser();
  parser.setLanguage(language);
  const queries = new Map<string, Query>();
  const compiled = (source: string): Query => {
    let query = queries.get(source);
    if (!query) {
      query = new Query(language, source);
      queries.set(source, query);
    }
    return query;
  };
  return {
    parse(text: string): PythonTree {
      // A function, not the string: given a string, web-tree-sitter copies the whole rest of it per chunk.
      const tree = parser.parse((index: number) => (index < text.length ? text.slice(index, index + CHUNK) : ''));
      if (!tree) throw new Error('the Python parser gave no tree');
      return {
        root: tree.rootNode as SyntaxNode,
        captures(source: string, node?: SyntaxNode): readonly SyntaxCapture[] {
          return compiled(source).captures((node as Node | undefined) ?? tree.rootNode);
        },
        matches(source: string): readonly SyntaxMatch[] {
          return compiled(source).matches(tree.rootNode).map((match) => ({ pattern: match.patternIndex, captures: match.captures }));
        },
        dispose: () => tree.delete(),
      };
    },
  };
}
