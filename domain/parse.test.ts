import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from './diagram';
import { MAX_DEPTH, MAX_FILE_CHARS, parseDiagram, type ParseResult } from './parse';
import { SAMPLE_DIAGRAM } from './sample';
import { serializeDiagram } from './serialize';

const examples = join(import.meta.dirname, 'fixtures/spec');

function errorsOf(result: ParseResult) {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}

function file(overrides: Record<string, unknown> = {}) {
  return JSON.stringify({
    format: 'strata',
    version: 1,
    project: { name: 'shop' },
    nodes: [{ id: 'r1', kind: 'router', name: 'orders', position: { x: 0, y: 0 } }],
    edges: [],
    ...overrides,
  });
}

describe('parseDiagram', () => {
  it('reads the spec examples', () => {
    for (const name of ['shop', 'tangled']) {
      const result = parseDiagram(readFileSync(`${examples}/${name}.strata`, 'utf8'));
      expect(result.ok, name).toBe(true);
    }
  });

  it('fills in project defaults', () => {
    const result = parseDiagram(file());
    expect(result.ok && result.diagram.project).toEqual({ name: 'shop', framework: 'fastapi', tasks: 'celery', layout: 'auto' });
  });

  it('names the JSON path of every bad field', () => {
    const errors = errorsOf(
      parseDiagram(
        file({
          nodes: [
            { id: 'r1', kind: 'gateway', name: 'orders', position: { x: 0, y: 0 } },
            { id: 'd1', kind: 'database', name: 'db', engine: 'oracle', position: { x: 0, y: 'top' } },
          ],
          edges: [{ id: 'e1', source: 'r1' }],
        }),
      ),
    );
    expect(errors.map((e) => e.path)).toEqual([
      '$.nodes[0].kind',
      '$.nodes[1].position.y',
      '$.nodes[1].engine',
      '$.edges[0].target',
    ]);
    expect(errors[0]!.message).toContain('"gateway"');
    expect(errors[0]!.message).toContain('"router"');
  });

  it('refuses a newer version, naming both versions', () => {
    const errors = errorsOf(parseDiagram(file({ version: CURRENT_VERSION + 4 })));
    expect(errors[0]!.path).toBe('$.version');
    expect(errors[0]!.message).toContain(`version ${CURRENT_VERSION + 4}`);
    expect(errors[0]!.message).toContain(`up to ${CURRENT_VERSION}`);
  });

  it('refuses files over the size limit before parsing', () => {
    const huge = `{"format":"strata","pad":"${'x'.repeat(MAX_FILE_CHARS)}"}`;
    expect(errorsOf(parseDiagram(huge))[0]!.message).toMatch(/MiB/);
  });

  it('refuses deep nesting, empty files, junk and wrong formats with a message', () => {
    expect(errorsOf(parseDiagram('['.repeat(20_000)))[0]!.message).toContain(`${MAX_DEPTH} levels`);
    expect(errorsOf(parseDiagram('  \n'))[0]!.message).toBe('The file is empty.');
    expect(errorsOf(parseDiagram('\u0000\u0001PNG'))[0]!.message).toMatch(/not valid JSON/);
    expect(errorsOf(parseDiagram('{"format":"drawio"}'))[0]!.path).toBe('$.format');
    expect(errorsOf(parseDiagram('[]'))[0]!.message).toMatch(/one JSON object/);
  });

  it('refuses keys that could reach a prototype', () => {
    const text = file({ nodes: [{ id: 'r1', kind: 'router', name: 'x', position: { x: 0, y: 0 }, __proto__: { polluted: 1 } }] });
    const raw = text.replace('"nodes":[{', '"nodes":[{"__proto__":{"polluted":true},');
    expect(errorsOf(parseDiagram(raw))[0]!.path).toBe('$.nodes[0].__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses duplicate ids but keeps dangling edges for the rules to report', () => {
    const dup = file({
      nodes: [
        { id: 'a', kind: 'service', name: 'a', position: { x: 0, y: 0 } },
        { id: 'a', kind: 'service', name: 'b', position: { x: 0, y: 0 } },
      ],
    });
    expect(errorsOf(parseDiagram(dup))[0]!.path).toBe('$.nodes[1].id');
    const dangling = parseDiagram(file({ edges: [{ id: 'e1', source: 'r1', target: 'ghost' }] }));
    expect(dangling.ok).toBe(true);
  });

  it('checks node details against the kind they belong to', () => {
    const errors = errorsOf(
      parseDiagram(
        file({
          nodes: [
            { id: 'r1', kind: 'router', name: 'r', position: { x: 0, y: 0 }, fields: [] },
            { id: 'm1', kind: 'model', name: 'm', position: { x: 0, y: 0 }, fields: [{ name: 'total', type: 'money' }] },
          ],
        }),
      ),
    );
    expect(errors.map((e) => e.path)).toEqual(['$.nodes[0].fields', '$.nodes[1].fields[0].type']);
  });
});

describe('serializeDiagram', () => {
  it('round-trips the sample without loss, to the same bytes', () => {
    const text = serializeDiagram(SAMPLE_DIAGRAM);
    const again = parseDiagram(text);
    expect(again.ok && again.diagram).toEqual(SAMPLE_DIAGRAM);
    expect(again.ok && serializeDiagram(again.diagram)).toBe(text);
  });

  it('keeps unknown keys at every level, in their place after the known keys', () => {
    const text = JSON.stringify({
      format: 'strata',
      version: 1,
      viewport: { x: 10, y: 20, zoom: 1.5 },
      project: { name: 'shop', framework: 'fastapi', tasks: 'rq', layout: 'flat', owner: 'team-a' },
      nodes: [
        {
          id: 'm1',
          kind: 'model',
          name: 'order',
          position: { x: 1, y: 2, locked: true },
          style: { color: 'red' },
          fields: [{ name: 'total', type: 'decimal', precision: 12 }],
        },
      ],
      edges: [],
      comments: [{ text: 'hello' }],
    });
    const first = parseDiagram(text);
    expect(first.ok).toBe(true);
    const saved = JSON.parse(serializeDiagram(first.ok ? first.diagram : (undefined as never)));
    expect(saved.viewport).toEqual({ x: 10, y: 20, zoom: 1.5 });
    expect(saved.comments).toEqual([{ text: 'hello' }]);
    expect(saved.project.owner).toBe('team-a');
    expect(saved.nodes[0].style).toEqual({ color: 'red' });
    expect(saved.nodes[0].position.locked).toBe(true);
    expect(saved.nodes[0].fields[0].precision).toBe(12);
    expect(Object.keys(saved)).toEqual(['format', 'version', 'project', 'nodes', 'edges', 'viewport', 'comments']);
  });

  it('writes stable, diff-friendly JSON', () => {
    const text = serializeDiagram(SAMPLE_DIAGRAM);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "nodes": [\n');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });
});
