import { describe, expect, it } from 'vitest';
import { emptyDiagram, type Diagram, type DiagramNode, type Kind, type TaskFramework } from '../diagram';
import { RULES, RULE_IDS, edgeVerdict, validate, type RuleId } from './index';

type NodeSpec = [id: string, kind: Kind, name?: string, extra?: Partial<DiagramNode>];

/** A diagram from `[id, kind, name?]` nodes and `"a>b"` edges (ids e1, e2, … in order). */
function diagram(nodes: NodeSpec[], edges: string[] = [], tasks: TaskFramework = 'celery'): Diagram {
  return {
    ...emptyDiagram({ tasks }),
    nodes: nodes.map(([id, kind, name, extra]) => ({ id, kind, name: name ?? `${kind}_${id}`, position: { x: 0, y: 0 }, ...extra })),
    edges: edges.map((pair, i) => {
      const [source, target] = pair.split('>');
      return { id: `e${i + 1}`, source: source!, target: target! };
    }),
  };
}

function rules(d: Diagram, only?: RuleId): RuleId[] {
  return validate(d)
    .map((finding) => finding.rule)
    .filter((rule) => only === undefined || rule === only);
}

/** A clean three-layer slice to add one problem to. */
const SLICE: NodeSpec[] = [
  ['r', 'router'],
  ['s', 'service'],
  ['p', 'repository'],
  ['m', 'model'],
  ['d', 'database'],
];
const SLICE_EDGES = ['r>s', 's>p', 'p>m', 'p>d'];

describe('the catalogue', () => {
  it('lists every rule with a severity, a title and an explanation', () => {
    expect(RULE_IDS).toHaveLength(18);
    for (const id of RULE_IDS) {
      expect(RULES[id].title.length).toBeGreaterThan(0);
      expect(RULES[id].explanation.length).toBeGreaterThan(20);
    }
  });

  it('finds nothing in a clean slice', () => {
    expect(validate(diagram(SLICE, SLICE_EDGES))).toEqual([]);
  });
});

describe('edge rules', () => {
  it('reports an upward dependency with names, kinds and a fix', () => {
    const [finding] = validate(diagram([...SLICE, ['s2', 'service', 'order_service']], [...SLICE_EDGES, 'p>s2', 's2>m']));
    expect(finding).toEqual({
      rule: 'layer-direction',
      severity: 'error',
      nodes: ['p', 's2'],
      edges: ['e5'],
      message: 'repository "repository_p" depends on service "order_service", a higher layer',
      fix: expect.stringContaining('reverse the edge'),
    });
  });

  it('reports infra-access, infra-has-dependency and skip-layer', () => {
    const d = diagram([...SLICE, ['x', 'external']], [...SLICE_EDGES, 's>d', 'd>m', 'r>p', 's>x']);
    expect(rules(d)).toEqual(['infra-access', 'infra-has-dependency', 'skip-layer']);
    expect(validate(d)[2]!.fix).toBe('route the call through a service');
  });

  it('warns about duplicate edges once per extra edge, and counts only the first', () => {
    const d = diagram(SLICE, [...SLICE_EDGES, 's>p', 's>p']);
    expect(validate(d).map((f) => [f.rule, f.edges[0]])).toEqual([
      ['duplicate-edge', 'e5'],
      ['duplicate-edge', 'e6'],
    ]);
    const upward = diagram(SLICE, [...SLICE_EDGES, 'p>s', 'p>s']);
    expect(rules(upward)).toEqual(['layer-direction', 'duplicate-edge', 'cycle']);
  });

  it('reports dangling edges and ignores them otherwise', () => {
    const d = diagram(SLICE, [...SLICE_EDGES, 'p>ghost', 'ghost>s', 'ghost>ghost']);
    const findings = validate(d);
    expect(findings.map((f) => f.rule)).toEqual(['dangling-edge', 'dangling-edge', 'dangling-edge']);
    expect(findings[0]!.nodes).toEqual(['p']);
    expect(findings[2]!.nodes).toEqual([]);
    expect(rules(diagram([['s', 'service']], ['s>ghost']))).toEqual(['dangling-edge', 'orphan']);
  });
});

