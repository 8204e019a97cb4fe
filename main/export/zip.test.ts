import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readZip, zipProblems } from '../testing/read-zip';
import { zipFiles } from './archive';
import { TargetExists, writeArchive, writeZip } from './zip';

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
    const bytes = await writeZip(target, files, { overwrite: false });
    expect(bytes).toBe((await readFile(target)).length);
    const entries = await readZip(target);
    expect(entries.map((e) => e.name).sort()).toEqual([...files.keys()].sort());
    expect(entries.find((e) => e.name === 'shop/src/shop/main.py')?.text).toBe('print("hi")\n');
    expect(zipProblems(entries, 'shop')).toEqual([]);
    expect(await readdir(folder)).toEqual(['shop.zip']);
  });

  it('keeps non-ASCII names and text, marks shell scripts executable, and reports progress per file', async () => {
    const target = join(folder, 'café.zip');
    const progress: number[] = [];
    const more = new Map([...files, ['shop/docs/naïve – ünïcode.md', 'größe ✓\n'], ['shop/scripts/run.sh', '#!/bin/sh\n']]);
    await writeArchive(target, await zipFiles(more, (done) => progress.push(done)), { overwrite: false });
    const entries = await readZip(target);
    expect(entries.find((e) => e.name === 'shop/docs/naïve – ünïcode.md')?.text).toBe('größe ✓\n');
    expect(entries.find((e) => e.name === 'shop/scripts/run.sh')?.mode).toBe(0o755);
    expect(entries.find((e) => e.name === 'shop/README.md')?.mode).toBe(0o644);
    expect(progress).toEqual([1, 2, 3, 4, 5]);
  });

  it('compresses: a repetitive file takes a fraction of its size', async () => {
    const big = new Map([['shop/big.py', 'x = 1\n'.repeat(50_000)]]);
    const bytes = await writeZip(join(folder, 'big.zip'), big, { overwrite: false });
    expect(bytes).toBeLessThan(300_000 / 50);
    expect((await readZip(join(folder, 'big.zip')))[0]!.text).toBe(big.get('shop/big.py'));
  });

  it("is read by Python's zipfile too: names in sorted order, CRCs, modes and the fixed date", async () => {
    const target = join(folder, 'shop.zip');
    const unsorted = new Map([['shop/z.sh', '#!/bin/sh\n'], ['shop/ä.py', 'x = 1\n'], ...files]);
    await writeZip(target, unsorted, { overwrite: false });
    const script = [
      'import json, sys, zipfile',
      'z = zipfile.ZipFile(sys.argv[1])',
      'assert z.testzip() is None',
      'print(json.dumps([[i.filename, i.external_attr >> 16, list(i.date_time), i.flag_bits & 0x800 != 0] for i in z.infolist()]))',
    ].join('\n');
    const listed = JSON.parse(execFileSync('python3', ['-c', script, target], { encoding: 'utf8' })) as Array<[string, number, number[], boolean]>;
    expect(listed.map(([name]) => name)).toEqual([...unsorted.keys()].sort());
    expect(listed.find(([name]) => name === 'shop/z.sh')![1]).toBe(0o100755);
    expect(listed.find(([name]) => name === 'shop/README.md')![1]).toBe(0o100644);
    expect(listed.find(([name]) => name === 'shop/ä.py')![3]).toBe(true);
    for (const [, , date] of listed) expect(date).toEqual([2026, 1, 1, 0, 0, 0]);
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
