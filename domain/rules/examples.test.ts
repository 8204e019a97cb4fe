import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDiagram } from '../parse';
import { createValidator, validate } from './index';

/** Copies of the spec's worked examples (shared/spec/examples), kept in the repository. */
const DIR = join(import.meta.dirname, '../fixtures/spec');
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