describe('cycle', () => {
  it('reports each strongly connected group once, listing a cycle in order', () => {
    const d = diagram(
      [['a', 'service'], ['b', 'service'], ['c', 'service'], ['x', 'service'], ['y', 'service']],
      ['a>b', 'b>c', 'c>a', 'b>a', 'x>y', 'y>x'],
    );
    const cycles = validate(d).filter((f) => f.rule === 'cycle');
    expect(cycles.map((f) => f.nodes)).toEqual([['a', 'b'], ['x', 'y']]);
    expect(cycles[0]!.edges).toEqual(['e1', 'e4']);
    expect(cycles[0]!.message).toContain('3 components are tangled');
  });

  it('counts a self-edge', () => {
    expect(rules(diagram([['a', 'service']], ['a>a']))).toEqual(['cycle']);
  });

  it('does not fire on a diamond', () => {
    expect(rules(diagram([['a', 'service'], ['b', 'service'], ['c', 'service'], ['d', 'service']], ['a>b', 'a>c', 'b>d', 'c>d']), 'cycle')).toEqual([]);
  });

  it('handles a 5,000-node chain without overflowing the stack', () => {
    const nodes: NodeSpec[] = Array.from({ length: 5000 }, (_, i) => [`n${i}`, 'model']);
    const edges = nodes.map((_, i) => `n${i}>n${(i + 1) % nodes.length}`);
    const [cycle] = validate(diagram(nodes, edges));
    expect(cycle!.rule).toBe('cycle');
    expect(cycle!.nodes).toHaveLength(5000);
    expect(cycle!.message).toContain('4992 more');
  });
});

describe('names', () => {
  it('reports names that are not Python identifiers', () => {
    const d = diagram([['a', 'model', 'class'], ['b', 'model', '1st order'], ['c', 'model', '!!!'], ['d', 'model', 'Order Item']]);
    const findings = validate(d);
    expect(findings.map((f) => f.nodes[0])).toEqual(['a', 'b', 'c']);
    expect(findings[0]!.message).toBe('model "class" becomes "class", which is a Python keyword');
  });

  it('reports one duplicate-name per group of the same kind and feature', () => {
    const d = diagram([
      ['a', 'service', 'Order Service'],
      ['b', 'service', 'order_service'],
      ['c', 'service', 'order-service'],
      ['d', 'repository', 'order_service'],
      ['e', 'service', 'order_service', { feature: 'billing' }],
    ], ['a>b', 'b>c', 'c>d', 'e>d']);
    const duplicates = validate(d).filter((f) => f.rule === 'duplicate-name');
    expect(duplicates.map((f) => f.nodes)).toEqual([['a', 'b', 'c']]);
    expect(duplicates[0]!.message).toContain('would all become "order_service"');
  });

  it('does not call two empty names duplicates', () => {
    expect(rules(diagram([['a', 'model', '!!'], ['b', 'model', '??']]))).toEqual(['invalid-name', 'invalid-name']);
  });
});

describe('node rules', () => {
  it('worker-without-broker fires for workers and schedulers without a broker edge', () => {
    const d = diagram([['w', 'worker'], ['t', 'scheduler'], ['s', 'service'], ['b', 'broker']], ['w>s', 't>w']);
    expect(rules(d, 'worker-without-broker')).toEqual(['worker-without-broker', 'worker-without-broker']);
    const fixed = diagram([['w', 'worker'], ['t', 'scheduler'], ['b', 'broker']], ['w>b', 't>b']);
    expect(rules(fixed)).toEqual([]);
  });

  it('broker-unsupported follows the task framework', () => {
    const nodes: NodeSpec[] = [['w', 'worker'], ['b', 'broker', 'mq', { engine: 'rabbitmq' }]];
    expect(rules(diagram(nodes, ['w>b'], 'rq'))).toEqual(['broker-unsupported']);
    expect(rules(diagram(nodes, ['w>b'], 'celery'))).toEqual([]);
    expect(rules(diagram(nodes, ['w>b'], 'dramatiq'))).toEqual([]);
    expect(rules(diagram(nodes, ['w>b'], 'none'))).toEqual([]);
    expect(rules(diagram([['w', 'worker'], ['b', 'broker']], ['w>b'], 'rq'))).toEqual([]);
  });

  it('repository-without-database needs a path only with two or more databases', () => {
    const nodes: NodeSpec[] = [['p', 'repository'], ['q', 'repository'], ['m', 'model'], ['d', 'database'], ['d2', 'database']];
    expect(rules(diagram(nodes, ['p>m', 'q>m', 'p>d']))).toEqual(['repository-without-database']);
    expect(rules(diagram(nodes, ['p>m', 'q>m', 'p>d', 'q>p']))).toEqual([]);
    expect(rules(diagram(nodes.slice(0, 4), ['p>m', 'q>m']))).toEqual([]);
  });

  it('repository-without-model warns about a repository with no model edge', () => {
    expect(rules(diagram([['p', 'repository'], ['d', 'database']], ['p>d']))).toEqual(['repository-without-model']);
  });

  it('orphan warns only about unconnected routers, services, repositories and workers', () => {
    const d = diagram([['r', 'router'], ['s', 'service'], ['p', 'repository'], ['w', 'worker'], ['m', 'model'], ['c', 'cache']]);
    expect(validate(d).filter((f) => f.rule === 'orphan').map((f) => f.nodes[0])).toEqual(['r', 's', 'p', 'w']);
  });

  it('god-service fires above 7 outgoing edges', () => {
    const models: NodeSpec[] = Array.from({ length: 8 }, (_, i) => [`m${i}`, 'model']);
    const eight = diagram([['s', 'service'], ...models], models.map(([id]) => `s>${id}`));
    expect(rules(eight)).toEqual(['god-service']);
    const seven = diagram([['s', 'service'], ...models], models.slice(1).map(([id]) => `s>${id}`));
    expect(rules(seven)).toEqual([]);
  });

  it('fat-router fires above 5 edges to services and repositories together', () => {
    const services: NodeSpec[] = Array.from({ length: 4 }, (_, i) => [`s${i}`, 'service']);
    const repositories: NodeSpec[] = [['p0', 'repository', 'p0', {}], ['p1', 'repository', 'p1', {}]];
    const nodes: NodeSpec[] = [['r', 'router'], ['m', 'model'], ...services, ...repositories];
    const edges = [...services, ...repositories].map(([id]) => `r>${id}`);
    const findings = validate(diagram(nodes, [...edges, 'r>m', 'p0>m', 'p1>m'])).map((f) => f.rule);
    expect(findings.filter((rule) => rule === 'fat-router')).toHaveLength(1);
    expect(rules(diagram(nodes, [...edges.slice(1), 'r>m', 'p0>m', 'p1>m']), 'fat-router')).toEqual([]);
  });
});

