// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { unionOf } from './pictures';

describe('unionOf', () => {
  it('holds every rectangle: feature boxes reach past the nodes React Flow measures', () => {
    const nodes = { x: 0, y: 0, width: 180, height: 52 };
    const box = { x: -20, y: -34, width: 220, height: 106 };
    expect(unionOf(nodes, box)).toEqual({ x: -20, y: -34, width: 220, height: 106 });
    expect(unionOf(nodes)).toEqual(nodes);
    expect(unionOf(nodes, { x: 300, y: 400, width: 10, height: 10 })).toEqual({ x: 0, y: 0, width: 310, height: 410 });
  });
});
