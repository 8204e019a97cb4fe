/**
 * fast-check generator of diagrams as people draw them: nodes in rows by layer (interface at the
 * top, infrastructure at the bottom), each nudged off the grid a little, edges mostly down one
 * or more layers, some within a row and a few the wrong way up; about as many edges as nodes.
 */
import fc from 'fast-check';
import { CURRENT_VERSION, KIND_INFO, KINDS, LAYERS, type Diagram, type DiagramEdge, type DiagramNode, type Kind } from '../diagram';

/** Grid of the rows: room for a 180 px node plus a gap, as on the examples. */
const COLUMN = 240;
const ROW = 150;

export function layeredDiagram(options: { minNodes?: number; maxNodes?: number } = {}): fc.Arbitrary<Diagram> {
  const { minNodes = 5, maxNodes = 40 } = options;
  const node = fc.record({
    kind: fc.constantFrom<Kind>(...KINDS),
    jitterX: fc.integer({ min: -20, max: 20 }),
    jitterY: fc.integer({ min: -14, max: 14 }),
  });
  return fc
    .array(node, { minLength: minNodes, maxLength: maxNodes })
    .chain((specs) => {
      const nodes = placeInRows(specs);
      const pair = fc.tuple(fc.nat(nodes.length - 1), fc.nat(nodes.length - 1));
      return fc.tuple(fc.constant(nodes), fc.uniqueArray(pair, { maxLength: Math.round(nodes.length * 1.3), selector: ([a, b]) => `${a}>${b}` }));
    })
    .map(([nodes, pairs]) => {
      // Mostly down the layers, as dependencies are drawn; one in eight stays as drawn, wrong way or not.
      const edges: DiagramEdge[] = pairs
        .filter(([a, b]) => a !== b)
        .map(([a, b], i) => {
          const [from, to] = i % 8 === 7 || nodes[a].position.y <= nodes[b].position.y ? [a, b] : [b, a];
          return { id: `e${i}`, source: nodes[from].id, target: nodes[to].id };
        });
      return { version: CURRENT_VERSION, project: { name: 'generated', framework: 'fastapi', tasks: 'celery', layout: 'auto' }, nodes, edges };
    });
}

function placeInRows(specs: readonly { kind: Kind; jitterX: number; jitterY: number }[]): DiagramNode[] {
  const inRow = LAYERS.map(() => 0);
  return specs.map((spec, i) => {
    const row = LAYERS.indexOf(KIND_INFO[spec.kind].layer);
    const column = inRow[row]++;
    return {
      id: `n${i}`,
      kind: spec.kind,
      name: `${spec.kind}_${i}`,
      position: { x: column * COLUMN + spec.jitterX, y: row * ROW + spec.jitterY },
    };
  });
}
