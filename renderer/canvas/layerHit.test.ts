import { describe, expect, it } from 'vitest';
import { distanceToRoute, edgeAt } from './layerHit';

const routes = new Map([
  ['a', [{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 100, y: 100 }]],
  ['b', [{ x: 0, y: 20 }, { x: 80, y: 20 }]],
]);
const edges = [{ id: 'a' }, { id: 'b' }, { id: 'unrouted' }];
const routeOf = (edge: { id: string }) => routes.get(edge.id);

describe('distanceToRoute', () => {
  it('measures to the nearest run, not to the nearest corner', () => {
    expect(distanceToRoute({ x: 50, y: 6 }, routes.get('a')!)).toBe(6);
    expect(distanceToRoute({ x: 104, y: 60 }, routes.get('a')!)).toBe(4);
  });

  it('measures past a run’s end to that end', () => {
    expect(distanceToRoute({ x: -3, y: -4 }, routes.get('a')!)).toBe(5);
  });
});

describe('edgeAt', () => {
  it('finds the nearest edge within reach', () => {
    expect(edgeAt({ x: 40, y: 14 }, edges, routeOf, 8)?.id).toBe('b');
    expect(edgeAt({ x: 40, y: 5 }, edges, routeOf, 8)?.id).toBe('a');
    expect(edgeAt({ x: 97, y: 50 }, edges, routeOf, 8)?.id).toBe('a');
  });

  it('finds nothing farther than reach, and skips edges without a route', () => {
    expect(edgeAt({ x: 40, y: 60 }, edges, routeOf, 8)).toBeUndefined();
    expect(edgeAt({ x: 40, y: 60 }, [{ id: 'unrouted' }], routeOf, 1000)).toBeUndefined();
  });
});
