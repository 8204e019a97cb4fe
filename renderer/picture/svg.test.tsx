import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../domain/diagram';
import { labelPoint, pathOf, routeAll } from '../../domain/routing';
import { SAMPLE_DIAGRAM } from '../../domain/sample';
import { legendWordWidth, pictureSvg, type Palette } from './svg';

const PALETTE: Palette = {
  canvas: '#fbfbfc',
  panel: '#ffffff',
  border: '#dde1e7',
  text: '#1c2330',
  muted: '#5d6878',
  edge: '#6b7689',
  error: '#d6336c',
  warning: '#e67700',
  accent: '#3b5bdb',
  note: '#fff3bf',
  noteBorder: '#f2d46b',
  noteText: '#3d3214',
  layers: { interface: '#5b5bd6', application: '#1c7ed6', data: '#0c8599', domain: '#2b8a3e', infrastructure: '#7048a8' },
};

describe('pictureSvg', () => {
  const routes = routeAll(SAMPLE_DIAGRAM.nodes, SAMPLE_DIAGRAM.edges);
  const upward = new Map([['e7', 'error' as const]]);
  const picture = pictureSvg({ diagram: SAMPLE_DIAGRAM, routes, nodeFindings: new Map(), edgeFindings: upward, palette: PALETTE, scale: 2 });

  it('is plain SVG: shapes, paths and text, no HTML, small', () => {
    expect(picture.svg).not.toMatch(/foreignObject|xhtml|<div|<span/);
    expect(picture.svg.length).toBeLessThan(100_000);
    expect(picture.svg).toContain(`width="${picture.width * 2}" height="${picture.height * 2}" viewBox="0 0 ${picture.width} ${picture.height}"`);
  });

  it('draws each edge along its route, in the error look where a rule objects, and names the project and the layers', () => {
    for (const edge of SAMPLE_DIAGRAM.edges) expect(picture.svg).toContain(`data-id="${edge.id}" d="${pathOf(routes.get(edge.id)!)}"`);
    expect(picture.svg).toMatch(/data-id="e7" d="[^"]+" fill="none" stroke="#d6336c"[^>]*marker-end="url\(#arrow-error\)"/);
    expect(picture.svg).toContain('>shop</text>');
    for (const layer of LAYERS) expect(picture.svg).toContain(`>${layer}</text>`);
    for (const node of SAMPLE_DIAGRAM.nodes) expect(picture.svg).toContain(`>${node.name}</text>`);
  });

  it('spaces the layer legend by its words, with an even gap after each, not in fixed slots', () => {
    const legend = /<g class="legend"[^]*?<\/g>/.exec(picture.svg)![0];
    const xs = [...legend.matchAll(/<rect x="(\d+)"/g)].map((match) => Number(match[1]));
    expect(xs).toHaveLength(LAYERS.length);
    const steps = xs.slice(1).map((x, i) => x - xs[i]!);
    // Each step is the swatch, the word and one same gap: longer words, longer steps.
    for (let i = 0; i < steps.length; i++) expect(steps[i]! - legendWordWidth(LAYERS[i]!)).toBeCloseTo(32, -0.5);
  });

  it('renders in resvg, a renderer that is no browser, at its size and not blank', () => {
    const rendered = new Resvg(picture.svg, { font: { loadSystemFonts: true } }).render();
    expect([rendered.width, rendered.height]).toEqual([picture.width * 2, picture.height * 2]);
    const pixels = rendered.pixels;
    let inked = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 200) inked++;
    expect(inked / (pixels.length / 4)).toBeGreaterThan(0.01);
  });
});

