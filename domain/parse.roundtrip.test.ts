/** Random valid diagrams, unknown keys included, survive a save and a reopen byte for byte. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from './diagram';
import { parseDiagram } from './parse';
import { serializeDiagram } from './serialize';
import { validDiagram } from './testing/arbitraries';

describe('parseDiagram on valid diagrams', () => {
  it('keeps unknown keys named like Object.prototype members (regression: `in` dropped them on save)', () => {
    const names = ['valueOf', 'toString', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'];
    const extra = Object.fromEntries(names.map((name, i) => [name, i]));
    const file = serializeDiagram({
      version: CURRENT_VERSION,
      project: { name: 'p', framework: 'fastapi', tasks: 'none', layout: 'flat', extra },
      nodes: [{ id: 'n', kind: 'model', name: 'm', position: { x: 0, y: 0, extra }, fields: [{ name: 'f', type: 'int', extra }], extra }],
      edges: [{ id: 'e', source: 'n', target: 'n', extra }],
      extra,
    });
    const result = parseDiagram(file);
    expect(result.ok && serializeDiagram(result.diagram)).toBe(file);
    expect(JSON.parse(file)).toMatchObject({ ...extra, project: extra, edges: [extra], nodes: [{ ...extra, position: extra }] });
  });

  it('reads back every saved diagram losslessly, unknown keys included, and saves it to the same bytes', () => {
    fc.assert(
      fc.property(validDiagram(true, 'large'), (d) => {
        const saved = serializeDiagram(d);
        const result = parseDiagram(saved);
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        expect(result.diagram).toEqual(d);
        expect(serializeDiagram(result.diagram)).toBe(saved);
      }),
      { numRuns: 2000 },
    );
  });
});
