import { describe, expect, it } from 'vitest';
import { CLIPBOARD_MARKER, copyNodes, decodeClip, encodeClip, placeClip } from './clipboard';
import { applyEdit } from './edits';
import { SAMPLE_DIAGRAM } from './sample';

const ORIGIN = { x: 0, y: 0 };

describe('copyNodes', () => {
  it('takes the chosen nodes and only the edges between two of them', () => {
    const clip = copyNodes(SAMPLE_DIAGRAM, new Set(['s1', 'p1']));
    expect(clip.nodes.map((n) => n.id)).toEqual(['s1', 'p1']);
    expect(clip.edges.map((e) => e.id)).toEqual(['e2']);
  });

  it('is empty for an empty selection', () => {
    expect(copyNodes(SAMPLE_DIAGRAM, new Set())).toEqual({ nodes: [], edges: [] });
  });
});

describe('encodeClip and decodeClip', () => {
  it('round-trips a clip through text with a marker', () => {
    const clip = copyNodes(SAMPLE_DIAGRAM, new Set(['p1', 'm1', 'd1']));
    const text = encodeClip(clip);
    expect(JSON.parse(text)[CLIPBOARD_MARKER]).toBe(1);
    expect(decodeClip(text)).toEqual(clip);
  });

  it('refuses text that is not a Strata copy', () => {
    for (const text of ['', 'hello', '{"nodes":[]}', '{"strata-clipboard":1', '[1,2]', '{"strata-clipboard":2,"nodes":[],"edges":[]}']) {
      expect(decodeClip(text), text).toBeUndefined();
    }
  });

  it('refuses nodes a diagram file could not hold', () => {
    const bad = { [CLIPBOARD_MARKER]: 1, version: 1, nodes: [{ id: 'x1', kind: 'spaceship', name: 'a', position: ORIGIN }], edges: [] };
    expect(decodeClip(JSON.stringify(bad))).toBeUndefined();
    const proto = `{"${CLIPBOARD_MARKER}":1,"version":1,"nodes":[{"id":"s1","kind":"service","name":"a","position":{"x":0,"y":0},"__proto__":{}}],"edges":[]}`;
    expect(decodeClip(proto)).toBeUndefined();
  });

  it('refuses a copy from a newer format version', () => {
    const newer = { [CLIPBOARD_MARKER]: 1, version: 99, nodes: [], edges: [] };
    expect(decodeClip(JSON.stringify(newer))).toBeUndefined();
  });

  it('refuses absurdly deep text before parsing it', () => {
    expect(decodeClip(`{"${CLIPBOARD_MARKER}":1,"x":${'['.repeat(500)}${']'.repeat(500)}}`)).toBeUndefined();
  });

  it('drops edges whose ends were not copied', () => {
    const text = JSON.stringify({
      [CLIPBOARD_MARKER]: 1,
      version: 1,
      nodes: [{ id: 's1', kind: 'service', name: 'a', position: ORIGIN }],
      edges: [{ id: 'e1', source: 's1', target: 'p9' }],
    });
    expect(decodeClip(text)?.edges).toEqual([]);
  });
});

describe('placeClip', () => {
  const clip = copyNodes(SAMPLE_DIAGRAM, new Set(['s1', 'p1']));

  it('gives fresh ids, remaps edges and offsets positions', () => {
    const placed = placeClip(SAMPLE_DIAGRAM, clip, { x: 40, y: 40 });
    const used = new Set([...SAMPLE_DIAGRAM.nodes.map((n) => n.id), ...SAMPLE_DIAGRAM.edges.map((e) => e.id)]);
    for (const item of [...placed.nodes, ...placed.edges]) expect(used.has(item.id), item.id).toBe(false);
    expect(placed.nodes.map((n) => n.id)).toEqual(['s2', 'p2']);
    expect(placed.edges).toEqual([{ id: 'e8', source: 's2', target: 'p2' }]);
    expect(placed.nodes[0].position).toEqual({ x: 40, y: 200 });
  });

  it('numbers names that would duplicate one of the same kind and feature', () => {
    const placed = placeClip(SAMPLE_DIAGRAM, clip, ORIGIN);
    expect(placed.nodes.map((n) => n.name)).toEqual(['order_service_2', 'order_repository_2']);
    const twice = applyEdit(SAMPLE_DIAGRAM, { type: 'add-nodes', ...placed });
    expect(placeClip(twice, clip, ORIGIN).nodes.map((n) => n.name)).toEqual(['order_service_3', 'order_repository_3']);
  });

  it('keeps names that are free, such as in another diagram', () => {
    const empty = { ...SAMPLE_DIAGRAM, nodes: [], edges: [] };
    const placed = placeClip(empty, clip, ORIGIN);
    expect(placed.nodes.map((n) => [n.id, n.name])).toEqual([
      ['s1', 'order_service'],
      ['p1', 'order_repository'],
    ]);
  });

  it('keeps details and feature, and never shares ids within one paste', () => {
    const many = copyNodes(SAMPLE_DIAGRAM, new Set(SAMPLE_DIAGRAM.nodes.map((n) => n.id)));
    const withFeature = { ...many, nodes: many.nodes.map((n) => ({ ...n, feature: 'orders' })) };
    const placed = placeClip(SAMPLE_DIAGRAM, withFeature, ORIGIN);
    const ids = [...placed.nodes, ...placed.edges].map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(placed.edges).toHaveLength(SAMPLE_DIAGRAM.edges.length);
    const model = placed.nodes.find((n) => n.kind === 'model');
    expect(model?.fields).toHaveLength(3);
    expect(model?.feature).toBe('orders');
    // A different feature means a different package, so the names may stay.
    expect(model?.name).toBe('order');
  });
});

describe('notes on the clipboard', () => {
  const withNote = { ...SAMPLE_DIAGRAM, notes: [{ id: 'note1', style: 'sticky' as const, text: 'retry **twice**', position: { x: 10, y: 20 } }] };

  it('travel with the nodes, through text, and land beside them with ids of their own', () => {
    const clip = copyNodes(withNote, new Set(['s1', 'note1']));
    expect(clip.notes?.map((note) => note.text)).toEqual(['retry **twice**']);
    const read = decodeClip(encodeClip(clip))!;
    expect(read).toEqual(clip);
    const placed = placeClip(withNote, read, { x: 40, y: 40 });
    expect(placed.notes).toEqual([{ id: 'note2', style: 'sticky', text: 'retry **twice**', position: { x: 50, y: 60 } }]);
    const pasted = applyEdit(applyEdit(withNote, { type: 'add-nodes', nodes: placed.nodes, edges: placed.edges }), { type: 'add-notes', notes: placed.notes! });
    expect(pasted.notes?.map((note) => note.id)).toEqual(['note1', 'note2']);
  });

  it('a note alone is a clip; a copy without notes carries no notes key', () => {
    expect(copyNodes(withNote, new Set(['note1'])).nodes).toEqual([]);
    expect(JSON.parse(encodeClip(copyNodes(withNote, new Set(['s1']))))).not.toHaveProperty('notes');
  });
});
