import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { RecentFiles } from './recent';

let folder: string;
let recent: RecentFiles;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'strata-recent-'));
  recent = new RecentFiles(folder);
});

describe('RecentFiles', () => {
  it('starts empty', async () => {
    expect(await recent.list()).toEqual([]);
  });

  it('lists newest first, moving a reopened file to the top without duplicates', async () => {
    await recent.add('/a.strata');
    await recent.add('/b.strata');
    await recent.add('/a.strata');
    expect(await recent.list()).toEqual(['/a.strata', '/b.strata']);
  });

  it('keeps the ten newest and survives a restart', async () => {
    for (let i = 1; i <= 12; i++) await recent.add(`/file-${i}.strata`);
    const again = new RecentFiles(folder);
    const listed = await again.list();
    expect(listed).toHaveLength(10);
    expect(listed[0]).toBe('/file-12.strata');
    expect(listed.at(-1)).toBe('/file-3.strata');
    expect(await readdir(folder)).toEqual(['recent.json']);
  });

  it('reads a damaged list as empty, or as its strings only', async () => {
    await writeFile(join(folder, 'recent.json'), '{not json');
    expect(await recent.list()).toEqual([]);
    await writeFile(join(folder, 'recent.json'), '{"paths": ["/a.strata"]}');
    expect(await recent.list()).toEqual([]);
    await writeFile(join(folder, 'recent.json'), '["/a.strata", 3, null, {"x": 1}, "/b.strata"]');
    expect(await recent.list()).toEqual(['/a.strata', '/b.strata']);
    await recent.add('/c.strata');
    expect(await recent.list()).toEqual(['/c.strata', '/a.strata', '/b.strata']);
  });
});
