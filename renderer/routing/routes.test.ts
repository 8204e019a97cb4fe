import { describe, expect, test, vi } from 'vitest';
import { emptyDiagram, type DiagramEdge, type DiagramNode } from '../../domain/diagram';
import { layOutWithRoutes } from '../../domain/layout/routed';
import { useStore } from '../store/store';
import type * as Search from '../../domain/routing/search';
import { applyWithRoutes, startRouting, useRoutes } from './routes';

/** Counts the path searches, the cost of routing an edge. */
const searches = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../domain/routing/search', async (original) => {
  const actual = await original<typeof Search>();
  return { ...actual, findPath: (...args: Parameters<typeof actual.findPath>) => (searches.count++, actual.findPath(...args)) };
});

/** Every node whose fields were looked at, to tell which nodes a step of work visited. */
const read = new Set<string>();
function watched(node: DiagramNode): DiagramNode {
  return new Proxy(node, {
    get(object, key) {
      read.add(object.id);
      return Reflect.get(object, key);
    },
  });
}

/** Counts every walk over the drawn routes (iteration of the Map in any form). */
let walks = 0;
function countWalks(map: Map<string, unknown>): void {
  for (const name of ['keys', 'values', 'entries', 'forEach', Symbol.iterator] as const) {
    const original = Map.prototype[name] as (...args: unknown[]) => unknown;
    Object.defineProperty(map, name, {
      value(...args: unknown[]) {
        walks++;
        return original.apply(this, args);
      },
    });
  }
}

const COLUMNS = 10;
function grid(count: number): { nodes: DiagramNode[]; edges: DiagramEdge[] } {
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  for (let i = 0; i < count; i++) {
    nodes.push(watched({ id: `n${i}`, kind: 'service', name: `S${i}`, position: { x: (i % COLUMNS) * 300, y: Math.floor(i / COLUMNS) * 200 } }));
    if (i >= COLUMNS) edges.push({ id: `e${i}`, source: `n${i - COLUMNS}`, target: `n${i}` });
  }
  return { nodes, edges };
}

const settled = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('routes follow a drag by the moved nodes only', () => {
  test('a drag frame visits the moved node and its neighbours, and the answer walks only its routes', async () => {
    const { nodes, edges } = grid(60);
    useStore.setState({ diagram: { ...emptyDiagram(), nodes, edges } });
    startRouting();
    await settled();
    const drawn = useRoutes.getState().routes as Map<string, unknown>;
    expect(drawn.size).toBe(edges.length);
    countWalks(drawn);

    const at = 25;
    const { position, ...rest } = nodes[at];
    const moved: DiagramNode = { ...rest, position: { x: position.x + 40, y: position.y + 10 } };
    const next = nodes.slice();
    next[at] = moved;
    read.clear();
    useStore.setState({ diagram: { ...useStore.getState().diagram, nodes: next } });
    // The frame itself (before any answer): the moved node's old object (where it stood) and the
    // other ends of its edges (to draw those edges) were looked into, no other node; no walk over all routes.
    expect([...read].sort()).toEqual([`n${at - COLUMNS}`, `n${at}`, `n${at + COLUMNS}`]);
    expect(walks).toBe(0);
    const ofMoved = [`e${at}`, `e${at + COLUMNS}`];
    for (const id of ofMoved) expect(useRoutes.getState().routes.get(id)?.final).toBe(false);

    await settled();
    expect(walks).toBe(0);
    for (const id of ofMoved) expect(useRoutes.getState().routes.get(id)?.final).toBe(true);
    expect([...Map.prototype.values.call(drawn)].every((route) => (route as { final: boolean }).final)).toBe(true);
  });

  test('after Auto-layout, the routing starts from the layout\'s routes and searches no edge again', async () => {
    const { nodes, edges } = grid(40);
    useStore.setState({ diagram: { ...emptyDiagram(), nodes, edges } });
    await settled();
    const layout = layOutWithRoutes(useStore.getState().diagram);
    searches.count = 0;
    applyWithRoutes(layout, () => useStore.getState().edit({ type: 'move-nodes', positions: layout.positions }));
    await settled();
    expect(searches.count).toBe(0);
    for (const edge of edges) {
      const drawn = useRoutes.getState().routes.get(edge.id);
      expect(drawn?.final).toBe(true);
      expect(drawn?.points).toEqual(layout.routes.get(edge.id));
    }
  });
});
