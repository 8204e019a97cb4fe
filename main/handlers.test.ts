import { chmod, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_DIAGRAM } from '../domain/sample';
import { serializeDiagram } from '../domain/serialize';
import { createHandlers, type Handlers } from './handlers';
import { PayloadError } from './payload';
import { testHost, type TestHost } from './test-host';

let folder: string;
let handlers: Handlers;
let host: TestHost;
const renamed = { ...SAMPLE_DIAGRAM, project: { ...SAMPLE_DIAGRAM.project, name: 'renamed' } };

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'strata-handlers-'));
  host = testHost(join(folder, 'user-data'));
  handlers = createHandlers(host);
});

/** Opens `path` the way a user does: by choosing it in the Open dialog. */
async function openChosen(path: string) {
  host.openAnswer = path;
  return handlers.openDiagram({});
}

describe('main handlers', () => {
  it('loads the built-in sample', async () => {
    const file = await handlers.loadSample(undefined);
    expect(file.path).toBeNull();
    expect(file.diagram.nodes.map((n) => n.name)).toContain('order_service');
  });

  it('saves as, saves again to the document’s own path, reopens and remembers the file', async () => {
    const path = join(folder, 'shop.strata');
    host.saveAnswer = path;
    expect(await handlers.saveDiagram({ diagram: SAMPLE_DIAGRAM })).toEqual({ status: 'saved', path, name: 'shop.strata' });
    expect(await handlers.saveDiagram({ diagram: renamed, path })).toEqual({ status: 'saved', path, name: 'shop.strata' });
    expect(await readFile(path, 'utf8')).toBe(serializeDiagram(renamed));
    const opened = await handlers.openDiagram({ path });
    expect(opened.status === 'opened' && opened.file.diagram).toEqual(renamed);
    expect(await handlers.recentFiles(undefined)).toEqual([path]);
    expect((await readdir(folder)).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('asks for a path on Save As, adding the extension, and reports a cancel', async () => {
    expect(await handlers.saveDiagram({ diagram: SAMPLE_DIAGRAM })).toEqual({ status: 'canceled' });
    host.saveAnswer = join(folder, 'chosen');
    const saved = await handlers.saveDiagram({ diagram: SAMPLE_DIAGRAM, suggestedName: 'shop.strata' });
    expect(saved.status === 'saved' && saved.path).toBe(join(folder, 'chosen.strata'));
  });

  it('opens a broken file as a list of problems, never a half diagram', async () => {
    const path = join(folder, 'broken.strata');
    await writeFile(path, '{"format":"strata","version":1,"nodes":[{"id":"x"}]}');
    const opened = await openChosen(path);
    expect(opened.status).toBe('invalid');
    expect(opened.status === 'invalid' && opened.errors.map((e) => e.path)).toContain('$.nodes[0].kind');
  });

  it('explains a missing file, binary junk, UTF-16 and a file over 16 MiB in words naming the file', async () => {
    const message = async (path: string) => {
      const opened = await openChosen(path);
      return opened.status === 'invalid' ? opened.errors[0]!.message : opened.status;
    };
    expect(await message(join(folder, 'nope.strata'))).toBe('nope.strata does not exist, or its folder does not.');
    await writeFile(join(folder, 'junk.strata'), Buffer.from([0x7b, 0xc3, 0x28, 0x89, 0x50]));
    expect(await message(join(folder, 'junk.strata'))).toBe('junk.strata is not UTF-8 text; it may be a binary file.');
    await writeFile(join(folder, 'wide.strata'), Buffer.from(`\ufeff${serializeDiagram(SAMPLE_DIAGRAM)}`, 'utf16le'));
    expect(await message(join(folder, 'wide.strata'))).toMatch(/^wide\.strata is UTF-16 text/);
    await writeFile(join(folder, 'wide-no-bom.strata'), Buffer.from(serializeDiagram(SAMPLE_DIAGRAM), 'utf16le'));
    expect(await message(join(folder, 'wide-no-bom.strata'))).toMatch(/is UTF-16 text/);
    await writeFile(join(folder, 'huge.strata'), Buffer.alloc(16 * 1024 * 1024 + 1, 0x20));
    expect(await message(join(folder, 'huge.strata'))).toBe('huge.strata is 16.0 MiB; Strata opens diagram files up to 16 MiB.');
  });

  it('opens text the renderer already has', async () => {
    const result = await handlers.openDiagramText({ name: 'drop.strata', text: serializeDiagram(SAMPLE_DIAGRAM) });
    expect(result.status).toBe('opened');
  });

  it('refuses forged payloads', async () => {
    const forged: unknown[] = [null, 'x', { path: 42 }, { path: '' }, { path: 'a\0b.strata' }, { path: 'relative.strata' }];
    for (const payload of forged) await expect(handlers.openDiagram(payload)).rejects.toThrow(PayloadError);
    await expect(handlers.saveDiagram({ diagram: { nodes: 'all' }, path: join(folder, 'a.strata') })).rejects.toThrow(PayloadError);
    await expect(handlers.openDiagramText({ name: 'x', text: 7 })).rejects.toThrow(PayloadError);
  });
});

describe('paths are capabilities', () => {
  it('refuses to open, save over, reveal or remember a path the user never chose', async () => {
    const outside = join(folder, 'outside.strata');
    await writeFile(outside, serializeDiagram(SAMPLE_DIAGRAM));
    await expect(handlers.openDiagram({ path: outside })).rejects.toThrow(/refused/);
    await expect(handlers.saveDiagram({ diagram: renamed, path: outside })).rejects.toThrow(/refused/);
    await expect(handlers.showInFolder({ path: outside })).rejects.toThrow(/refused/);
    await expect(handlers.writeRecovery({ slot: 'c'.repeat(32), file: { path: outside, name: 'x', diagram: renamed } })).rejects.toThrow(/refused/);
    await expect(handlers.exportProject({ diagram: SAMPLE_DIAGRAM, options: {}, path: join(folder, 'x.zip') })).rejects.toThrow(/no path/);
    expect(await readFile(outside, 'utf8')).toBe(serializeDiagram(SAMPLE_DIAGRAM));
    expect(host.shown).toEqual([]);
  });

  it('grants what a dialog answered, the open document’s path and the recent list — and nothing beside them', async () => {
    const chosen = join(folder, 'chosen.strata');
    await writeFile(chosen, serializeDiagram(SAMPLE_DIAGRAM));
    expect((await openChosen(chosen)).status).toBe('opened');
    expect((await handlers.saveDiagram({ diagram: renamed, path: chosen })).status).toBe('saved');
    await handlers.showInFolder({ path: chosen });
    expect(host.shown).toEqual([chosen]);
    // A sibling, the folder and a traversal back to the same name are other paths.
    for (const other of [join(folder, 'sibling.strata'), `${folder}/x/../chosen.strata`, `${folder}//chosen.strata`, join(folder, 'chosen.strata.strata')]) {
      await expect(handlers.saveDiagram({ diagram: renamed, path: other }), other).rejects.toThrow(/refused/);
    }
    // A new window (a new set of grants) may open the file from the recent list.
    const next = createHandlers({ ...testHost(join(folder, 'user-data')) });
    expect((await next.openDiagram({ path: chosen })).status).toBe('opened');
  });
});

describe('saving a file someone else changed', () => {
  it('reports a conflict instead of overwriting, and overwrites only when told', async () => {
    const path = join(folder, 'shared.strata');
    await writeFile(path, serializeDiagram(SAMPLE_DIAGRAM));
    await openChosen(path);
    const theirs = serializeDiagram({ ...SAMPLE_DIAGRAM, project: { ...SAMPLE_DIAGRAM.project, name: 'theirs' } });
    await writeFile(path, theirs);
    expect(await handlers.saveDiagram({ diagram: renamed, path })).toEqual({ status: 'conflict', path, name: 'shared.strata' });
    expect(await readFile(path, 'utf8')).toBe(theirs);
    expect((await handlers.saveDiagram({ diagram: renamed, path, overwrite: true })).status).toBe('saved');
    expect(await readFile(path, 'utf8')).toBe(serializeDiagram(renamed));
    // Saved by us: no conflict the next time.
    expect((await handlers.saveDiagram({ diagram: SAMPLE_DIAGRAM, path })).status).toBe('saved');
  });

  it('sees no conflict when the file was only touched, or deleted', async () => {
    const path = join(folder, 'touched.strata');
    await writeFile(path, serializeDiagram(SAMPLE_DIAGRAM));
    await openChosen(path);
    await writeFile(path, serializeDiagram(SAMPLE_DIAGRAM));
    expect((await handlers.saveDiagram({ diagram: renamed, path })).status).toBe('saved');
    await writeFile(path, '');
    await chmod(path, 0o644);
    expect((await handlers.saveDiagram({ diagram: SAMPLE_DIAGRAM, path })).status).toBe('conflict');
  });

  it('names the user’s file in a failed save, never a temporary file', async () => {
    const path = join(folder, 'locked.strata');
    await writeFile(path, serializeDiagram(SAMPLE_DIAGRAM));
    await openChosen(path);
    await chmod(folder, 0o500);
    try {
      const result = await handlers.saveDiagram({ diagram: renamed, path });
      // Root may write anyway; everyone else gets a message that names locked.strata alone.
      if (result.status === 'failed') {
        expect(result.message).toContain('locked.strata');
        expect(result.message).not.toMatch(/strata-save|\.tmp|\//);
      }
    } finally {
      await chmod(folder, 0o700);
    }
  });
});
