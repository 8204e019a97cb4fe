import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, type Diagram } from '../diagram';
import { layOutWithRoutes } from '../layout/routed';
import { parseDiagram } from '../parse';
import { layeredDiagram } from '../testing/layered';
import { routeFaults } from './check';
import { Router, boxOf, provisionalRoute, routeAll } from './router';
import { labelPoint } from './drawing';
import type { Route } from './geometry';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

function faultsOf(diagram: Diagram, routes: ReadonlyMap<string, Route>): string[] {
  const boxes = new Map(diagram.nodes.map((node) => [node.id, boxOf(node)]));
  const drawn = diagram.edges.map((edge) => ({ ...edge, points: routes.get(edge.id) ?? [] }));
  return routeFaults(boxes, drawn).map((fault) => fault.detail);
}

function attached(diagram: Diagram, routes: ReadonlyMap<string, Route>): string[] {
  const wrong: string[] = [];
  const byId = new Map(diagram.nodes.map((node) => [node.id, boxOf(node)]));
  for (const edge of diagram.edges) {
    const route = routes.get(edge.id)!;
    const onBorder = (point: { x: number; y: number }, id: string) => {
      const box = byId.get(id)!;
      const x = point.x >= box.x - 0.01 && point.x <= box.x + box.width + 0.01;
      const y = point.y >= box.y - 0.01 && point.y <= box.y + box.height + 0.01;
      const edgeX = Math.abs(point.x - box.x) < 0.01 || Math.abs(point.x - box.x - box.width) < 0.01;
      const edgeY = Math.abs(point.y - box.y) < 0.01 || Math.abs(point.y - box.y - box.height) < 0.01;
      return (edgeX && y) || (edgeY && x);
    };
    if (!onBorder(route[0], edge.source)) wrong.push(`${edge.id} leaves ${edge.source} at ${JSON.stringify(route[0])}`);
    if (!onBorder(route[route.length - 1], edge.target)) wrong.push(`${edge.id} enters ${edge.target} at ${JSON.stringify(route[route.length - 1])}`);
  }
  return wrong;
}

function isOrthogonal(route: Route): boolean {
  return route.every((point, i) => i === 0 || point.x === route[i - 1].x || point.y === route[i - 1].y);
}

/** Rows of nodes, each depending on the node below it and on the one below and to the right. */
function gridDiagram(rows: number, columns: number): Diagram {
  const kinds = ['router', 'service', 'repository', 'model', 'database'] as const;
  const id = (row: number, column: number) => `n${row}_${column}`;
  const nodes = Array.from({ length: rows * columns }, (_, i) => {
    const [row, column] = [Math.floor(i / columns), i % columns];
    return { id: id(row, column), kind: kinds[row % kinds.length], name: `node_${i}`, position: { x: column * 240, y: row * 150 } };
  });
  const edges = nodes.flatMap((node, i) => {
    const [row, column] = [Math.floor(i / columns), i % columns];
    if (row === rows - 1) return [];
    const below = [{ id: `${node.id}>down`, source: node.id, target: id(row + 1, column) }];
    return column + 1 < columns ? [...below, { id: `${node.id}>right`, source: node.id, target: id(row + 1, column + 1) }] : below;
  });
  return { version: CURRENT_VERSION, project: { name: 'grid', framework: 'fastapi', tasks: 'celery', layout: 'auto' }, nodes, edges };
}

