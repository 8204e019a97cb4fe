import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_DIAGRAM } from '../domain/sample';
import { serializeDiagram } from '../domain/serialize';
import { RecoveryStore } from './recovery';

let folder: string;
let store: RecoveryStore;
const SAVED_AT = Date.UTC(2024, 4, 1, 12, 30);

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'strata-recovery-'));
  store = new RecoveryStore(folder, () => SAVED_AT);
});

const file = { path: '/work/shop.strata', name: 'shop.strata', diagram: SAMPLE_DIAGRAM };

describe('RecoveryStore', () => {
  it('has nothing to recover at first', async () => {
    expect(await store.read()).toBeNull();
  });

  it('reads back what it wrote, with where it came from and when', async () => {
    await store.write(file);
    expect(await store.read()).toEqual({ file, savedAt: SAVED_AT });
    expect(await new RecoveryStore(folder).read()).toEqual({ file, savedAt: SAVED_AT });
  });

  it('keeps an unsaved diagram without a path', async () => {
    await store.write({ ...file, path: null, name: 'Untitled' });
    expect((await store.read())?.file).toEqual({ path: null, name: 'Untitled', diagram: SAMPLE_DIAGRAM });
  });

  it('keeps only the newest write', async () => {
    await store.write(file);
    const renamed = { ...SAMPLE_DIAGRAM, project: { ...SAMPLE_DIAGRAM.project, name: 'renamed' } };
    await store.write({ ...file, diagram: renamed });
    expect((await store.read())?.file.diagram.project.name).toBe('renamed');
    expect(await readdir(folder)).toEqual(['recovery.json']);
  });

  it('clears, and clearing twice is harmless', async () => {
    await store.write(file);
    await store.clear();
    await store.clear();
    expect(await store.read()).toBeNull();
    expect(await readdir(folder)).toEqual([]);
  });

  it('reads a corrupt or tampered recovery file as nothing to recover', async () => {
    const recovery = join(folder, 'recovery.json');
    await store.write(file);
    const whole = await readFile(recovery, 'utf8');
    const record = JSON.parse(whole) as Record<string, unknown>;
    const corrupt = [
      whole.slice(0, whole.length / 2),
      '',
      '\u0000\u0001binary',
      '[]',
      'null',
      JSON.stringify({ ...record, diagram: 42 }),
      JSON.stringify({ ...record, savedAt: 'yesterday' }),
      JSON.stringify({ ...record, diagram: '{"format":"strata","version":1,"nodes":[{"id":"x"}]}' }),
      JSON.stringify({ ...record, diagram: serializeDiagram(SAMPLE_DIAGRAM).replace('"router"', '"gateway"') }),
    ];
    for (const text of corrupt) {
      await writeFile(recovery, text);
      expect(await store.read(), text.slice(0, 60)).toBeNull();
    }
  });

  it('falls back to a name when the record has none', async () => {
    await writeFile(join(folder, 'recovery.json'), JSON.stringify({ savedAt: 1, diagram: serializeDiagram(SAMPLE_DIAGRAM) }));
    expect((await store.read())?.file).toMatchObject({ path: null, name: 'Recovered diagram' });
  });
});
