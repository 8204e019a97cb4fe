import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyDiagram, KINDS, type Diagram, type DiagramNode, type Kind } from './diagram';
import { escapeLabel, mermaidIds, toMermaid } from './mermaid';
import { SAMPLE_DIAGRAM } from './sample';

function node(id: string, kind: Kind, name: string, feature?: string): DiagramNode {
  return { id, kind, name, position: { x: 0, y: 0 }, ...(feature && { feature }) };
}

function diagramOf(nodes: DiagramNode[], edges: [string, string][] = []): Diagram {
  return { ...emptyDiagram(), nodes, edges: edges.map(([source, target], i) => ({ id: `e${i}`, source, target })) };
}

describe('toMermaid', () => {
  it('writes a small diagram as a top-to-bottom flowchart with shapes, edges and layer classes', () => {
    const diagram = diagramOf(
      [node('r1', 'router', 'orders'), node('s1', 'service', 'order_service'), node('d1', 'database', 'db')],
      [
        ['r1', 's1'],
        ['s1', 'd1'],
      ],
    );
    expect(toMermaid(diagram)).toBe(
      [
        'flowchart TB',
        '  n_r1(["orders<br/>router"])',
        '  n_s1["order_service<br/>service"]',
        '  n_d1[("db<br/>database")]',
        '  n_r1 --> n_s1',
        '  n_s1 --> n_d1',
        '  classDef interface fill:#ecebfb,stroke:#5b5bd6,color:#1c2330',
        '  class n_r1 interface',
        '  classDef application fill:#e3f0fb,stroke:#1c7ed6,color:#1c2330',
        '  class n_s1 application',
        '  classDef infrastructure fill:#efe9f6,stroke:#7048a8,color:#1c2330',
        '  class n_d1 infrastructure',
        '',
      ].join('\n'),
    );
  });

  it('gives each kind its own shape', () => {
    const text = toMermaid(diagramOf(KINDS.map((kind, i) => node(`k${i}`, kind, kind))));
    const lines = text.split('\n').slice(1, KINDS.length + 1);
    const shapes = lines.map((line) => line.replace(/^ {2}n_k\d+/, '').replace(/"[^"]*"/, ''));
    expect(new Set(shapes).size).toBe(KINDS.length);
    expect(text).toContain('n_k6[("database<br/>database")]');
    expect(text).toContain('n_k7[["broker<br/>broker"]]');
    expect(text).toContain('n_k9(("external<br/>external"))');
  });

  it('puts each feature in its own subgraph and the rest outside', () => {
    const text = toMermaid(
      diagramOf([node('r1', 'router', 'orders', 'orders'), node('d1', 'database', 'db'), node('s1', 'service', 'order_service', 'orders'), node('s2', 'service', 'billing', 'billing')]),
    );
    expect(text).toContain(
      ['  n_d1[("db<br/>database")]', '  subgraph feature_1["orders"]', '    n_r1(["orders<br/>router"])', '    n_s1["order_service<br/>service"]', '  end', '  subgraph feature_2["billing"]', '    n_s2["billing<br/>service"]', '  end'].join('\n'),
    );
  });

  it('draws every node and every edge of the sample', () => {
    const text = toMermaid(SAMPLE_DIAGRAM);
    for (const n of SAMPLE_DIAGRAM.nodes) expect(text).toContain(`n_${n.id}`);
    for (const n of SAMPLE_DIAGRAM.nodes) expect(text).toContain(`"${n.name}<br/>${n.kind}"`);
    for (const e of SAMPLE_DIAGRAM.edges) expect(text).toContain(`  n_${e.source} --> n_${e.target}\n`);
  });

  it('leaves out edges whose ends are missing rather than inventing nodes', () => {
    const text = toMermaid(diagramOf([node('r1', 'router', 'orders')], [['r1', 'ghost']]));
    expect(text).not.toContain('-->');
    expect(text).not.toContain('ghost');
  });

  it('writes an empty diagram as an empty flowchart', () => {
    expect(toMermaid(emptyDiagram())).toBe('flowchart TB\n');
  });
});

describe('Mermaid-safe ids and labels', () => {
  it('cleans ids, keeps keywords out and keeps them unique', () => {
    const ids = mermaidIds([node('end', 'service', 'a'), node('a-b', 'service', 'b'), node('a b', 'service', 'c'), node('a_b', 'service', 'd')]);
    expect([...ids.values()]).toEqual(['n_end', 'n_a_b', 'n_a_b_2', 'n_a_b_3']);
  });

  it('escapes quotes, markup and entity starts, and folds line breaks', () => {
    expect(escapeLabel('say "hi" <b>&</b> #1 `x`\nnext')).toBe('say #34;hi#34; #60;b#62;#38;#60;/b#62; #35;1 #96;x#96; next');
  });

  it('never lets a name break out of its label, whatever the file says', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 8 }), (pairs) => {
        const nodes = pairs.map(([id, name], i) => node(`${id}${i}`, KINDS[i % KINDS.length]!, name));
        const lines = toMermaid(diagramOf(nodes)).split('\n');
        const defined = lines.filter((line) => /^ {2}n_\w+\W/.test(line));
        expect(defined).toHaveLength(nodes.length);
        for (const line of defined) expect(line.match(/"/g)).toHaveLength(2);
        for (const line of lines) expect(line.replaceAll('<br/>', '')).not.toMatch(/[<>]/);
      }),
    );
  });
});

describe('toMermaid with the meeting’s words', () => {
  it('puts the title in front matter, labels on arrows and notes as cards', () => {
    const diagram = {
      ...SAMPLE_DIAGRAM,
      title: 'Checkout: "v2"',
      edges: SAMPLE_DIAGRAM.edges.map((edge) => (edge.id === 'e5' ? { ...edge, label: 'enqueues <jobs>' } : edge)),
      notes: [{ id: 'n1', style: 'sticky' as const, text: '**Why** a queue:\n- spikes', position: { x: 0, y: 0 } }],
    };
    const text = toMermaid(diagram);
    expect(text.startsWith('---\ntitle: "Checkout: \\"v2\\""\n---\nflowchart TB\n')).toBe(true);
    expect(text).toContain('  n_r1 -->|"enqueues #60;jobs#62;"| n_w1');
    expect(text).toContain('  t_1["Why a queue:<br/>• spikes"]');
    expect(text).toContain('  class t_1 note');
  });
});
