import { describe, expect, it } from 'vitest';
import type { DiagramNode } from '../../domain/diagram';
import { adoptedFeatures, FEATURE_PADDING, featureAt, featureBoxes, moveMembers, NODE_SIZE } from './features';

function node(id: string, x: number, y: number, feature?: string): DiagramNode {
  return { id, kind: 'service', name: id, position: { x, y }, ...(feature && { feature }) };
}

const nodes = [node('a', 0, 0, 'orders'), node('b', 300, 200, 'orders'), node('c', 1000, 0, 'users'), node('d', 600, 600)];

describe('featureBoxes', () => {
  it('wraps each feature’s members with padding and leaves ungrouped nodes out', () => {
    const boxes = featureBoxes(nodes);
    expect(boxes.map((b) => b.feature)).toEqual(['orders', 'users']);
    expect(boxes[0]).toEqual({
      feature: 'orders',
      x: -FEATURE_PADDING.side,
      y: -FEATURE_PADDING.top,
      width: 300 + NODE_SIZE.width + 2 * FEATURE_PADDING.side,
      height: 200 + NODE_SIZE.height + FEATURE_PADDING.top + FEATURE_PADDING.bottom,
      members: ['a', 'b'],
    });
    expect(boxes[1].members).toEqual(['c']);
  });

  it('after a move, measures again only the moved nodes’ features, and agrees with measuring all', () => {
    const before = featureBoxes(nodes);
    const moved = nodes.map((n) => (n.id === 'b' ? { ...n, position: { x: 500, y: 400 } } : n));
    const after = featureBoxes(moved);
    expect(after[1]).toBe(before[1]);
    expect(after[0]).not.toBe(before[0]);
    expect(after).toEqual(featureBoxes(moved, new Set()));
    // A node that changes feature is a new grouping, measured afresh.
    const regrouped = moved.map((n) => (n.id === 'b' ? { ...n, feature: 'users' } : n));
    expect(featureBoxes(regrouped)).toEqual(featureBoxes(regrouped, new Set()));
  });

  it('skips the nodes it is told to', () => {
    expect(featureBoxes(nodes, new Set(['c'])).map((b) => b.feature)).toEqual(['orders']);
  });
});

describe('featureAt', () => {
  it('finds the smallest box holding a point', () => {
    const boxes = featureBoxes([...nodes, node('e', 100, 100, 'inner')]);
    expect(featureAt(boxes, { x: 150, y: 120 })).toBe('inner');
    expect(featureAt(boxes, { x: 400, y: 220 })).toBe('orders');
    expect(featureAt(boxes, { x: 700, y: 700 })).toBeUndefined();
  });
});

describe('moveMembers', () => {
  it('moves every member by the box’s move, rounded', () => {
    const [orders] = featureBoxes(nodes);
    const moved = moveMembers(nodes, orders, { x: orders.x + 10.4, y: orders.y - 5 });
    expect([...moved]).toEqual([
      ['a', { x: 10, y: -5 }],
      ['b', { x: 310, y: 195 }],
    ]);
    expect(moveMembers(nodes, orders, { x: orders.x, y: orders.y }).size).toBe(0);
  });
});

describe('adoptedFeatures', () => {
  it('joins the feature whose box the dropped node’s centre is in', () => {
    const dropped = [...nodes.slice(0, 3), node('d', 150, 100)];
    expect([...adoptedFeatures(dropped, new Set(['d']))]).toEqual([['d', 'orders']]);
  });

  it('moves a member into another feature and keeps a node dropped outside every box', () => {
    const moved = [node('a', 1000, 40, 'orders'), ...nodes.slice(1)];
    expect([...adoptedFeatures(moved, new Set(['a']))]).toEqual([['a', 'users']]);
    const away = [node('a', 3000, 3000, 'orders'), ...nodes.slice(1)];
    expect(adoptedFeatures(away, new Set(['a'])).size).toBe(0);
  });

  it('does not count the dropped nodes’ own boxes', () => {
    const both = new Set(['a', 'b']);
    expect(adoptedFeatures(nodes, both).size).toBe(0);
  });
});