describe('routing', () => {
  for (const file of readdirSync(EXAMPLES).filter((name) => name.endsWith('.strata'))) {
    it(`routes ${file} truthfully, as placed and after Auto-layout`, () => {
      const parsed = parseDiagram(readFileSync(join(EXAMPLES, file), 'utf8'));
      if (!parsed.ok) throw new Error(file);
      const diagram = parsed.diagram;
      const routes = routeAll(diagram.nodes, diagram.edges);
      expect(faultsOf(diagram, routes)).toEqual([]);
      expect(attached(diagram, routes)).toEqual([]);
      const laid = layOutWithRoutes(diagram);
      const moved = { ...diagram, nodes: diagram.nodes.map((node) => ({ ...node, position: laid.positions.get(node.id)! })) };
      expect(faultsOf(moved, laid.routes)).toEqual([]);
    });
  }

  it('routes generated diagrams in layer rows truthfully: ends on borders, orthogonal, clear of nodes and of each other', () => {
    fc.assert(
      fc.property(layeredDiagram(), (diagram) => {
        const routes = routeAll(diagram.nodes, diagram.edges);
        expect(faultsOf(diagram, routes)).toEqual([]);
        expect(attached(diagram, routes)).toEqual([]);
        for (const route of routes.values()) expect(isOrthogonal(route)).toBe(true);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('routes the same generated diagrams truthfully after Auto-layout', () => {
    fc.assert(
      fc.property(layeredDiagram(), (diagram) => {
        const laid = layOutWithRoutes(diagram);
        const moved = { ...diagram, nodes: diagram.nodes.map((node) => ({ ...node, position: laid.positions.get(node.id)! })) };
        expect(faultsOf(moved, laid.routes)).toEqual([]);
      }),
      { numRuns: 100, seed: 43 },
    );
  });

  it('after a move, routes again only what the move touched, and answers as routing from scratch would be right', () => {
    fc.assert(
      fc.property(layeredDiagram({ minNodes: 8 }), fc.nat(), fc.integer({ min: -200, max: 200 }), fc.integer({ min: -120, max: 120 }), (diagram, pick, dx, dy) => {
        const router = new Router();
        router.route(diagram.nodes, diagram.edges);
        const index = pick % diagram.nodes.length;
        const node = diagram.nodes[index];
        const nodes = diagram.nodes.map((other, i) => (i === index ? { ...node, position: { x: node.position.x + dx, y: node.position.y + dy } } : other));
        const overlapping = nodes.some((other, i) => i !== index && Math.abs(other.position.x - nodes[index].position.x) < 200 && Math.abs(other.position.y - nodes[index].position.y) < 76);
        fc.pre(!overlapping);
        const moved = { ...diagram, nodes };
        const routes = router.route(nodes, diagram.edges);
        expect(faultsOf(moved, routes)).toEqual([]);
        expect(attached(moved, routes)).toEqual([]);
      }),
      { numRuns: 150, seed: 44 },
    );
  });

  it('stays truthful through a drag: many small moves of one node, each routed from the last answer', () => {
    fc.assert(
      fc.property(layeredDiagram({ minNodes: 8 }), fc.nat(), fc.array(fc.tuple(fc.integer({ min: -40, max: 40 }), fc.integer({ min: -30, max: 30 })), { minLength: 3, maxLength: 8 }), (diagram, pick, steps) => {
        const router = new Router();
        router.route(diagram.nodes, diagram.edges);
        const index = pick % diagram.nodes.length;
        let nodes = diagram.nodes;
        for (const [dx, dy] of steps) {
          const node = nodes[index];
          nodes = nodes.map((other, i) => (i === index ? { ...node, position: { x: node.position.x + dx, y: node.position.y + dy } } : other));
          const overlapping = nodes.some((other, i) => i !== index && Math.abs(other.position.x - nodes[index].position.x) < 200 && Math.abs(other.position.y - nodes[index].position.y) < 76);
          if (overlapping) return;
          const routes = router.route(nodes, diagram.edges);
          expect(faultsOf({ ...diagram, nodes }, routes)).toEqual([]);
          expect(attached({ ...diagram, nodes }, routes)).toEqual([]);
        }
      }),
      { numRuns: 80, seed: 45 },
    );
  });

  it('keeps a route that nothing near a move changed: the same array as in the last answer', () => {
    const diagram = gridDiagram(5, 8);
    const router = new Router();
    const before = router.route(diagram.nodes, diagram.edges);
    const moved = diagram.nodes.map((node, i) => (i === 20 ? { ...node, position: { x: node.position.x + 7, y: node.position.y + 3 } } : node));
    const after = router.route(moved, diagram.edges);
    const kept = [...after].filter(([id, route]) => before.get(id) === route).length;
    expect(kept).toBeGreaterThan(after.size / 2);
    expect(faultsOf({ ...diagram, nodes: moved }, after)).toEqual([]);
  });

  it('routes around a node dragged onto a long route, keeping the route\'s ends', () => {
    const node = (id: string, kind: 'router' | 'service' | 'repository', x: number, y: number) => ({ id, kind, name: id, position: { x, y } });
    const nodes = [node('a', 'router', 0, 0), node('b', 'repository', 1600, 600), node('c', 'service', 800, 150)];
    const edges = [{ id: 'long', source: 'a', target: 'b' }];
    const diagram: Diagram = { version: CURRENT_VERSION, project: { name: 'mend', framework: 'fastapi', tasks: 'celery', layout: 'auto' }, nodes, edges };
    const router = new Router();
    const before = router.route(nodes, edges).get('long')!;
    // Drop the service across the middle of the route's longest run, wherever the route runs.
    const middle = labelPoint(before);
    const moved = nodes.map((other) => (other.id === 'c' ? { ...other, position: { x: middle.x - 90, y: middle.y - 26 } } : other));
    const after = router.route(moved, edges).get('long')!;
    expect(faultsOf({ ...diagram, nodes: moved }, new Map([['long', after]]))).toEqual([]);
    expect(after[0]).toEqual(before[0]);
    expect(after[after.length - 1]).toEqual(before[before.length - 1]);
  });

  it('sends a wrong-way edge out and in at the sides, around what lies between', () => {
    const diagram = parseDiagram(readFileSync(join(EXAMPLES, 'blog.strata'), 'utf8'));
    if (!diagram.ok) throw new Error('blog');
    const nodes = diagram.diagram.nodes;
    const router = nodes.find((node) => node.kind === 'router')!;
    const repository = nodes.find((node) => node.kind === 'repository')!;
    const edges = [...diagram.diagram.edges, { id: 'up', source: repository.id, target: router.id }];
    const route = routeAll(nodes, edges).get('up')!;
    const [from, to] = [boxOf(repository), boxOf(router)];
    expect([from.x, from.x + from.width]).toContain(route[0].x);
    expect([to.x, to.x + to.width]).toContain(route[route.length - 1].x);
    expect(faultsOf({ ...diagram.diagram, edges }, routeAll(nodes, edges))).toEqual([]);
  });

  it('draws a stand-in elbow from side to side while a node moves', () => {
    const route = provisionalRoute({ x: 0, y: 0, width: 180, height: 52 }, { x: 300, y: 200, width: 180, height: 52 }, false);
    expect(route).toEqual([{ x: 90, y: 52 }, { x: 90, y: 126 }, { x: 390, y: 126 }, { x: 390, y: 200 }]);
  });
});

describe('a router seeded with routes found elsewhere', () => {
  const diagram = gridDiagram(5, 6);
  const placed = diagram.nodes.map((node) => ({ id: node.id, position: node.position }));
  const found = new Router();
  const routes = found.route(placed, diagram.edges);
  // As the routes arrive from another worker: copies.
  const searched = new Map(structuredClone(found.searchedRoutes()));
  const drawn = new Map(structuredClone([...routes]));

  it('answers the same routes without searching any edge again, and follows a move as the original does', () => {
    const seeded = Router.seeded(placed, diagram.edges, searched, drawn)!;
    expect(seeded).toBeDefined();
    expect(seeded.route(placed, diagram.edges)).toEqual(routes);
    // Every searched route is the seed's own object: none was searched again.
    for (const [id, route] of seeded.searchedRoutes()) expect(route).toBe(searched.get(id));
    const moved = placed.map((node, i) => (i === 8 ? { ...node, position: { x: node.position.x + 70, y: node.position.y + 30 } } : node));
    expect(seeded.route(moved, diagram.edges)).toEqual(found.route(moved, diagram.edges));
  });

  it('is refused for other places, so the diagram is routed afresh', () => {
    const elsewhere = placed.map((node, i) => (i === 3 ? { ...node, position: { x: node.position.x + 500, y: node.position.y } } : node));
    expect(Router.seeded(elsewhere, diagram.edges, searched, drawn)).toBeUndefined();
  });
});
