/** An arrow's words carried into the code, as a comment on the import that wires the dependency. */
import { describe, expect, it } from 'vitest';
import type { Diagram, Framework } from '../diagram';
import { SAMPLE_DIAGRAM } from '../sample';
import { generate, type Files } from './index';

function files(diagram: Diagram, framework: Framework): Files {
  const result = generate(diagram, { framework, layout: 'layered' });
  if (!result.ok) throw new Error(result.error.message);
  return result.files;
}

// e5: the orders router enqueues the notifications worker's task.
const LABELLED: Diagram = { ...SAMPLE_DIAGRAM, edges: SAMPLE_DIAGRAM.edges.map((edge) => (edge.id === 'e5' ? { ...edge, label: 'enqueues\nthe order' } : edge)) };

describe.each(['fastapi', 'flask', 'django'] as const)('%s', (framework) => {
  const plain = files(SAMPLE_DIAGRAM, framework);
  const labelled = files(LABELLED, framework);

  it('puts the words above the import that wires the arrow, on one line', () => {
    const [path, text] = [...labelled].find(([, text]) => text.includes('# orders -> notifications: enqueues the order'))!;
    expect(path).toMatch(/orders\.py$/);
    expect(text).toMatch(/# orders -> notifications: enqueues the order\nfrom shop\.tasks\.notifications import /);
  });

  it('changes no other file but the README, whose graph labels the arrow too', () => {
    const changed = [...labelled].filter(([path, text]) => plain.get(path) !== text && !path.endsWith('/README.md')).map(([path]) => path);
    expect(changed).toHaveLength(1);
  });
});
