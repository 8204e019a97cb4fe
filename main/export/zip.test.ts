import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readZip, zipProblems } from '../testing/read-zip';
import { TargetExists, writeZip } from './zip';

let folder: string;
const files = new Map([
  ['shop/README.md', '# shop\n'],
  ['shop/src/shop/__init__.py', ''],
  ['shop/src/shop/main.py', 'print("hi")\n'],
]);

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'strata-zip-'));
});

describe('writeZip', () => {
  it('writes every file under one root, readable by an independent reader', async () => {
    const target = join(folder, 'shop.zip');
    const progress: number[] = [];
    const bytes = await writeZip(target, files, { overwrite: false, onProgress: (done) => progress.push(done) });
    expect(bytes).toBeGreaterThan(0);
    const entries = await readZip(target);
    expect(entries.map((e) => e.name).sort()).toEqual([...files.keys()].sort());
    expect(entries.find((e) => e.name === 'shop/src/shop/main.py')?.text).toBe('print("hi")\n');
    expect(zipProblems(entries, 'shop')).toEqual([]);
    expect(progress).toEqual([1, 2, 3]);
    expect(await readdir(folder)).toEqual(['shop.zip']);
  });

  it('gives the same bytes for the same files', async () => {
    await writeZip(join(folder, 'a.zip'), files, { overwrite: false });
    await writeZip(join(folder, 'b.zip'), files, { overwrite: false });
    expect(await readFile(join(folder, 'a.zip'))).toEqual(await readFile(join(folder, 'b.zip')));
  });

  it('never replaces an existing file unless told to', async () => {
    const target = join(folder, 'shop.zip');
    await writeFile(target, 'precious');
    await expect(writeZip(target, files, { overwrite: false })).rejects.toBeInstanceOf(TargetExists);
    expect(await readFile(target, 'utf8')).toBe('precious');
    await writeZip(target, files, { overwrite: true });
    expect((await readZip(target)).length).toBe(3);
  });

  it('leaves nothing behind when writing fails', async () => {
    const target = join(folder, 'missing-folder', 'shop.zip');
    await expect(writeZip(target, files, { overwrite: false })).rejects.toThrow();
    expect(await readdir(folder)).toEqual([]);
  });

  it('flags entries an attacker could use to escape the folder', () => {
    const bad = [
      { name: 'shop/../../etc/passwd', text: '' },
      { name: '/abs.py', text: '' },
      { name: 'shop/A.py', text: '' },
      { name: 'shop/a.py', text: '' },
    ];
    expect(zipProblems(bad, 'shop')).toHaveLength(4);
  });
});
