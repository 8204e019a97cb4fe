import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, type DiagramEdge, type DiagramNode } from '../../domain/diagram';
import { applyEdit } from '../../domain/edits';
import { admit, afterMove, cull, cullWindow, DiagramIndex, windowStep } from './culling';

/** A row of services 400 apart, each depending on the next. */
function row(count: number): { nodes: DiagramNode[]; edges: DiagramEdge[] } {
  const nodes = Array.from({ length: count }, (_, i): DiagramNode => ({ id: `s${i}`, kind: 'service', name: `s${i}`, position: { x: i * 400, y: 0 } }));
  const edges = nodes.slice(1).map((node, i): DiagramEdge => ({ id: `e${i}`, source: nodes[i].id, target: node.id }));
  return { nodes, edges };
}

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);
const NOTHING = new Set<string>();

describe('DiagramIndex', () => {
  it('finds the nodes in a box, in the diagram order', () => {
    const { nodes, edges } = row(10);
    const index = new DiagramIndex();
    index.sync(nodes, edges);
    expect(ids(index.nodesIn({ minX: 750, minY: 0, maxX: 1250, maxY: 10 }))).toEqual(['s2', 's3']);
    expect(index.bounds()).toEqual({ minX: 0, minY: 0, maxX: 3780, maxY: 52 });
  });

  it('follows a drag by re-indexing only what moved, edges included', () => {
    const { nodes, edges } = row(10);
    const index = new DiagramIndex();
    index.sync(nodes, edges);
    const moved = applyEdit({ version: CURRENT_VERSION, project: { name: 'p', framework: 'fastapi', tasks: 'celery', layout: 'auto' }, nodes, edges }, {
      type: 'move-nodes',
      positions: new Map([['s0', { x: 5000, y: 3000 }]]),
    });
    index.sync(moved.nodes, moved.edges);
    const far = { minX: 4900, minY: 2900, maxX: 5100, maxY: 3100 };
    expect(ids(index.nodesIn(far))).toEqual(['s0']);
    expect(ids(index.nodesIn({ minX: -10, minY: -10, maxX: 100, maxY: 100 }))).toEqual([]);
    // The edge s0 → s1 now spans from s1 to the moved s0.
    expect(ids(index.edgesIn(far))).toEqual(['e0']);
  });

  it('starts afresh when nodes are added or removed', () => {
    const { nodes, edges } = row(3);
    const index = new DiagramIndex();
    index.sync(nodes, edges);
    const added: DiagramNode = { id: 'x', kind: 'model', name: 'x', position: { x: 9000, y: 0 } };
    index.sync([...nodes, added], edges);
    expect(ids(index.nodesIn({ minX: 8990, minY: 0, maxX: 9010, maxY: 10 }))).toEqual(['x']);
    index.sync(nodes.slice(1), edges.slice(1));
    expect(index.node('s0')).toBeUndefined();
  });
});

describe('cull', () => {
  it('gives the nodes in the window, both ends of every edge that may cross it, and the selection', () => {
    const { nodes, edges } = row(20);
    const index = new DiagramIndex();
    index.sync(nodes, edges);
    const culled = cull(index, { minX: 1600, minY: 0, maxX: 2000, maxY: 60 }, new Set(['s19']));
    // s4 and s5 are inside; s3 and s6 are the far ends of edges that cross the window; s19 is selected.
    expect(ids(culled.nodes).sort()).toEqual(['s19', 's3', 's4', 's5', 's6'].sort());
    expect(ids(culled.edges)).toEqual(['e3', 'e4', 'e5']);
  });

  it('leaves edges that only pass through the window, both ends outside, to the plain layer', () => {
    const nodes: DiagramNode[] = [
      { id: 'a', kind: 'service', name: 'a', position: { x: 0, y: 0 } },
      { id: 'b', kind: 'repository', name: 'b', position: { x: 5000, y: 0 } },
    ];
    const index = new DiagramIndex();
    index.sync(nodes, [{ id: 'e', source: 'a', target: 'b' }]);
    const culled = cull(index, { minX: 2000, minY: -100, maxX: 3000, maxY: 100 }, NOTHING);
    expect(culled).toEqual({ nodes: [], edges: [], passing: [{ id: 'e', source: 'a', target: 'b' }] });
  });

  it('gives nothing for an empty diagram', () => {
    const index = new DiagramIndex();
    index.sync([], []);
    expect(cull(index, { minX: 0, minY: 0, maxX: 100, maxY: 100 }, NOTHING)).toEqual({ nodes: [], edges: [], passing: [] });
  });
});

