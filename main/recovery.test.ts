import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_DIAGRAM } from '../domain/sample';
import { serializeDiagram } from '../domain/serialize';
import { RecoveryStore } from './recovery';

let folder: string;
let store: RecoveryStore;
let clock: number;
const SAVED_AT = Date.UTC(2024, 4, 1, 12, 30);
const A = 'a'.repeat(32);
const B = 'b'.repeat(32);

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'strata-recovery-'));
  clock = SAVED_AT;
  store = new RecoveryStore(folder, () => clock++);
});

const file = { path: '/work/shop.strata', name: 'shop.strata', diagram: SAMPLE_DIAGRAM };

describe('RecoveryStore', () => {
  it('has nothing to recover at first', async () => {
    expect(await store.list()).toEqual([]);
    expect(await store.read(A)).toBeNull();
  });

  it('reads back what a slot wrote, with where it came from and when', async () => {
    await store.write(A, file);
    expect(await store.read(A)).toEqual({ slot: A, file, savedAt: SAVED_AT });
    expect(await new RecoveryStore(folder).list()).toEqual([{ slot: A, file, savedAt: SAVED_AT }]);
  });

  it('keeps an unsaved diagram without a path', async () => {
    await store.write(A, { ...file, path: null, name: 'Untitled' });
    expect((await store.read(A))?.file).toEqual({ path: null, name: 'Untitled', diagram: SAMPLE_DIAGRAM });
  });

  it('keeps each slot apart: writing or clearing one never touches another', async () => {
    const renamed = { ...SAMPLE_DIAGRAM, project: { ...SAMPLE_DIAGRAM.project, name: 'renamed' } };
    await store.write(A, file);
    await store.write(B, { ...file, diagram: renamed });
    expect((await store.list()).map((r) => r.slot)).toEqual([B, A]);
    expect((await store.list([B])).map((r) => r.slot)).toEqual([A]);
    await store.clear(B);
    expect((await store.read(A))?.file.diagram).toEqual(SAMPLE_DIAGRAM);
    expect(await store.read(B)).toBeNull();
  });

  it('keeps only the newest write of a slot', async () => {
    await store.write(A, file);
    const renamed = { ...SAMPLE_DIAGRAM, project: { ...SAMPLE_DIAGRAM.project, name: 'renamed' } };
    await store.write(A, { ...file, diagram: renamed });
    expect((await store.read(A))?.file.diagram.project.name).toBe('renamed');
    expect(await readdir(join(folder, 'recovery'))).toEqual([`${A}.json`]);
  });

  it('clears, and clearing twice is harmless', async () => {
    await store.write(A, file);
    await store.clear(A);
    await store.clear(A);
    expect(await store.list()).toEqual([]);
  });

  it('takes only plain random ids as slots, never a path', async () => {
    for (const slot of ['../../etc/passwd', '', 'A'.repeat(32), `${A}/x`, 'a'.repeat(31)]) {
      await expect(store.write(slot, file), slot).rejects.toThrow(/slot/);
      await expect(store.clear(slot), slot).rejects.toThrow(/slot/);
    }
  });

  it('reads a corrupt or tampered slot as nothing to recover', async () => {
    await store.write(A, file);
    const recovery = join(folder, 'recovery', `${A}.json`);
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
      expect(await store.read(A), text.slice(0, 60)).toBeNull();
      expect(await store.list()).toEqual([]);
    }
    // A stray file in the folder is no slot.
    await writeFile(join(folder, 'recovery', 'notes.json'), JSON.stringify(record));
    expect(await store.list()).toEqual([]);
  });

  it('falls back to a name when the record has none', async () => {
    await store.write(A, file);
    await writeFile(join(folder, 'recovery', `${A}.json`), JSON.stringify({ savedAt: 1, diagram: serializeDiagram(SAMPLE_DIAGRAM) }));
    expect((await store.read(A))?.file).toMatchObject({ path: null, name: 'Recovered diagram' });
  });
});
