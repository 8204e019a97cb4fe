import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readTextFile, removeStaleTempFiles, TEMP_PREFIX, TEMP_SUFFIX, writeFileAtomic } from './files';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'strata-files-'));
});

describe('writeFileAtomic', () => {
  it('creates and replaces a file, leaving no temporary file', async () => {
    const path = join(folder, 'shop.strata');
    await writeFileAtomic(path, 'first');
    await writeFileAtomic(path, 'second');
    expect(await readFile(path, 'utf8')).toBe('second');
    expect(await readdir(folder)).toEqual(['shop.strata']);
  });

  it('fails without a trace when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(folder, 'missing', 'shop.strata'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(folder)).toEqual([]);
  });

  it('leaves the old content and no temporary file when the rename fails', async () => {
    const path = join(folder, 'taken');
    await mkdir(join(path, 'inside'), { recursive: true });
    await expect(writeFileAtomic(path, 'new')).rejects.toThrow();
    expect(await readdir(folder)).toEqual(['taken']);
  });
});

describe('removeStaleTempFiles', () => {
  it('removes only the temporary files of interrupted saves and counts them', async () => {
    const stale = [`${TEMP_PREFIX}shop.strata.0a1b2c${TEMP_SUFFIX}`, `${TEMP_PREFIX}recent.json.ffffff${TEMP_SUFFIX}`];
    const kept = ['shop.strata', 'notes.tmp', `${TEMP_PREFIX}shop.strata.bak`, 'strata-save-x.tmp'];
    for (const name of [...stale, ...kept]) await writeFile(join(folder, name), 'x');
    expect(await removeStaleTempFiles(folder)).toBe(2);
    expect((await readdir(folder)).sort()).toEqual([...kept].sort());
    expect(await removeStaleTempFiles(folder)).toBe(0);
  });

  it('treats a missing folder as having nothing to remove', async () => {
    expect(await removeStaleTempFiles(join(folder, 'gone'))).toBe(0);
  });
});

describe('readTextFile', () => {
  it('reads UTF-8 text and refuses binary junk and folders in words', async () => {
    const text = join(folder, 'ok.strata');
    await writeFile(text, 'héllo ✓');
    expect(await readTextFile(text)).toBe('héllo ✓');
    const junk = join(folder, 'junk.strata');
    await writeFile(junk, Buffer.from([0xc3, 0x28, 0xff]));
    await expect(readTextFile(junk)).rejects.toThrow('junk.strata is not UTF-8 text; it may be a binary file.');
    await expect(readTextFile(folder)).rejects.toThrow('is not a file.');
  });
});
