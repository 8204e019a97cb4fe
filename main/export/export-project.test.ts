import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseDiagram } from '../../domain/parse';
import { SAMPLE_DIAGRAM } from '../../domain/sample';
import type { Diagram } from '../../domain/diagram';
import { createHandlers, type Handlers } from '../handlers';
import { exportToFile } from './export-project';
import { testHost, type TestHost } from '../test-host';
import { readZip, zipProblems } from '../testing/read-zip';

let folder: string;
let host: TestHost;
let handlers: Handlers;

function example(name: string): Diagram {
  const result = parseDiagram(readFileSync(join(import.meta.dirname, `../../domain/fixtures/spec/${name}.strata`), 'utf8'));
  if (!result.ok) throw new Error(`${name} does not parse`);
  return result.diagram;
}

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'strata-export-'));
  host = testHost(folder);
  handlers = createHandlers(host);
});

describe('exportProject', () => {
  it('writes a zip of the generated project, one root folder, no duplicates, with progress', async () => {
    const path = join(folder, 'shop.zip');
    host.saveAnswer = path;
    const result = await handlers.exportProject({ diagram: SAMPLE_DIAGRAM, options: {} });
    expect(result).toMatchObject({ status: 'exported', path });
    const entries = await readZip(path);
    expect(zipProblems(entries, 'shop')).toEqual([]);
    expect(entries.map((e) => e.name)).toContain('shop/pyproject.toml');
    expect(entries.length).toBe(result.status === 'exported' ? result.files : -1);
    expect(host.progress.at(-1)).toEqual({ done: entries.length, total: entries.length });
  });

  it('applies the options over the diagram settings', async () => {
    const path = join(folder, 'shop.zip');
    host.saveAnswer = path;
    await handlers.exportProject({ diagram: SAMPLE_DIAGRAM, options: { tasks: 'rq', layout: 'flat' } });
    const pyproject = (await readZip(path)).find((e) => e.name === 'shop/pyproject.toml')!.text;
    expect(pyproject).toMatch(/"rq[=>~ ]/);
    expect(pyproject).not.toMatch(/"celery[=>~ []/);
  });

  it('refuses a diagram with errors, listing them, unless forced', async () => {
    host.saveAnswer = join(folder, 'tangled.zip');
    const refused = await handlers.exportProject({ diagram: example('tangled'), options: {} });
    expect(refused.status).toBe('has-errors');
    expect(refused.status === 'has-errors' && refused.findings.map((f) => f.rule)).toContain('cycle');
    const forced = await handlers.exportProject({ diagram: example('tangled'), options: { tasks: 'celery' }, force: true });
    expect(forced.status).toBe('exported');
  });

  it('on the command line, never overwrites an existing file without being told', async () => {
    const path = join(folder, 'shop.zip');
    await writeFile(path, 'keep me');
    expect(await exportToFile({ diagram: SAMPLE_DIAGRAM, options: {} }, path, false)).toEqual({ status: 'exists', path });
    expect(await readFile(path, 'utf8')).toBe('keep me');
    const replaced = await exportToFile({ diagram: SAMPLE_DIAGRAM, options: {} }, path, true);
    expect(replaced.status).toBe('exported');
  });

  it('asks where to save when no path is given, and can be canceled', async () => {
    expect(await handlers.exportProject({ diagram: SAMPLE_DIAGRAM, options: {} })).toEqual({ status: 'canceled' });
    expect(host.asked).toEqual([{ suggestedName: 'shop.zip', kind: 'zip' }]);
    host.saveAnswer = join(folder, 'chosen');
    const result = await handlers.exportProject({ diagram: SAMPLE_DIAGRAM, options: {} });
    expect(result).toMatchObject({ status: 'exported', path: join(folder, 'chosen.zip') });
  });

  it('refuses forged payloads', async () => {
    // The renderer never says where: a path in the request is refused, whatever it names.
    await expect(handlers.exportProject({ diagram: SAMPLE_DIAGRAM, options: {}, path: join(folder, 'x.zip') })).rejects.toThrow(/no path/);
    expect(host.asked).toEqual([]);
    await expect(handlers.exportProject({ diagram: SAMPLE_DIAGRAM, options: { tasks: 'cron' } })).rejects.toThrow(/tasks/);
    await expect(handlers.exportProject({ diagram: { nodes: 1 }, options: {} })).rejects.toThrow(/diagram/);
  });
});
