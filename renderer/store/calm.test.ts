import { describe, expect, it } from 'vitest';
import type { Diagram } from '../../domain/diagram';
import { applyEdit } from '../../domain/edits';
import { SAMPLE_DIAGRAM } from '../../domain/sample';
import { calmIndex } from './calm';
import { findingsOf } from './findings';

const placed: Diagram = applyEdit(SAMPLE_DIAGRAM, {
  type: 'add-nodes',
  nodes: [
    { id: 'w9', kind: 'worker', name: 'mailer', position: { x: 0, y: 0 } },
    { id: 'p9', kind: 'repository', name: 'audit', position: { x: 0, y: 0 } },
  ],
  edges: [{ id: 'up', source: 'p9', target: 's1' }],
});

describe('calmIndex', () => {
  it('mutes only the not-connected-yet findings of the node just placed', () => {
    const index = findingsOf(placed);
    const calm = calmIndex(index, 'w9');
    expect(index.findings.filter((f) => f.nodes.includes('w9')).map((f) => f.rule).sort()).toEqual(['orphan', 'worker-without-broker']);
    expect(calm.findings.filter((f) => f.nodes.includes('w9'))).toEqual([]);
    expect(calm.nodes.has('w9')).toBe(false);
    // Real breaks elsewhere, and the other new node's, stay.
    expect(calm.findings.filter((f) => f.nodes.includes('p9')).map((f) => f.rule)).toContain('layer-direction');
  });

  it('keeps a real break on the fresh node itself', () => {
    const calm = calmIndex(findingsOf(placed), 'p9');
    expect(calm.findings.filter((f) => f.nodes.includes('p9')).map((f) => f.rule)).toContain('layer-direction');
    expect(calm.findings.some((f) => f.rule === 'repository-without-model' && f.nodes[0] === 'p9')).toBe(false);
    expect(calm.nodes.get('p9')?.severity).toBe('error');
  });

  it('changes nothing when no node is fresh', () => {
    const index = findingsOf(placed);
    expect(calmIndex(index, null)).toBe(index);
  });
});
