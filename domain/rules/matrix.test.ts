import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS, isInfrastructure, type Kind } from '../diagram';
import { pairVerdict } from './matrix';

const SPEC = readFileSync(join(import.meta.dirname, '../fixtures/spec/rules.md'), 'utf8');

/** The "Allowed edges" table of rules.md, one cell text per (source, target). */
function specCells(): Map<string, string> {
  const from = SPEC.indexOf('## Allowed edges');
  const section = SPEC.slice(from, SPEC.indexOf('\n## ', from + 1));
  const rows = section.split('\n').filter((line) => line.startsWith('|'));
  const header = rows[0]!.split('|').slice(2, -1).map((cell) => cell.trim());
  const cells = new Map<string, string>();
  for (const row of rows.slice(2)) {
    const [from, ...rest] = row.split('|').slice(1, -1).map((cell) => cell.trim());
    const sources = from === 'infrastructure' ? KINDS.filter(isInfrastructure) : [from as Kind];
    for (const source of sources) rest.forEach((cell, i) => cells.set(`${source}>${header[i]}`, cell));
  }
  return cells;
}

/** The rule each `E` cell reports, worked out by hand from the list under the table. */
const ERROR_RULES: Readonly<Record<string, string>> = {
  'router>router': 'layer-direction',
  'router>scheduler': 'layer-direction',
  'router>database': 'infra-access',
  'router>broker': 'infra-access',
  'router>external': 'infra-access',
  'worker>router': 'layer-direction',
  'worker>scheduler': 'layer-direction',
  'worker>database': 'infra-access',
  'worker>external': 'infra-access',
  'scheduler>router': 'layer-direction',
  'scheduler>scheduler': 'layer-direction',
  'scheduler>service': 'layer-direction',
  'scheduler>repository': 'layer-direction',
  'scheduler>model': 'layer-direction',
  'scheduler>database': 'infra-access',
  'scheduler>cache': 'layer-direction',
  'scheduler>external': 'infra-access',
  'service>router': 'layer-direction',
  'service>scheduler': 'layer-direction',
  'service>database': 'infra-access',
  'service>broker': 'infra-access',
  'repository>router': 'layer-direction',
  'repository>worker': 'layer-direction',
  'repository>scheduler': 'layer-direction',
  'repository>service': 'layer-direction',
  'repository>broker': 'infra-access',
  'repository>external': 'infra-access',
  'model>router': 'layer-direction',
  'model>worker': 'layer-direction',
  'model>scheduler': 'layer-direction',
  'model>service': 'layer-direction',
  'model>repository': 'layer-direction',
  'model>database': 'infra-access',
  'model>broker': 'infra-access',
  'model>cache': 'layer-direction',
  'model>external': 'infra-access',
};

describe('the allowed-edge matrix', () => {
  const cells = specCells();

  it('reads all 100 cells from rules.md', () => {
    expect(cells.size).toBe(100);
  });

  for (const source of KINDS) {
    for (const target of KINDS) {
      const key = `${source}>${target}`;
      it(`${source} -> ${target}`, () => {
        const cell = cells.get(key);
        const verdict = pairVerdict(source, target);
        if (cell === 'ok') {
          expect(verdict.rule).toBeUndefined();
        } else if (cell === 'W skip-layer') {
          expect(verdict).toEqual({ rule: 'skip-layer', severity: 'warning' });
        } else {
          expect(cell).toBe('E');
          const rule = isInfrastructure(source) ? 'infra-has-dependency' : ERROR_RULES[key];
          expect(verdict).toEqual({ rule, severity: 'error' });
        }
      });
    }
  }
});
