import { chmod, link, lstat, mkdir, mkdtemp, readdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { JOURNAL_SUFFIX, readTextFile, removeStaleTempFiles, TEMP_PREFIX, TEMP_SUFFIX, writeFileAtomic } from './files';

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

describe('writeFileAtomic keeps how the file sits on disk', () => {
  const isRoot = process.getuid?.() === 0;

  it('keeps the mode of a private file, never widening it', async () => {
    const path = join(folder, 'private.strata');
    await writeFile(path, 'old');
    await chmod(path, 0o600);
    await writeFileAtomic(path, 'new');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    await chmod(path, 0o640);
    await writeFileAtomic(path, 'newer');
    expect((await stat(path)).mode & 0o777).toBe(0o640);
  });

  it('gives a new file the usual mode (0666 less the umask)', async () => {
    const path = join(folder, 'fresh.strata');
    await writeFileAtomic(path, 'x');
    expect((await stat(path)).mode & 0o777).toBe(0o666 & ~process.umask());
  });

  it('writes through a symlink to its target, keeping the link', async () => {
    const real = join(folder, 'real');
    await mkdir(real);
    await writeFile(join(real, 'target.strata'), 'old');
    await chmod(join(real, 'target.strata'), 0o600);
    const linkPath = join(folder, 'link.strata');
    await symlink(join(real, 'target.strata'), linkPath);
    await writeFileAtomic(linkPath, 'new');
    expect((await lstat(linkPath)).isSymbolicLink()).toBe(true);
    expect(await readlink(linkPath)).toBe(join(real, 'target.strata'));
    expect(await readFile(join(real, 'target.strata'), 'utf8')).toBe('new');
    expect((await stat(join(real, 'target.strata'))).mode & 0o777).toBe(0o600);
    expect(await readdir(folder)).toEqual(['link.strata', 'real']);
    expect(await readdir(real)).toEqual(['target.strata']);
  });

  it('follows a relative symlink chain', async () => {
    await writeFile(join(folder, 'end.strata'), 'old');
    await symlink('end.strata', join(folder, 'middle.strata'));
    await symlink('middle.strata', join(folder, 'start.strata'));
    await writeFileAtomic(join(folder, 'start.strata'), 'new');
    expect(await readFile(join(folder, 'end.strata'), 'utf8')).toBe('new');
    expect((await lstat(join(folder, 'start.strata'))).isSymbolicLink()).toBe(true);
  });

  it('keeps hard links: every name sees the new content, and no journal is left', async () => {
    const path = join(folder, 'a.strata');
    await writeFile(path, 'old content that is longer');
    await link(path, join(folder, 'b.strata'));
    await writeFileAtomic(path, 'new');
    expect(await readFile(join(folder, 'b.strata'), 'utf8')).toBe('new');
    expect((await stat(path)).nlink).toBe(2);
    expect((await stat(path)).ino).toBe((await stat(join(folder, 'b.strata'))).ino);
    expect((await readdir(folder)).sort()).toEqual(['a.strata', 'b.strata']);
  });

  it.skipIf(isRoot)('refuses to replace a read-only file, leaving it as it was', async () => {
    const path = join(folder, 'read-only.strata');
    await writeFile(path, 'old');
    await chmod(path, 0o444);
    await expect(writeFileAtomic(path, 'new')).rejects.toMatchObject({ code: 'EACCES' });
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(folder)).toEqual(['read-only.strata']);
  });
});

describe('removeStaleTempFiles', () => {
  it('finishes the in-place write a journal records (a save of a hard-linked file cut short)', async () => {
    const path = join(folder, 'shop.strata');
    await writeFile(path, 'torn half of the ne');
    await link(path, join(folder, 'other-name.strata'));
    await writeFile(join(folder, `${TEMP_PREFIX}shop.strata.0123456789ab${JOURNAL_SUFFIX}`), 'the new content');
    expect(await removeStaleTempFiles(folder)).toBe(1);
    expect(await readFile(join(folder, 'other-name.strata'), 'utf8')).toBe('the new content');
    expect((await readdir(folder)).sort()).toEqual(['other-name.strata', 'shop.strata']);
  });

  it('limited to one file, touches only that file’s leftovers', async () => {
    const mine = `${TEMP_PREFIX}shop.strata.0a1b2c${TEMP_SUFFIX}`;
    const theirs = `${TEMP_PREFIX}notes.strata.0a1b2c${TEMP_SUFFIX}`;
    for (const name of [mine, theirs]) await writeFile(join(folder, name), 'x');
    expect(await removeStaleTempFiles(folder, 'shop.strata')).toBe(1);
    expect(await readdir(folder)).toEqual([theirs]);
  });

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
