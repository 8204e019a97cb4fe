/**
 * Golden files: the whole exported tree of one example per framework, committed beside this
 * test and compared byte for byte, so every generator change shows up in review as a Python
 * diff. After an intended change, rewrite them with
 *   STRATA_UPDATE_GOLDEN=1 npx vitest run domain/generate/golden
 * and review the diff like any other code.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Framework } from '../../diagram';
import { parseDiagram } from '../../parse';
import { generate } from '../index';

/** One example per framework room. Adding a room's golden tree is one line here. */
const GOLDEN: ReadonlyArray<{ readonly framework: Framework; readonly example: string }> = [
  { framework: 'fastapi', example: 'full' },
  { framework: 'flask', example: 'library' },
  { framework: 'django', example: 'newsroom' },
];

const HERE = import.meta.dirname;
const EXAMPLES = join(HERE, '..', '..', '..', 'examples');
const UPDATE = process.env.STRATA_UPDATE_GOLDEN === '1';

function exported(example: string, framework: Framework): ReadonlyMap<string, string> {
  const parsed = parseDiagram(readFileSync(join(EXAMPLES, `${example}.strata`), 'utf8'));
  if (!parsed.ok) throw new Error(`examples/${example}.strata does not parse`);
  const result = generate(parsed.diagram, { framework });
  if (!result.ok) throw new Error(`examples/${example}.strata does not export as ${framework}: ${result.error.message}`);
  return result.files;
}

function filesUnder(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else out.push(relative(folder, join(dir, entry.name)).split('\\').join('/'));
    }
  };
  walk(folder);
  return out.sort();
}

describe.each(GOLDEN)('golden tree: $example as $framework', ({ framework, example }) => {
  const folder = join(HERE, framework);
  const files = exported(example, framework);

  if (UPDATE) {
    rmSync(folder, { recursive: true, force: true });
    for (const [path, text] of files) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), text);
    }
  }

  test('has exactly the exported files', () => {
    expect(filesUnder(folder)).toEqual([...files.keys()].sort());
  });

  test('every file is byte for byte what generate() writes', () => {
    for (const [path, text] of files) {
      expect(readFileSync(join(folder, path), 'utf8'), `${framework}/${path} differs from the export: review the change, then update the golden files (STRATA_UPDATE_GOLDEN=1)`).toBe(text);
    }
  });
});