describe('pictureSvg with the meeting’s words', () => {
  const diagram = {
    ...SAMPLE_DIAGRAM,
    title: 'Checkout & flow',
    edges: SAMPLE_DIAGRAM.edges.map((edge) => (edge.id === 'e5' ? { ...edge, label: 'enqueues' } : edge)),
    notes: [
      { id: 'n1', style: 'sticky' as const, text: '**Why** a queue:\n- spikes at noon\n- see https://example.org', position: { x: 700, y: 0 } },
      { id: 'n2', style: 'text' as const, text: 'Payments are out of scope', position: { x: -300, y: 600 } },
    ],
  };
  const routes = routeAll(diagram.nodes, diagram.edges);
  const picture = pictureSvg({ diagram, routes, nodeFindings: new Map(), edgeFindings: new Map(), palette: PALETTE, scale: 1 });

  it('shows the title, the notes with bold and bullets, and the arrow label, as plain SVG', () => {
    expect(picture.svg).toContain('<title>Checkout &amp; flow</title>');
    expect(picture.svg).toContain('<tspan font-weight="700">Why</tspan>');
    expect(picture.svg).toContain('• ');
    expect(picture.svg).toContain('fill="#fff3bf"');
    expect(picture.svg).toContain('Payments ');
    expect(picture.svg).toMatch(/<g class="edge-label">.*>enqueues<\/text><\/g>/);
    expect(picture.svg).not.toMatch(/foreignObject|<div|<a /);
  });

  it('takes the notes into its bounds', () => {
    const plain = pictureSvg({ diagram: SAMPLE_DIAGRAM, routes: routeAll(SAMPLE_DIAGRAM.nodes, SAMPLE_DIAGRAM.edges), nodeFindings: new Map(), edgeFindings: new Map(), palette: PALETTE, scale: 1 });
    expect(picture.width).toBeGreaterThan(plain.width + 200);
    expect(() => new Resvg(picture.svg).render()).not.toThrow();
  });
});

describe('pictureSvg with an arrow drawn upwards', () => {
  // The broker stands above the worker that uses it: no rule objects, but the picture reads the wrong way.
  const diagram = { ...SAMPLE_DIAGRAM, nodes: SAMPLE_DIAGRAM.nodes.map((node) => (node.id === 'b1' ? { ...node, position: { x: 440, y: -200 } } : node)) };
  const routes = routeAll(diagram.nodes, diagram.edges);
  const picture = pictureSvg({ diagram, routes, nodeFindings: new Map(), edgeFindings: new Map(), palette: PALETTE, scale: 2 });

  it('draws it in the error look, with a badge on its route, as the canvas does', () => {
    expect(picture.svg).toMatch(/data-id="e6" d="[^"]+" fill="none" stroke="#d6336c" stroke-width="2" marker-end="url\(#arrow-error\)"/);
    expect(picture.svg).toMatch(/data-id="e5" d="[^"]+" fill="none" stroke="#6b7689"/);
    const point = labelPoint(routes.get('e6')!);
    expect(picture.svg).toContain(`<circle cx="${point.x}" cy="${point.y}" r="9" fill="#d6336c"/>`);
  });

  it('is red where resvg draws its line', () => {
    const rendered = new Resvg(picture.svg).render();
    const [dx, dy] = picture.svg.match(/<g transform="translate\(([-\d.]+) ([-\d.]+)\)">/)!.slice(1).map(Number);
    const colourAt = (x: number, y: number) => {
      const at = (Math.round((y + dy) * 2) * rendered.width + Math.round((x + dx) * 2)) * 4;
      return [...rendered.pixels.subarray(at, at + 3)];
    };
    // A quarter of the way along the route's longest run: on the line, away from its badge and arrowhead.
    const quarter = (route: readonly { x: number; y: number }[]) => {
      const runs = route.slice(1).map((point, i) => [route[i], point] as const);
      const [a, b] = runs.reduce((best, run) => (length(run) > length(best) ? run : best));
      return { x: a.x + (b.x - a.x) / 4, y: a.y + (b.y - a.y) / 4 };
    };
    const upward = quarter(routes.get('e6')!);
    const plain = quarter(routes.get('e5')!);
    expect(near(colourAt(upward.x, upward.y), [0xd6, 0x33, 0x6c])).toBe(true);
    expect(near(colourAt(plain.x, plain.y), [0x6b, 0x76, 0x89])).toBe(true);
  });
});

function length([a, b]: readonly [{ x: number; y: number }, { x: number; y: number }]): number {
  return Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
}

function near(colour: number[], expected: number[]): boolean {
  return colour.every((value, i) => Math.abs(value - expected[i]) <= 24);
}
