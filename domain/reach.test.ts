import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, type Diagram, type Kind } from './diagram';
import { modelsReachedBy } from './reach';

function diagram(nodes: Array<[string, Kind]>, edges: Array<[string, string]>): Diagram {
  return {
    version: CURRENT_VERSION,
    project: { name: 'x', framework: 'fastapi', tasks: 'celery', layout: 'auto' },
    nodes: nodes.map(([id, kind]) => ({ id, kind, name: id, position: { x: 0, y: 0 } })),
    edges: edges.map(([source, target], i) => ({ id: `e${i}`, source, target })),
  };
}

describe('modelsReachedBy', () => {
  it('walks services and repositories to models, in edge order, each once', () => {
    const d = diagram(
      [['r', 'router'], ['s', 'service'], ['t', 'service'], ['p', 'repository'], ['q', 'repository'], ['a', 'model'], ['b', 'model'], ['c', 'model'], ['w', 'worker']],
      [['r', 's'], ['s', 'p'], ['p', 'a'], ['s', 't'], ['t', 'q'], ['q', 'b'], ['q', 'a'], ['r', 'c'], ['r', 'w'], ['a', 'b']],
    );
    expect(modelsReachedBy(d, 'r').map((n) => n.id)).toEqual(['a', 'b', 'c']);
  });

  it('does not walk through models, workers or cycles', () => {
    const d = diagram([['r', 'router'], ['s', 'service'], ['m', 'model'], ['n', 'model'], ['w', 'worker']], [['r', 's'], ['s', 'r'], ['r', 'm'], ['m', 'n'], ['r', 'w'], ['w', 's']]);
    expect(modelsReachedBy(d, 'r').map((n) => n.id)).toEqual(['m']);
  });
});
