/** The meeting's words in the export: labelled arrows and notes in the README; notes never in the code. */
import { describe, expect, it } from 'vitest';
import type { Diagram } from '../diagram';
import { SAMPLE_DIAGRAM } from '../sample';
import { generate, type Files } from './index';

function files(diagram: Diagram): Files {
  const result = generate(diagram);
  if (!result.ok) throw new Error(result.error.message);
  return result.files;
}

const DRESSED: Diagram = {
  ...SAMPLE_DIAGRAM,
  title: 'Checkout',
  edges: SAMPLE_DIAGRAM.edges.map((edge) => (edge.id === 'e5' ? { ...edge, label: 'enqueues' } : edge)),
  notes: [
    { id: 'n1', style: 'sticky', text: '**Why** a queue:\n- spikes at noon\n- see [retries](https://example.org/retry)', position: { x: 0, y: 0 } },
    { id: 'n2', style: 'text', text: '# not a heading <script>alert(1)</script>', position: { x: 0, y: 0 } },
  ],
};

describe('the exported README', () => {
  const readme = [...files(DRESSED)].find(([path]) => path.endsWith('/README.md'))![1];

  it('labels the arrow in its architecture graph', () => {
    expect(readme).toMatch(/router_orders -->\|"enqueues"\| worker_notifications/);
  });

  it('carries the notes under the architecture, with their bold, lists and links, and nothing more', () => {
    const notes = readme.slice(readme.indexOf('### Notes on the diagram'));
    expect(notes).toContain('**Why** a queue:');
    expect(notes).toContain('- spikes at noon');
    expect(notes).toContain('- see [retries](<https://example.org/retry>)');
    expect(notes).toContain('\\# not a heading \\<script\\>alert(1)\\</script\\>');
    expect(notes).not.toMatch(/^# /m);
  });

  it('keeps the notes out of every other file: the code is the same as without them', () => {
    const plain = files(SAMPLE_DIAGRAM);
    for (const [path, text] of files({ ...SAMPLE_DIAGRAM, notes: DRESSED.notes })) {
      if (path.endsWith('/README.md')) continue;
      expect(text, path).toBe(plain.get(path));
    }
  });
});