describe('finding order', () => {
  it('lists edge findings in edge order, then whole-graph rules in fixed order', () => {
    const d = diagram([['s', 'service', 'class'], ['w', 'worker'], ['p', 'repository']], ['p>s', 's>p', 'w>p']);
    expect(rules(d)).toEqual(['layer-direction', 'skip-layer', 'cycle', 'invalid-name', 'worker-without-broker', 'repository-without-model']);
  });
});

describe('edgeVerdict', () => {
  const d = diagram(SLICE, SLICE_EDGES);

  it('allows allowed pairs', () => {
    const verdict = edgeVerdict(d, 's', 'm');
    expect(verdict.allowed).toBe(true);
    expect(verdict.severity).toBeUndefined();
    expect(verdict.message).toBe('service "service_s" may depend on model "model_m"');
  });

  it('refuses matrix errors with the rule id', () => {
    expect(edgeVerdict(d, 'r', 'd')).toMatchObject({ allowed: false, severity: 'error', rule: 'infra-access' });
  });

  it('warns about skip-layer and duplicates', () => {
    expect(edgeVerdict(d, 'r', 'p')).toMatchObject({ allowed: true, severity: 'warning', rule: 'skip-layer' });
    expect(edgeVerdict(d, 's', 'p')).toMatchObject({ allowed: true, severity: 'warning', rule: 'duplicate-edge' });
  });

  it('refuses an edge that would close a cycle', () => {
    const services = diagram([['a', 'service'], ['b', 'service'], ['c', 'service']], ['a>b', 'b>c']);
    expect(edgeVerdict(services, 'c', 'a')).toMatchObject({ allowed: false, rule: 'cycle' });
    expect(edgeVerdict(services, 'a', 'a')).toMatchObject({ allowed: false, rule: 'cycle' });
    expect(edgeVerdict(services, 'a', 'c')).toMatchObject({ allowed: true });
  });
});

describe('unsafe-name', () => {
  it('reports a project, node or feature name the export cannot carry, the project first, with the cleaned name as the fix', () => {
    const base = diagram([['r', 'router'], ['s', 'service']], ['r>s']);
    const hostile: Diagram = {
      ...base,
      project: { ...base.project, name: 'shop\nDATABASE_URL=evil' },
      nodes: [{ ...base.nodes[0]!, name: 'orders\u007f' }, { ...base.nodes[1]!, feature: 'billing\ud800' }],
    };
    const findings = validate(hostile).filter((f) => f.rule === 'unsafe-name');
    expect(findings.map((f) => [f.nodes, f.severity, f.fix])).toEqual([
      [[], 'error', 'rename it to "shop DATABASE_URL=evil"'],
      [['r'], 'error', 'rename it to "orders"'],
      [['s'], 'error', 'rename it to "billing"'],
    ]);
    expect(findings[0]!.message).toBe('the project name "shop\\nDATABASE_URL=evil" holds control characters, line breaks or unpaired surrogates, which the export cannot carry');
    expect(validate(base).some((f) => f.rule === 'unsafe-name')).toBe(false);
  });
});
