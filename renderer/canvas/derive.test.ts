import { describe, expect, test } from 'vitest';
import type { DiagramEdge } from '../../domain/diagram';
import type { FindingIndex } from '../store/findings';
import { flowEdges } from './derive';

const NO_FINDINGS: FindingIndex = { findings: [], nodes: new Map(), edges: new Map() };
const colourOf = (edge: ReturnType<typeof flowEdges>[number]) => (edge.markerEnd as { color: string }).color;

describe('arrowheads', () => {
  test('a selected arrow has its head in the accent colour, as its line is; unselected, the plain edge colour', () => {
    const edges: DiagramEdge[] = [
      { id: 'a', source: 'x', target: 'y' },
      { id: 'b', source: 'y', target: 'z' },
    ];
    const [selected, plain] = flowEdges(edges, { nodes: new Set(), edges: new Set(['a']) }, NO_FINDINGS);
    expect(colourOf(selected!)).toBe('var(--accent)');
    expect(colourOf(plain!)).toBe('var(--edge)');
    // Deselected again: the cached flow edge is not reused with the old head.
    expect(colourOf(flowEdges(edges, { nodes: new Set(), edges: new Set() }, NO_FINDINGS)[0]!)).toBe('var(--edge)');
  });
});
