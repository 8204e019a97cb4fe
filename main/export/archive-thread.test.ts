import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_DIAGRAM } from '../../domain/sample';
import { buildArchiveOffThread, useBuiltArchiveWorker } from './archive-thread';

describe('buildArchiveOffThread', () => {
  // First: useBuiltArchiveWorker only affects the next worker started.
  it('fails the export with a message when the worker dies, and starts a new one next time', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'strata-worker-'));
    const dying = join(folder, 'dying.mjs');
    await writeFile(dying, 'process.exit(3);\n');
    useBuiltArchiveWorker(dying);
    expect(await buildArchiveOffThread(SAMPLE_DIAGRAM, {})).toEqual({
      ok: false,
      message: 'The export stopped unexpectedly (worker exit code 3).',
    });
    const healthy = join(folder, 'healthy.mjs');
    await writeFile(healthy, `await import(${JSON.stringify(new URL('./archive-worker-source.mjs', import.meta.url).href)});\n`);
    useBuiltArchiveWorker(healthy);
    expect((await buildArchiveOffThread(SAMPLE_DIAGRAM, {})).ok).toBe(true);
  });

  it('builds the archive on a worker, with progress ending at the file count, and answers jobs in any number', async () => {
    const progress: Array<[number, number]> = [];
    const [first, second] = await Promise.all([
      buildArchiveOffThread(SAMPLE_DIAGRAM, {}, (done, total) => progress.push([done, total])),
      buildArchiveOffThread(SAMPLE_DIAGRAM, { tasks: 'rq' }),
    ]);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(progress.at(-1)).toEqual([first.files, first.files]);
    expect(Buffer.from(first.bytes.subarray(0, 4)).readUInt32LE(0)).toBe(0x04034b50);
    expect(Buffer.compare(first.bytes, second.bytes)).not.toBe(0);
  });

  it('reports a generation error as a failed archive', async () => {
    const noTasks = { ...SAMPLE_DIAGRAM, project: { ...SAMPLE_DIAGRAM.project, tasks: 'none' as const } };
    const result = await buildArchiveOffThread(noTasks, {});
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/task framework is "none"/) });
  });

});
