/** Parsing on worker threads gives exactly what parsing in one thread gives. */
import { describe, expect, it } from 'vitest';
import { readPythonFiles } from '../../domain/import';
import { benchTree } from './bench-tree';
import { parseProject } from './parse-pool';
import { loadPythonParser } from './python-parser';

describe('parseProject', () => {
  it('reads the same facts on worker threads as in one thread', async () => {
    const files = [...benchTree()].slice(0, 60).map(([path, text]) => ({ path, text }));
    const parallel = await parseProject({ files }, 0);
    const serial = readPythonFiles({ files }, await loadPythonParser());
    expect(parallel.size).toBe(serial.size);
    expect(new Map([...parallel].sort())).toEqual(new Map([...serial].sort()));
  });
});
