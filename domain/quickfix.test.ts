import { describe, expect, it } from 'vitest';
import type { Diagram } from './diagram';
import { applyEdit } from './edits';
import { dependencyWarnings, neighboursFeature, quickFixFor } from './quickfix';
import { validate } from './rules';
import { SAMPLE_DIAGRAM } from './sample';

const withEdge = (source: string, target: string): Diagram => ({ ...SAMPLE_DIAGRAM, edges: [...SAMPLE_DIAGRAM.edges, { id: 'x', source, target }] });

describe('quickFixFor', () => {
  it('reverses an upward dependency, which clears its findings', () => {
    const diagram = withEdge('p1', 's1');
    const finding = validate(diagram).find((f) => f.rule === 'layer-direction')!;
    const fix = quickFixFor(diagram, finding)!;
    expect(fix.label).toBe('Reverse: order_service depends on order_repository');
    const fixed = applyEdit(diagram, fix.edit);
    expect(validate(fixed).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('inserts a service between a router and the repository it reaches past, in one edit', () => {
    const diagram = withEdge('r1', 'p1');
    const finding = validate(diagram).find((f) => f.rule === 'skip-layer')!;
    const fix = quickFixFor(diagram, finding)!;
    expect(fix.label).toBe('Insert service order_service_2 between orders and order_repository');
    const fixed = applyEdit(diagram, fix.edit);
    const service = fixed.nodes.find((node) => node.name === 'order_service_2')!;
    expect(fixed.edges.some((edge) => edge.source === 'r1' && edge.target === 'p1')).toBe(false);
    expect(fixed.edges.filter((edge) => edge.source === 'r1' && edge.target === service.id)).toHaveLength(1);
    expect(fixed.edges.filter((edge) => edge.source === service.id && edge.target === 'p1')).toHaveLength(1);
    expect(validate(fixed)).toEqual([]);
  });

  it('offers nothing where it has no sure repair', () => {
    expect(quickFixFor(SAMPLE_DIAGRAM, { rule: 'orphan', edges: [] })).toBeUndefined();
  });
});

describe('neighboursFeature', () => {
  it('names the feature all of a node’s neighbours share, and nothing once it is in it', () => {
    const diagram: Diagram = { ...SAMPLE_DIAGRAM, nodes: SAMPLE_DIAGRAM.nodes.map((node) => (['r1', 'p1', 'w1'].includes(node.id) ? { ...node, feature: 'orders' } : node)) };
    expect(neighboursFeature(diagram, 's1')).toBe('orders');
    const moved = applyEdit(diagram, { type: 'update-node', id: 's1', changes: { feature: 'orders' } });
    expect(neighboursFeature(moved, 's1')).toBeUndefined();
    expect(neighboursFeature(SAMPLE_DIAGRAM, 's1')).toBeUndefined();
  });
});

describe('dependencyWarnings', () => {
  it('marks each target that would break a rule, with the rule, agreeing with the rules', () => {
    const warnings = dependencyWarnings(SAMPLE_DIAGRAM, 'p1');
    expect(warnings.get('s1')).toEqual({ severity: 'error', rule: 'layer-direction' });
    expect(warnings.get('m1')).toBeUndefined();
    const router = dependencyWarnings(SAMPLE_DIAGRAM, 'r1');
    expect(router.get('p1')).toEqual({ severity: 'warning', rule: 'skip-layer' });
    expect(router.get('d1')).toEqual({ severity: 'error', rule: 'infra-access' });
    const model = dependencyWarnings(withEdge('m1', 'm1'), 's1');
    expect(model.get('r1')?.severity).toBe('error');
    for (const [target, warning] of dependencyWarnings(SAMPLE_DIAGRAM, 's1')) {
      const rules = validate(withEdge('s1', target)).map((f) => f.rule);
      expect(rules, target).toContain(warning.rule);
    }
  });
});
