import { describe, expect, it } from 'vitest';
import { selectionFor, uniqueFindings } from './reveal';

describe('selectionFor', () => {
  it('selects only the edge of an edge finding, not its ends', () => {
    const selection = selectionFor({ nodes: ['a', 'b'], edges: ['e1'] });
    expect([...selection.nodes]).toEqual([]);
    expect([...selection.edges]).toEqual(['e1']);
  });

  it('selects the nodes of a finding about nodes', () => {
    const selection = selectionFor({ nodes: ['a', 'b'], edges: [] });
    expect([...selection.nodes]).toEqual(['a', 'b']);
    expect([...selection.edges]).toEqual([]);
  });
});

describe('uniqueFindings', () => {
  it('keeps the first of findings with the same rule and message, in order', () => {
    const a = { rule: 'cycle', message: 'x' };
    const b = { rule: 'orphan', message: 'x' };
    expect(uniqueFindings([a, { ...a }, b, { ...b }])).toEqual([a, b]);
  });
});
