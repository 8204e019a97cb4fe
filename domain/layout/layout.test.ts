import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, KINDS, type Diagram, type Position } from '../diagram';
import { SAMPLE_DIAGRAM } from '../sample';
import { crossings, laneOf, layOut, overlaps } from './lanes';

const diagrams = fc
  .record({
    kinds: fc.array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 40 }),
    features: fc.array(fc.option(fc.constantFrom('orders', 'users', 'billing'), { nil: undefined }), { minLength: 40, maxLength: 40 }),
    edges: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 80 }),
    spread: fc.array(fc.tuple(fc.integer({ min: -500, max: 500 }), fc.integer({ min: -500, max: 500 })), { minLength: 40, maxLength: 40 }),
  })
  .map(({ kinds, features, edges, spread }): Diagram => {
    const nodes = kinds.map((kind, i) => ({
      id: `n${i}`,
      kind,
      name: `${kind}_${i}`,
      position: { x: spread[i][0], y: spread[i][1] },
      ...(features[i] !== undefined && { feature: features[i] }),
    }));
    return {
      version: CURRENT_VERSION,
      project: SAMPLE_DIAGRAM.project,
      nodes,
      edges: edges.map(([a, b], i) => ({ id: `e${i}`, source: `n${a % nodes.length}`, target: `n${b % nodes.length}` })),
    };
  });

/** Nodes of one lane in reading order: row by row, left to right. */
function readingOrder(diagram: Diagram, positions: ReadonlyMap<string, Position>, lane: number) {
  return diagram.nodes
    .filter((node) => laneOf(node) === lane)
    .sort((a, b) => positions.get(a.id)!.y - positions.get(b.id)!.y || positions.get(a.id)!.x - positions.get(b.id)!.x);
}

describe('layOut on random diagrams', () => {
  it('places every node, leaves no overlaps, stacks lanes by layer and keeps features together', async () => {
    await fc.assert(
      fc.property(diagrams, (diagram) => {
        const positions = layOut(diagram);
        expect([...positions.keys()].sort()).toEqual(diagram.nodes.map((node) => node.id).sort());
        expect(overlaps(positions)).toEqual([]);
        for (const a of diagram.nodes) {
          for (const b of diagram.nodes) {
            if (laneOf(a) < laneOf(b)) expect(positions.get(a.id)!.y).toBeLessThan(positions.get(b.id)!.y);
          }
        }
        for (let lane = 0; lane < 5; lane++) {
          const features = readingOrder(diagram, positions, lane).map((node) => node.feature);
          const runs = features.filter((feature, i) => feature !== undefined && feature !== features[i - 1]);
          expect(new Set(runs).size).toBe(runs.length);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('untangles crossed edges', () => {
    const node = (id: string, kind: 'service' | 'repository', x: number) => ({ id, kind, name: id, position: { x, y: 0 } });
    const diagram: Diagram = {
      ...SAMPLE_DIAGRAM,
      nodes: [node('s1', 'service', 0), node('s2', 'service', 200), node('s3', 'service', 400), node('p1', 'repository', 400), node('p2', 'repository', 200), node('p3', 'repository', 0)],
      edges: [['s1', 'p1'], ['s2', 'p2'], ['s3', 'p3']].map(([source, target], i) => ({ id: `e${i}`, source, target })),
    };
    expect(crossings(diagram, new Map(diagram.nodes.map((n) => [n.id, { x: n.position.x, y: n.kind === 'service' ? 0 : 100 }])))).toBe(3);
    expect(crossings(diagram, layOut(diagram))).toBe(0);
  });

  it('puts the sample in order: router above service above repository above model above database', () => {
    const positions = layOut(SAMPLE_DIAGRAM);
    const y = (name: string) => positions.get(SAMPLE_DIAGRAM.nodes.find((node) => node.name === name)!.id)!.y;
    expect(y('orders')).toBeLessThan(y('order_service'));
    expect(y('order_service')).toBeLessThan(y('order_repository'));
    expect(y('order_repository')).toBeLessThan(y('order'));
    expect(y('order')).toBeLessThan(y('db'));
  });
});
