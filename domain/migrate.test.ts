import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from './diagram';
import { migrate, migrateWith, MIGRATIONS, type MigrationStep, type RawDiagram } from './migrate';
import { parseDiagram, type ParseResult } from './parse';
import { serializeDiagram } from './serialize';

const fixtures = new URL('./fixtures/', import.meta.url);

function errorsOf(result: ParseResult) {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}

/** Deeply frozen, so that a step that changes its argument throws. */
function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(frozen);
    Object.freeze(value);
  }
  return value;
}

/**
 * A test-only history: v1 kept nodes under `components`, each named by a `label`; v2 renamed
 * `label` to `name`; v3 moved them to `nodes`.
 */
const steps: readonly MigrationStep[] = [
  (raw) => ({
    ...raw,
    version: 2,
    components: (raw.components as { label: string }[]).map(({ label, ...node }) => ({ ...node, name: label })),
  }),
  ({ components, ...raw }) => ({ ...raw, version: 3, nodes: components }),
];
const version1 = frozen({ format: 'strata', version: 1, components: [{ id: 'r1', label: 'orders' }] });
const version2 = frozen({ format: 'strata', version: 2, components: [{ id: 'r1', name: 'orders' }] });
const version3 = frozen({ format: 'strata', version: 3, nodes: [{ id: 'r1', name: 'orders' }] });

describe('migrateWith', () => {
  it('upgrades a version-1 file one step at a time, in order', () => {
    const seen: RawDiagram[] = [];
    const watched = steps.map((step): MigrationStep => (raw) => (seen.push(raw), step(raw)));
    expect(migrateWith(watched, version1, 1)).toEqual(version3);
    expect(seen).toEqual([version1, version2]);
  });

  it('starts at the file’s own version', () => {
    expect(migrateWith(steps, version2, 2)).toEqual(version3);
  });

  it('returns a current file as it is', () => {
    expect(migrateWith(steps, version3, 3)).toBe(version3);
    expect(migrateWith([], version1, 1)).toBe(version1);
  });
});

describe('the real migrations', () => {
  it('has one step per version before the current one', () => {
    expect(MIGRATIONS).toHaveLength(CURRENT_VERSION - 1);
  });

  it('leaves a current file alone', () => {
    const raw = frozen({ format: 'strata', version: CURRENT_VERSION });
    expect(migrate(raw, CURRENT_VERSION)).toBe(raw);
  });
});

describe('versions through parseDiagram', () => {
  const file = (version: unknown) => JSON.stringify({ format: 'strata', version, nodes: [], edges: [] });

  it('refuses a newer version, naming both versions', () => {
    for (const newer of [CURRENT_VERSION + 1, 99]) {
      const [error, ...rest] = errorsOf(parseDiagram(file(newer)));
      expect(rest).toEqual([]);
      expect(error!.path).toBe('$.version');
      expect(error!.message).toContain(`format version ${newer}`);
      expect(error!.message).toContain(`versions up to ${CURRENT_VERSION}`);
    }
  });

  it('refuses versions that are not whole numbers of 1 or more', () => {
    for (const bad of [0, -1, 1.5, '1', null, undefined]) {
      expect(errorsOf(parseDiagram(file(bad)))[0], String(bad)).toEqual({
        path: '$.version',
        message: 'must be a whole number of 1 or more',
      });
    }
  });
});

describe('fixtures', () => {
  it('opens a version-1 file and saves it as the current version, byte for byte', () => {
    const text = readFileSync(new URL('version-1.strata', fixtures), 'utf8');
    const result = parseDiagram(text);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.diagram.version).toBe(CURRENT_VERSION);
    expect(result.diagram.nodes).toHaveLength(7);
    expect(result.diagram.extra).toEqual({ comment: expect.stringContaining('format version 1') });
    const saved = serializeDiagram(result.diagram);
    expect(JSON.parse(saved)).toMatchObject({ format: 'strata', version: CURRENT_VERSION });
    // While the current version is 1, re-saving changes nothing at all.
    if (CURRENT_VERSION === 1) expect(saved).toBe(text);
    expect(parseDiagram(saved)).toEqual(result);
  });
});
