import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENGINES, KINDS, TASK_FRAMEWORKS, emptyDiagram, type Diagram, type DiagramEdge, type DiagramNode } from '../diagram';
import { nameProblem, pythonForm } from '../names';
import { createValidator, pairVerdict, validate } from './index';
import { buildNames } from './name-table';

const NAMES = ['order', 'Order Service', 'order_service', 'class', '1st', '', '!!', '_x_', 'import', 'Ünïcode', 'a  b', 'match'];

const node = (ids: readonly string[]) =>
  fc.record({
    id: fc.constantFrom(...ids),
    kind: fc.constantFrom(...KINDS),
    name: fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 8 })),
    feature: fc.option(fc.constantFrom('users', 'orders'), { nil: undefined }),
    engine: fc.option(fc.constantFrom(...ENGINES.broker, ...ENGINES.database), { nil: undefined }),
  });

/** Random diagrams: repeated ids and names, dangling edges, duplicates and self-edges all happen. */
const diagrams = fc
  .tuple(fc.integer({ min: 0, max: 14 }), fc.constantFrom(...TASK_FRAMEWORKS))
  .chain(([size, tasks]) => {
    const ids = Array.from({ length: size }, (_, i) => `n${i}`);
    const ends = [...ids, 'ghost'];
    return fc.record({
      tasks: fc.constant(tasks),
      nodes: fc.array(node(ids.length > 0 ? ids : ['n0']), { maxLength: size }).map((nodes) => uniqueIds(nodes)),
      edges: fc.array(fc.tuple(fc.constantFrom(...ends), fc.constantFrom(...ends)), { maxLength: size * 2 }),
    });
  })
  .map(({ tasks, nodes, edges }) => toDiagram(tasks, nodes, edges));

function uniqueIds<T extends { id: string }>(nodes: T[]): T[] {
  return nodes.map((item, i) => ({ ...item, id: `n${i}` }));
}

function toDiagram(tasks: Diagram['project']['tasks'], nodes: Omit<DiagramNode, 'position'>[], edges: [string, string][]): Diagram {
  return {
    ...emptyDiagram({ tasks }),
    nodes: nodes.map((item) => ({ ...item, position: { x: 0, y: 0 } }) as DiagramNode),
    edges: edges.map(([source, target], i): DiagramEdge => ({ id: `e${i}`, source, target })),
  };
}

const STRUCTURAL = new Set(['layer-direction', 'infra-access', 'infra-has-dependency', 'cycle']);

