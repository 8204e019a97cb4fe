import { describe, expect, test } from 'vitest';
import { emptyDiagram, type DiagramEdge, type DiagramNode } from '../../domain/diagram';
import { useStore } from '../store/store';
import { startRouting, useRoutes } from './routes';

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
});
