import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../domain/diagram';
import { pathOf, routeAll } from '../../domain/routing';
import { SAMPLE_DIAGRAM } from '../../domain/sample';
import { pictureSvg, type Palette } from './svg';

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
