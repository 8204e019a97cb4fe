import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
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

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'strata-handlers-'));
  host = testHost(folder);
  handlers = createHandlers(host);
});

describe('main handlers', () => {
  it('loads the built-in sample', async () => {
    const file = await handlers.loadSample(undefined);
    expect(file.path).toBeNull();
    expect(file.diagram.nodes.map((n) => n.name)).toContain('order_service');
  });

  it('saves, reopens and remembers the file', async () => {
    const path = join(folder, 'shop.strata');
    const saved = await handlers.saveDiagram({ diagram: SAMPLE_DIAGRAM, path });
    expect(saved).toEqual({ status: 'saved', path, name: 'shop.strata' });
    expect(await readFile(path, 'utf8')).toBe(serializeDiagram(SAMPLE_DIAGRAM));
    const opened = await handlers.openDiagram({ path });
    expect(opened.status === 'opened' && opened.file.diagram).toEqual(SAMPLE_DIAGRAM);
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
    const opened = await handlers.openDiagram({ path });
    expect(opened.status).toBe('invalid');
    expect(opened.status === 'invalid' && opened.errors.map((e) => e.path)).toContain('$.nodes[0].kind');
  });

  it('explains a missing file and binary junk in words', async () => {
    const missing = await handlers.openDiagram({ path: join(folder, 'nope.strata') });
    expect(missing.status === 'invalid' && missing.errors[0]!.message).toBe('nope.strata does not exist, or its folder does not.');
    const junk = join(folder, 'junk.strata');
    await writeFile(junk, Buffer.from([0xff, 0xfe, 0x00, 0x89, 0x50]));
    const opened = await handlers.openDiagram({ path: junk });
    expect(opened.status === 'invalid' && opened.errors[0]!.message).toMatch(/not UTF-8 text/);
  });

  it('opens text the renderer already has', async () => {
    const result = await handlers.openDiagramText({ name: 'drop.strata', text: serializeDiagram(SAMPLE_DIAGRAM) });
    expect(result.status).toBe('opened');
  });

  it('refuses forged payloads', async () => {
    const forged: unknown[] = [
      null,
      'x',
      { path: 42 },
      { path: '' },
      { path: 'a\0b.strata' },
    ];
    for (const payload of forged) await expect(handlers.openDiagram(payload)).rejects.toThrow(PayloadError);
    await expect(handlers.saveDiagram({ diagram: SAMPLE_DIAGRAM, path: join(folder, '.bashrc') })).rejects.toThrow(
      /only to .strata files/,
    );
    await expect(handlers.saveDiagram({ diagram: { nodes: 'all' }, path: join(folder, 'a.strata') })).rejects.toThrow(
      PayloadError,
    );
    await expect(handlers.openDiagramText({ name: 'x', text: 7 })).rejects.toThrow(PayloadError);
  });
});
