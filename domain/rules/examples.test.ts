import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDiagram } from '../parse';
import { createValidator, validate } from './index';

const DIR = '/work/shared/spec/examples';
const expected = JSON.parse(readFileSync(`${DIR}/expected-findings.json`, 'utf8')) as Record<string, [string, string][]>;

describe('the worked examples of rules.md', () => {
  for (const [name, pairs] of Object.entries(expected)) {
    it(`${name}.strata gives exactly the expected findings`, () => {
      const parsed = parseDiagram(readFileSync(`${DIR}/${name}.strata`, 'utf8'));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      const findings = validate(parsed.diagram);
      const actual = findings.map((finding) => [finding.rule, finding.severity]).sort();
      expect(actual).toEqual([...pairs].sort());
      expect(createValidator().validate(parsed.diagram)).toEqual(findings);
    });
  }
});