describe('afterMove', () => {
  const window = { minX: 1600, minY: 0, maxX: 2000, maxY: 60 };
  const moveTo = (nodes: readonly DiagramNode[], id: string, x: number) => nodes.map((node) => (node.id === id ? { ...node, position: { x, y: 0 } } : node));

  it('swaps a node that moved inside the window into the cull, edge lists untouched', () => {
    const { nodes, edges } = row(20);
    const index = new DiagramIndex();
    index.sync(nodes, edges);
    const before = cull(index, window, NOTHING);
    const moved = moveTo(nodes, 's4', 1650);
    index.sync(moved, edges);
    const after = afterMove(before, index.movedBetween(nodes, moved)!, window, index)!;
    expect(after.edges).toBe(before.edges);
    expect(after.passing).toBe(before.passing);
    expect(after.nodes.find((node) => node.id === 's4')!.position.x).toBe(1650);
    // The same as culling afresh.
    expect(after).toEqual(cull(index, window, NOTHING));
  });

  it('gives up when a node leaves or enters the window, or was not in the cull', () => {
    const { nodes, edges } = row(20);
    const index = new DiagramIndex();
    index.sync(nodes, edges);
    const before = cull(index, window, NOTHING);
    for (const [id, x] of [['s4', 5000], ['s10', 1700], ['s3', 1700]] as const) {
      const moved = moveTo(nodes, id, x);
      index.sync(moved, edges);
      expect(afterMove(before, index.movedBetween(nodes, moved)!, window, index)).toBeUndefined();
      index.sync(nodes, edges);
    }
  });

  it('is told what moved only for the index’s last step', () => {
    const { nodes, edges } = row(5);
    const index = new DiagramIndex();
    index.sync(nodes, edges);
    const moved = moveTo(nodes, 's1', 900);
    index.sync(moved, edges);
    expect(index.movedBetween(nodes, moved)!.map((node) => node.id)).toEqual(['s1']);
    index.sync([...moved].reverse(), edges);
    expect(index.movedBetween(nodes, moved)).toBeUndefined();
  });
});

describe('cullWindow', () => {
  it('covers the view and half a view around it', () => {
    const box = cullWindow([-1000, -500, 1], 800, 600);
    expect(box.minX).toBeLessThanOrEqual(1000 - 400);
    expect(box.maxX).toBeGreaterThanOrEqual(1800 + 200);
    expect(box.minY).toBeLessThanOrEqual(500 - 300);
    expect(box.maxY).toBeGreaterThanOrEqual(1100 + 200);
  });

  it('stays the same for small pans, so React Flow is not handed a new set every frame', () => {
    const start = cullWindow([-1000, -500, 1], 800, 600);
    expect(cullWindow([-1010, -505, 1], 800, 600)).toEqual(start);
    expect(cullWindow([-1000 - 800, -500, 1], 800, 600)).not.toEqual(start);
  });

  it('is on a grid of half a view, which doubles when the zoom halves', () => {
    expect(windowStep(1, 800, 600)).toBe(512);
    expect(windowStep(0.5, 800, 600)).toBe(1024);
    const box = cullWindow([-1000, -500, 1], 800, 600);
    expect([box.minX, box.minY, box.maxX, box.maxY].every((edge) => edge % 512 === 0)).toBe(true);
  });

  it('takes everything before the pane has a size', () => {
    expect(cullWindow([0, 0, 1], 0, 0)).toEqual({ minX: -Infinity, minY: -Infinity, maxX: Infinity, maxY: Infinity });
  });
});

describe('admit', () => {
  const { nodes, edges } = row(10);
  const wanted = { nodes, edges, passing: [] };
  const budget = { nodes: 4, edges: 2 };

  it('hands over a portion at a time, edges only once both ends are there', () => {
    const first = admit({ nodes: [], edges: [], passing: [] }, wanted, NOTHING, budget);
    expect(ids(first.nodes)).toEqual(['s0', 's1', 's2', 's3']);
    expect(ids(first.edges)).toEqual(['e0', 'e1']);
    const second = admit(first, wanted, NOTHING, budget);
    expect(ids(second.nodes)).toEqual(['s0', 's1', 's2', 's3', 's4', 's5', 's6', 's7']);
    expect(ids(second.edges)).toEqual(['e0', 'e1', 'e2', 'e3']);
    let last = second;
    for (let i = 0; i < 5; i++) last = admit(last, wanted, NOTHING, budget);
    expect(last).toEqual(wanted);
  });

  it('hands over the selection at once, and drops what is no longer wanted', () => {
    const first = admit({ nodes: [], edges: [], passing: [] }, wanted, new Set(['s9']), budget);
    expect(ids(first.nodes)).toEqual(['s0', 's1', 's2', 's3', 's9']);
    const fewer = { nodes: nodes.slice(2, 4), edges: edges.slice(2, 3), passing: [] };
    expect(admit(first, fewer, NOTHING, budget)).toEqual(fewer);
  });
});
