import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../domain/edits';
import { SAMPLE_DIAGRAM } from '../../domain/sample';
import { findingsOf, validatedDiagram } from './findings';

describe('findingsOf', () => {
  const [first] = SAMPLE_DIAGRAM.nodes;
  const moved = applyEdit(SAMPLE_DIAGRAM, { type: 'move-nodes', positions: new Map([[first.id, { x: 999, y: 999 }]]) });

  it('keeps the findings, and the diagram they were worked out for, while only positions change', () => {
    const index = findingsOf(SAMPLE_DIAGRAM);
    expect(findingsOf(moved)).toBe(index);
    expect(validatedDiagram(moved)).toBe(SAMPLE_DIAGRAM);
  });

  it('validates again when anything but a position changes', () => {
    const renamed = applyEdit(moved, { type: 'update-node', id: first.id, changes: { name: 'renamed' } });
    findingsOf(moved);
    expect(validatedDiagram(renamed)).toBe(renamed);
  });
});
