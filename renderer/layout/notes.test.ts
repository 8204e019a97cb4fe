import { describe, expect, test } from 'vitest';
import type { Diagram, DiagramNode, DiagramNote } from '../../domain/diagram';
import { notesClearOf } from './notes';

const node = (id: string, x: number, y: number) => ({ id, kind: 'service', name: id, position: { x, y } }) as DiagramNode;
const note = (id: string, x: number, y: number): DiagramNote => ({ id, style: 'sticky', text: id, position: { x, y } });
const size = (_id: string, isNote: boolean) => (isNote ? { width: 160, height: 60 } : { width: 180, height: 52 });

function diagram(notes: DiagramNote[]): Diagram {
  return {
    format: 'strata',
    version: 1,
    project: { name: 'p', framework: 'fastapi', tasks: 'none', layout: 'flat' },
    nodes: [node('a', 0, 0), node('b', 600, 0)],
    edges: [],
    notes,
  } as unknown as Diagram;
}

describe('notes after Auto-layout', () => {
  test('a note the new layout puts nodes under moves right of the diagram; a note clear of them stays', () => {
    const positions = new Map([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 0, y: 200 }],
    ]);
    // "over" lay in empty space until b moved under it; "aside" is clear of both new places.
    const moved = notesClearOf(diagram([note('over', 10, 210), note('aside', 500, 500)]), positions, size);
    expect([...moved.keys()]).toEqual(['over']);
    expect(moved.get('over')!.x).toBeGreaterThan(180);
    expect(moved.get('over')!.x).toBeGreaterThan(500 + 160);
  });

  test('moved notes keep their top-to-bottom order, stacked without overlapping', () => {
    const positions = new Map([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 0, y: 100 }],
    ]);
    const moved = notesClearOf(diagram([note('lower', 20, 120), note('upper', 20, 10)]), positions, size);
    const [upper, lower] = [moved.get('upper')!, moved.get('lower')!];
    expect(upper.x).toBe(lower.x);
    expect(lower.y).toBeGreaterThanOrEqual(upper.y + 60);
  });

  test('no notes, or none in the way: nothing moves', () => {
    const positions = new Map([['a', { x: 0, y: 0 }]]);
    expect(notesClearOf(diagram([]), positions, size).size).toBe(0);
    expect(notesClearOf(diagram([note('far', 2000, 2000)]), positions, size).size).toBe(0);
  });
});
