import { describe, expect, it } from 'vitest';
import type { DiagramNode } from '../../domain/diagram';
import { changedInPlace } from './moves';

const node = (id: string, x = 0): DiagramNode => ({ id, kind: 'service', name: id, position: { x, y: 0 } });

describe('changedInPlace', () => {
  const nodes = ['a', 'b', 'c', 'd'].map((id) => node(id));

  it('finds the nodes a move replaced, by identity', () => {
    const moved = [nodes[0], node('b', 10), nodes[2], node('d', 5)];
    expect(changedInPlace(nodes, moved)).toEqual([1, 3]);
    expect(changedInPlace(nodes, nodes)).toEqual([]);
  });

  it('says nothing when nodes were added, removed or reordered', () => {
    expect(changedInPlace(nodes, nodes.slice(1))).toBeUndefined();
    expect(changedInPlace(nodes, [nodes[1], nodes[0], nodes[2], nodes[3]])).toBeUndefined();
  });

  it('gives up past the limit, and a later larger limit still gets the whole answer', () => {
    const moved = nodes.map((n) => node(n.id, 1));
    expect(changedInPlace(nodes, moved, 2)).toBeUndefined();
    expect(changedInPlace(nodes, moved)).toEqual([0, 1, 2, 3]);
    expect(changedInPlace(nodes, moved, 2)).toBeUndefined();
  });
});
