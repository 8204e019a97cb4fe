/** Notes, arrow labels and the title: read, written, edited, and never seen by the rules. */
import { describe, expect, it } from 'vitest';
import type { Diagram } from './diagram';
import { applyEdit } from './edits';
import { parseDiagram, type ParseResult } from './parse';
import { validate } from './rules';
import { SAMPLE_DIAGRAM } from './sample';
import { serializeDiagram } from './serialize';

function file(overrides: Record<string, unknown>) {
  return JSON.stringify({
    format: 'strata',
    version: 1,
    project: { name: 'shop' },
    nodes: [
      { id: 'r1', kind: 'router', name: 'orders', position: { x: 0, y: 0 } },
      { id: 's1', kind: 'service', name: 'order_service', position: { x: 0, y: 100 } },
    ],
    edges: [{ id: 'e1', source: 'r1', target: 's1' }],
    ...overrides,
  });
}

function diagramOf(result: ParseResult): Diagram {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.diagram;
}

const NOTE = { id: 'n1', style: 'sticky', text: '**Why** a queue:\n- spikes', position: { x: 10, y: -50 } };

describe('the file format', () => {
  it('reads a title, notes and an arrow label, and writes them back the same', () => {
    const text = file({ title: 'Checkout', notes: [NOTE], edges: [{ id: 'e1', source: 'r1', target: 's1', label: 'calls' }] });
    const diagram = diagramOf(parseDiagram(text));
    expect(diagram.title).toBe('Checkout');
    expect(diagram.notes).toEqual([NOTE]);
    expect(diagram.edges[0]!.label).toBe('calls');
    const saved = serializeDiagram(diagram);
    expect(diagramOf(parseDiagram(saved))).toEqual(diagram);
    expect(Object.keys(JSON.parse(saved) as object)).toEqual(['format', 'version', 'title', 'project', 'nodes', 'edges', 'notes']);
  });

  it('writes a file without them exactly as before', () => {
    expect(Object.keys(JSON.parse(serializeDiagram(SAMPLE_DIAGRAM)) as object)).toEqual(['format', 'version', 'project', 'nodes', 'edges']);
  });

  it('takes a note without a style for a sticky note', () => {
    const plain: Partial<typeof NOTE> = { ...NOTE };
    delete plain.style;
    expect(diagramOf(parseDiagram(file({ notes: [plain] }))).notes?.[0]!.style).toBe('sticky');
  });

  it('names the field of a bad note, label or title', () => {
    const result = parseDiagram(
      file({
        title: 3,
        notes: [{ ...NOTE, style: 'poster' }, { ...NOTE, id: 'r1' }],
        edges: [{ id: 'e1', source: 'r1', target: 's1', label: ['x'] }],
      }),
    );
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.errors.map((error) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['$.title', '$.notes[0].style', '$.edges[0].label']));
    const clash = parseDiagram(file({ notes: [{ ...NOTE, id: 'r1' }] }));
    expect(clash.ok ? [] : clash.errors).toEqual([{ path: '$.notes[0].id', message: '"r1" is the id of a node; a note needs its own id' }]);
  });
});

describe('edits', () => {
  const base = diagramOf(parseDiagram(file({ notes: [NOTE] })));

  it('labels an arrow, and a cleared label is no label', () => {
    const labelled = applyEdit(base, { type: 'update-edge', id: 'e1', changes: { label: 'enqueues' } });
    expect(labelled.edges[0]!.label).toBe('enqueues');
    expect(applyEdit(labelled, { type: 'update-edge', id: 'e1', changes: { label: ' ' } }).edges[0]).toEqual(base.edges[0]);
  });

  it('sets and clears the title', () => {
    const titled = applyEdit(base, { type: 'set-title', title: ' Checkout ' });
    expect(titled.title).toBe('Checkout');
    expect('title' in applyEdit(titled, { type: 'set-title', title: '' })).toBe(false);
  });

  it('moves and removes notes like nodes, and leaves nodes and edges alone', () => {
    const moved = applyEdit(base, { type: 'move-nodes', positions: new Map([['n1', { x: 5, y: 5 }]]) });
    expect(moved.notes?.[0]!.position).toEqual({ x: 5, y: 5 });
    expect(moved.nodes).toEqual(base.nodes);
    const removed = applyEdit(base, { type: 'remove', nodeIds: ['n1'], edgeIds: [] });
    expect(removed.notes).toEqual([]);
    expect(removed.edges).toEqual(base.edges);
  });

  it('adds and edits a note', () => {
    const added = applyEdit(base, { type: 'add-notes', notes: [{ ...NOTE, style: 'text', id: 'n2', text: '' }] });
    const edited = applyEdit(added, { type: 'update-note', id: 'n2', changes: { text: 'hello' } });
    expect(edited.notes?.map((note) => note.text)).toEqual([NOTE.text, 'hello']);
  });
});

describe('the rules', () => {
  it('do not see notes, labels or the title', () => {
    const plain = diagramOf(parseDiagram(file({})));
    const dressed = diagramOf(parseDiagram(file({ title: 'T', notes: [{ ...NOTE, text: 'router' }], edges: [{ id: 'e1', source: 'r1', target: 's1', label: 'x' }] })));
    expect(validate(dressed)).toEqual(validate(plain));
  });
});

describe('dragging notes', () => {
  it('keeps the nodes array when only notes move', () => {
    const base = diagramOf(parseDiagram(file({ notes: [NOTE] })));
    const moved = applyEdit(base, { type: 'move-nodes', positions: new Map([['n1', { x: 1, y: 2 }]]) });
    expect(moved.nodes).toBe(base.nodes);
    expect(moved.edges).toBe(base.edges);
  });
});

describe('reversing', () => {
  it('turns each named edge around and keeps its id and label', () => {
    const base = diagramOf(parseDiagram(file({ edges: [{ id: 'e1', source: 'r1', target: 's1', label: 'calls' }] })));
    const reversed = applyEdit(base, { type: 'reverse-edges', ids: ['e1'] });
    expect(reversed.edges).toEqual([{ id: 'e1', source: 's1', target: 'r1', label: 'calls' }]);
  });
});
