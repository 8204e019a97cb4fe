/**
 * The parser against hostile input: thousands of malformed files must be refused in words,
 * with a `$`-rooted path, without throwing or touching Object.prototype.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORBIDDEN_KEYS, findForbiddenKey } from './json';
import { MAX_DEPTH, MAX_NAME_LENGTH, MAX_NOTE_LENGTH, parseDiagram, type ParseError, type ParseResult } from './parse';
import { serializeDiagram } from './serialize';
import { anyId, requiredText, validDiagram } from './testing/arbitraries';

/** Hostile inputs tried in this run; the last test checks there were enough. */
let hostile = 0;
const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();

/** Parses, failing the test (with the input) if the parser throws or pollutes a prototype. */
function parse(text: string): ParseResult {
  hostile++;
  let result: ParseResult;
  try {
    result = parseDiagram(text);
  } catch (error) {
    throw new Error(`parseDiagram threw on ${JSON.stringify(text.slice(0, 200))}`, { cause: error });
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  if (!result.ok) expectExplained(result.errors);
  return result;
}

function expectExplained(errors: readonly ParseError[]): void {
  expect(errors.length).toBeGreaterThan(0);
  for (const error of errors) {
    expect(error.path).toMatch(/^\$(?:$|[.[])/);
    expect(typeof error.message === 'string' && error.message.trim().length > 0).toBe(true);
  }
}

function refused(text: string): readonly ParseError[] {
  const result = parse(text);
  if (result.ok) throw new Error(`accepted ${JSON.stringify(text.slice(0, 200))}`);
  return result.errors;
}

// ---------------------------------------------------------------- mutations of valid files

type Segment = string | number;
interface Entry {
  readonly segments: readonly Segment[];
  readonly value: unknown;
}

/** A JSON path: `[0]` for an index, `.name` for a key that reads as a name, `["any key"]` otherwise. */
function pathOf(segments: readonly Segment[]): string {
  const step = (s: Segment) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`);
  return `$${segments.map(step).join('')}`;
}

/** Every value in a JSON tree, the root included, with where it is. */
function entries(value: unknown, segments: readonly Segment[] = []): Entry[] {
  const children: [Segment, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : typeof value === 'object' && value !== null
      ? Object.entries(value)
      : [];
  return [{ segments, value }, ...children.flatMap(([key, v]) => entries(v, [...segments, key]))];
}

/** A copy of `root` with `change` applied to the parent of `segments`. */
function changed(root: unknown, segments: readonly Segment[], change: (parent: Record<Segment, unknown>, key: Segment) => void): unknown {
  if (segments.length === 0) throw new Error('no parent');
  const copy = structuredClone(root) as Record<Segment, unknown>;
  const parent = segments.slice(0, -1).reduce((at, key) => at[key] as Record<Segment, unknown>, copy);
  change(parent, segments.at(-1)!);
  return copy;
}

function typeOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/**
 * Any JSON value, without prototype keys: those are refused before types are checked, at their
 * own deeper path, which the prototype-key test below covers (fast-check favours such strings).
 */
const anyJsonType = fc
  .oneof(
    fc.string({ maxLength: 8 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3, noNullPrototype: true }),
  )
  .filter((value) => findForbiddenKey(value) === undefined);

/** A valid file without unknown keys, so that every key in it is one the parser checks, and a place in it. */
function fileAndEntry(pick: (entry: Entry) => boolean) {
  return validDiagram(false).chain((d) => {
    const raw: unknown = JSON.parse(serializeDiagram(d));
    return fc.record({ raw: fc.constant(raw), entry: fc.constantFrom(...entries(raw).filter(pick)) });
  });
}

/** Keys without which a file is refused; every other key has a default or is optional. */
const REQUIRED_KEYS = new Set(['format', 'version', 'id', 'kind', 'name', 'position', 'x', 'y', 'method', 'path', 'type', 'source', 'target']);

/** A note's text may be longer than a name. */
function lengthLimit(segments: readonly Segment[]): number {
  return segments[0] === 'notes' && segments.at(-1) === 'text' ? MAX_NOTE_LENGTH : MAX_NAME_LENGTH;
}

function nested(depth: number, open: string, close: string, inner = '0'): string {
  return `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
}

describe('parseDiagram on hostile input', () => {
  it('names the field when any value has the wrong type', () => {
    const arbitrary = fileAndEntry(() => true).chain(({ raw, entry }) =>
      fc.record({ raw: fc.constant(raw), entry: fc.constant(entry), wrong: anyJsonType.filter((v) => typeOf(v) !== typeOf(entry.value)) }),
    );
    fc.assert(
      fc.property(arbitrary, ({ raw, entry, wrong }) => {
        const file = entry.segments.length === 0 ? wrong : changed(raw, entry.segments, (parent, key) => (parent[key] = wrong));
        expect(refused(JSON.stringify(file)).map((e) => e.path)).toContain(pathOf(entry.segments));
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses a missing required field at its path and fills in optional ones', () => {
    fc.assert(
      fc.property(fileAndEntry((e) => typeof e.segments.at(-1) === 'string'), ({ raw, entry }) => {
        const key = entry.segments.at(-1) as string;
        const result = parse(JSON.stringify(changed(raw, entry.segments, (parent) => delete parent[key])));
        if (REQUIRED_KEYS.has(key)) expect(!result.ok && result.errors.map((e) => e.path)).toContain(pathOf(entry.segments));
        else expect(result.ok, pathOf(entry.segments)).toBe(true);
      }),
      { numRuns: 800 },
    );
  });

  it('refuses strings over the length limits, naming the field', () => {
    const arbitrary = fileAndEntry((e) => typeof e.value === 'string').chain(({ raw, entry }) =>
      fc.record({ raw: fc.constant(raw), entry: fc.constant(entry), size: fc.integer({ min: lengthLimit(entry.segments) + 1, max: 5000 }) }),
    );
    fc.assert(
      fc.property(arbitrary, ({ raw, entry, size }) => {
        const file = changed(raw, entry.segments, (parent, key) => (parent[key] = '/'.padEnd(size, 'x')));
        expect(refused(JSON.stringify(file)).map((e) => e.path)).toContain(pathOf(entry.segments));
      }),
      { numRuns: 600 },
    );
  });

  it('refuses lists over their limits', () => {
    const position = { x: 0, y: 0 };
    const nodes = (n: number, more: object = {}) => Array.from({ length: n }, (_, i) => ({ id: `n${i}`, kind: 'model', name: `m${i}`, position, ...more }));
    const file = (body: object) => JSON.stringify({ format: 'strata', version: 1, ...body });
    const edges = Array.from({ length: 50_001 }, (_, i) => ({ id: `e${i}`, source: 'a', target: 'b' }));
    expect(refused(file({ nodes: nodes(20_001) }))[0]!.path).toBe('$.nodes');
    expect(refused(file({ edges }))[0]!.path).toBe('$.edges');
    const fields = Array.from({ length: 501 }, (_, i) => ({ name: `f${i}`, type: 'int' }));
    expect(refused(file({ nodes: nodes(1, { fields }) }))[0]!.path).toBe('$.nodes[0].fields');
  });

  it(`refuses nesting deeper than ${MAX_DEPTH} levels anywhere, up to 20,000 deep`, () => {
    const deep = fc.record({
      depth: fc.oneof(fc.constant(20_000), fc.integer({ min: MAX_DEPTH + 1, max: 20_000 })),
      brackets: fc.constantFrom({ open: '[', close: ']' }, { open: '{"a":', close: '}' }, { open: '[{"__proto__":', close: '}]' }),
      place: fc.constantFrom('root', 'extra', 'node', 'truncated'),
    });
    fc.assert(
      fc.property(deep, ({ depth, brackets: { open, close }, place }) => {
        // The levels around the nested value count too: the file object, and `nodes` and a node.
        const inner = nested(depth - { root: 0, extra: 1, node: 3, truncated: 0 }[place], open, close);
        const text = {
          root: inner,
          extra: `{"format":"strata","version":1,"deep":${inner}}`,
          node: `{"format":"strata","version":1,"nodes":[{"id":"n","extra":${inner}}]}`,
          truncated: inner.slice(0, inner.length - close.length * Math.ceil(depth / 2)),
        }[place];
        expect(refused(text)[0]!.message).toContain(`${MAX_DEPTH} levels`);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses __proto__, constructor and prototype keys at every level without polluting anything', () => {
    const arbitrary = validDiagram(true).chain((d) => {
      const raw: unknown = JSON.parse(serializeDiagram(d));
      const objects = entries(raw).filter((e) => typeOf(e.value) === 'object');
      const payload = fc.oneof(fc.constant({ polluted: 'yes' }), fc.jsonValue({ maxDepth: 2 }));
      return fc.record({ raw: fc.constant(raw), at: fc.constantFrom(...objects), key: fc.constantFrom(...FORBIDDEN_KEYS), payload });
    });
    fc.assert(
      fc.property(arbitrary, ({ raw, at, key, payload }) => {
        const copy = structuredClone(raw);
        const target = at.segments.reduce<unknown>((value, segment) => (value as Record<Segment, unknown>)[segment], copy);
        // defineProperty makes an own key named __proto__, as JSON.parse does, instead of setting the prototype.
        Object.defineProperty(target, key, { value: payload, enumerable: true });
        expect(refused(JSON.stringify(copy))[0]!.path).toBe(`${pathOf(at.segments)}.${key}`);
      }),
      { numRuns: 800 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  });

  it('refuses binary junk: random bytes read as text', () => {
    const decoders = ['utf-8', 'utf-16le', 'latin1'].map((label) => new TextDecoder(label));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), fc.constantFrom(...decoders), (bytes, decoder) => {
        refused(decoder.decode(bytes));
      }),
      { numRuns: 800 },
    );
  });

  it('refuses empty and whitespace-only files', () => {
    const space = fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\ufeff', '\u2028', '\u3000');
    fc.assert(
      fc.property(fc.string({ unit: space, maxLength: 2000 }), (blank) => {
        expect(refused(blank)).toEqual([{ path: '$', message: 'The file is empty.' }]);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses truncated valid files', () => {
    const arbitrary = validDiagram(true).chain((d) => {
      const whole = serializeDiagram(d);
      return fc.integer({ min: 0, max: whole.trimEnd().length - 1 }).map((end) => whole.slice(0, end));
    });
    fc.assert(fc.property(arbitrary, (cut) => void refused(cut)), { numRuns: 800 });
  });

  it('explains any other text or JSON it refuses', () => {
    const junk = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify({ format: 'strata', version: 1, nodes: v, edges: v, project: v })),
    );
    fc.assert(fc.property(junk, (text) => void parse(text)), { numRuns: 600 });
  });

  it('refuses a 30 MB file before parsing it', () => {
    const padding = 'x'.repeat(30 * 1024 * 1024);
    const started = performance.now();
    expect(refused(`{"format":"strata","version":1,"pad":"${padding}"}`)[0]!.message).toMatch(/30\.0 MiB/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('accepts edges to nodes that do not exist: the rules report those, not the parser', () => {
    const ghost = requiredText(20).map((name) => `ghost:${name}`);
    const arbitrary = fc.record({ d: validDiagram(true), edge: fc.record({ id: fc.constant('ghost-edge'), source: anyId, target: ghost }) });
    fc.assert(
      fc.property(arbitrary, ({ d, edge }) => {
        const dangling = { ...d, edges: [...d.edges.filter((e) => e.id !== edge.id), edge] };
        const result = parse(serializeDiagram(dangling));
        expect(result.ok && result.diagram).toEqual(dangling);
      }),
      { numRuns: 300 },
    );
  });

  it('tried at least 6,000 hostile inputs', () => {
    expect(hostile).toBeGreaterThanOrEqual(6000);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