describe('validate on random diagrams', () => {
  it('never throws, and gives findings of known shape', () => {
    fc.assert(
      fc.property(diagrams, (d) => {
        for (const finding of validate(d)) {
          expect(typeof finding.message).toBe('string');
          expect(finding.fix.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never throws with repeated node ids', () => {
    fc.assert(
      fc.property(diagrams, (d) => {
        const doubled = { ...d, nodes: [...d.nodes, ...d.nodes] };
        expect(() => validate(doubled)).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });

  it('keeps only allowed, acyclic edges free of structural findings', () => {
    fc.assert(
      fc.property(diagrams, (d) => {
        // Edges only to later nodes (no cycle) and only where the matrix allows them.
        const index = new Map(d.nodes.map((item, i) => [item.id, i]));
        const edges = d.edges.filter((edge) => {
          const source = index.get(edge.source);
          const target = index.get(edge.target);
          if (source === undefined || target === undefined || source >= target) return false;
          return pairVerdict(d.nodes[source]!.kind, d.nodes[target]!.kind).severity !== 'error';
        });
        const findings = validate({ ...d, edges });
        expect(findings.filter((finding) => STRUCTURAL.has(finding.rule))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  // Cycles are reported once per strongly connected group (rules.md), and removing an edge can
  // split a group in two: the count may grow, but no cycle is new. Each cycle reported after the
  // removal (its nodes in order) runs along edges of the diagram before it, and of the one after.
  it('never gains a cycle when an edge is removed', () => {
    fc.assert(
      fc.property(diagrams, fc.nat(), (d, pick) => {
        fc.pre(d.edges.length > 0);
        const removed = pick % d.edges.length;
        const smaller = { ...d, edges: d.edges.filter((_, i) => i !== removed) };
        for (const finding of validate(smaller).filter((f) => f.rule === 'cycle')) {
          const steps = finding.nodes.map((id, i) => [id, finding.nodes[(i + 1) % finding.nodes.length]!] as const);
          expect(steps.every(([from, to]) => hasEdge(smaller, from, to))).toBe(true);
          expect(steps.every(([from, to]) => hasEdge(d, from, to))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('computes names as pythonForm and nameProblem do', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 10 }))), (names) => {
        const nodes = names.map((name, i): DiagramNode => ({ id: `n${i}`, kind: 'model', name, position: { x: 0, y: 0 } }));
        const table = buildNames(nodes);
        expect(table.forms).toEqual(names.map(pythonForm));
        expect(table.problems).toEqual(names.map(nameProblem));
      }),
    );
  });
});

type Edit = (d: Diagram) => Diagram;

/** The canvas's edits, each keeping unchanged nodes and edges as the same objects. */
const edits: fc.Arbitrary<Edit> = fc.oneof(
  fc.nat().map((at): Edit => (d) => mapNode(d, at, (item) => ({ ...item, position: { x: item.position.x + 1, y: 0 } }))),
  fc.tuple(fc.nat(), fc.constantFrom(...NAMES)).map(([at, name]): Edit => (d) => mapNode(d, at, (item) => ({ ...item, name }))),
  fc.tuple(fc.nat(), fc.constantFrom(...KINDS)).map(([at, kind]): Edit => (d) => mapNode(d, at, (item) => ({ ...item, kind }))),
  fc.tuple(fc.nat(), fc.constantFrom('users', undefined)).map(([at, feature]): Edit => (d) => mapNode(d, at, (item) => ({ ...item, feature }))),
  fc.tuple(fc.nat(), fc.nat(), fc.boolean()).map(([a, b, dangling]): Edit => (d) => {
    const ids = d.nodes.map((item) => item.id);
    if (ids.length === 0) return d;
    const target = dangling ? 'ghost' : ids[b % ids.length]!;
    return { ...d, edges: [...d.edges, { id: `x${d.edges.length}-${a}`, source: ids[a % ids.length]!, target }] };
  }),
  fc.nat().map((at): Edit => (d) => (d.edges.length === 0 ? d : { ...d, edges: d.edges.filter((_, i) => i !== at % d.edges.length) })),
  fc.nat().map((at): Edit => (d) => ({ ...d, nodes: d.nodes.filter((_, i) => i !== at % Math.max(1, d.nodes.length)) })),
  fc.nat().map((at): Edit => (d) => ({ ...d, nodes: [...d.nodes, { id: `new${at}`, kind: KINDS[at % KINDS.length]!, name: `new ${at}`, position: { x: 0, y: 0 } }] })),
  fc.constantFrom(...TASK_FRAMEWORKS).map((tasks): Edit => (d) => ({ ...d, project: { ...d.project, tasks } })),
  fc.constant<Edit>((d) => d),
);

function mapNode(d: Diagram, at: number, change: (item: DiagramNode) => DiagramNode): Diagram {
  if (d.nodes.length === 0) return d;
  const index = at % d.nodes.length;
  return { ...d, nodes: d.nodes.map((item, i) => (i === index ? change(item) : item)) };
}

describe('createValidator', () => {
  it('returns exactly what validate returns after any sequence of edits', () => {
    fc.assert(
      fc.property(diagrams, fc.array(edits, { maxLength: 25 }), (start, sequence) => {
        const validator = createValidator();
        let d = start;
        expect(validator.validate(d)).toEqual(validate(d));
        for (const edit of sequence) {
          d = edit(d);
          expect(validator.validate(d)).toEqual(validate(d));
        }
      }),
      { numRuns: 400 },
    );
  });
});

function hasEdge(diagram: Diagram, source: string, target: string): boolean {
  return diagram.edges.some((edge) => edge.source === source && edge.target === target);
}
