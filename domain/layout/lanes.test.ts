import { describe, expect, it } from 'vitest';
import { emptyDiagram, type Diagram, type DiagramNode, type Kind } from '../diagram';
import { LAYOUT_NODE, orderLanes, overlaps, positionsFrom } from './lanes';

function diagramOf(nodes: [string, Kind, string?][]): Diagram {
  const made: DiagramNode[] = nodes.map(([id, kind, feature], i) => ({
    id,
    kind,
    name: id,
    position: { x: 100 + i, y: 50 },
    ...(feature && { feature }),
  }));
  return { ...emptyDiagram(), nodes: made, edges: [{ id: 'e1', source: 'a', target: 'b' }, { id: 'self', source: 'a', target: 'a' }] };
}

describe('positionsFrom', () => {
  it('keeps a feature together in its lane, from the old top-left corner', () => {
    const diagram = diagramOf([['a', 'service', 'x'], ['b', 'service'], ['c', 'service', 'x'], ['d', 'model']]);
    const positions = positionsFrom(diagram, orderLanes(diagram));
    const order = ['a', 'b', 'c'].sort((p, q) => positions.get(p)!.x - positions.get(q)!.x);
    expect(Math.abs(order.indexOf('a') - order.indexOf('c'))).toBe(1);
    expect(positions.get('d')!.y).toBeGreaterThan(positions.get('a')!.y);
    expect(Math.min(...[...positions.values()].map((p) => p.y))).toBe(50);
    expect(Math.min(...[...positions.values()].map((p) => p.x))).toBeGreaterThanOrEqual(100);
    expect(overlaps(positions)).toEqual([]);
  });

  it('wraps a crowded lane into rows without overlaps', () => {
    const many = Array.from({ length: 60 }, (_, i): [string, Kind] => [`m${i}`, 'model']);
    const diagram = diagramOf(many);
    const positions = positionsFrom(diagram, orderLanes(diagram));
    expect(new Set([...positions.values()].map((p) => p.y)).size).toBeGreaterThan(1);
    expect(overlaps(positions)).toEqual([]);
  });
});

describe('overlaps', () => {
  it('finds boxes that share area', () => {
    const positions = new Map([
      ['a', { x: 0, y: 0 }],
      ['b', { x: LAYOUT_NODE.width - 1, y: 10 }],
      ['c', { x: 0, y: LAYOUT_NODE.height + 10 }],
    ]);
    expect(overlaps(positions)).toEqual([['a', 'b']]);
  });
});
