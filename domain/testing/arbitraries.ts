/**
 * fast-check generators of valid diagrams, for the parser's property tests: every field the
 * format knows, any text a name may hold, and (when asked) unknown keys at every level.
 */
import fc from 'fast-check';
import {
  CURRENT_VERSION,
  ENGINES,
  FIELD_TYPES,
  FRAMEWORKS,
  HTTP_METHODS,
  KINDS,
  LAYOUTS,
  NOTE_STYLES,
  TASK_FRAMEWORKS,
  type Diagram,
  type DiagramNode,
  type Extra,
  type Kind,
} from '../diagram';
import { FORBIDDEN_KEYS, findForbiddenKey } from '../json';
import { MAX_NAME_LENGTH, MAX_NOTE_LENGTH } from '../parse';

const KNOWN = {
  root: ['format', 'version', 'title', 'project', 'nodes', 'edges', 'notes'],
  project: ['name', 'framework', 'tasks', 'layout'],
  // schedule and resource are known on schedulers and routers; no other kind gets them as extras either.
  node: ['id', 'kind', 'name', 'feature', 'position', 'engine', 'fields', 'endpoints', 'tasks', 'schedule', 'resource'],
  position: ['x', 'y'],
  field: ['name', 'type', 'optional', 'unique'],
  endpoint: ['method', 'path'],
  task: ['name'],
  edge: ['id', 'source', 'target', 'label'],
  note: ['id', 'style', 'text', 'position'],
} as const;

/** Text of at most `max` UTF-16 units: ASCII mostly, any code point (lone surrogates too) sometimes. */
function text(max: number, minLength = 0): fc.Arbitrary<string> {
  const maxLength = Math.min(max, 16);
  const ascii = fc.string({ unit: 'grapheme-ascii', minLength, maxLength });
  const any = fc.string({ unit: 'binary', minLength, maxLength });
  const long = fc.string({ unit: 'grapheme-ascii', minLength: max - 10, maxLength: max });
  return fc.oneof({ weight: 12, arbitrary: ascii }, { weight: 4, arbitrary: any }, { weight: 1, arbitrary: long }).filter((s) => s.length <= max);
}
/** Text with something other than spaces in it. */
export const requiredText = (max: number) => text(max, 1).filter((s) => s.trim() !== '');
/** Any id a file may hold. */
export const anyId = requiredText(MAX_NAME_LENGTH);

/** Unknown keys as a file could hold them: JSON values, no prototype keys. */
function extra(known: readonly string[], enabled: boolean): fc.Arbitrary<Extra | undefined> {
  if (!enabled) return fc.constant(undefined);
  const key = fc.string({ minLength: 1, maxLength: 10 }).filter((k) => !known.includes(k) && !FORBIDDEN_KEYS.has(k));
  const value = fc
    .jsonValue({ maxDepth: 3 })
    .map((v) => JSON.parse(JSON.stringify(v)) as unknown)
    .filter((v) => findForbiddenKey(v) === undefined);
  const keys = fc.dictionary(key, value, { minKeys: 1, maxKeys: 3, noNullPrototype: true });
  return fc.option(keys, { nil: undefined, freq: 2 });
}

/** Leaves out absent optional keys, as the parser does. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const coordinate = fc.double({ min: -1e7, max: 1e7, noNaN: true }).map((v) => (v === 0 ? 0 : v));

function details(kind: Kind, extras: boolean): fc.Arbitrary<Partial<DiagramNode>> {
  const list = <T,>(item: fc.Arbitrary<T>) => fc.option(fc.array(item, { maxLength: 4 }), { nil: undefined });
  switch (kind) {
    case 'database':
    case 'broker':
    case 'cache':
      return fc.record({ engine: fc.option(fc.constantFrom(...ENGINES[kind]), { nil: undefined }) }).map(defined);
    case 'model': {
      const flag = fc.option(fc.constant(true as const), { nil: undefined });
      const field = fc.record({ name: anyId, type: fc.constantFrom(...FIELD_TYPES), optional: flag, unique: flag, extra: extra(KNOWN.field, extras) });
      return fc.record({ fields: list(field.map(defined)) }).map(defined);
    }
    case 'router': {
      const path = text(MAX_NAME_LENGTH - 1).map((p) => `/${p}`);
      const endpoint = fc.record({ method: fc.constantFrom(...HTTP_METHODS), path, extra: extra(KNOWN.endpoint, extras) });
      return fc.record({ endpoints: list(endpoint.map(defined)), resource: fc.option(anyId, { nil: undefined }) }).map(defined);
    }
    case 'scheduler': {
      const schedule = fc.oneof(fc.constantFrom('nightly', 'hourly', 'every 15 minutes', '0 3 * * *', '300'), requiredText(MAX_NAME_LENGTH));
      return fc.record({ schedule: fc.option(schedule, { nil: undefined }) }).map(defined);
    }
    case 'worker':
      return fc.record({ tasks: list(fc.record({ name: anyId, extra: extra(KNOWN.task, extras) }).map(defined)) }).map(defined);
    default:
      return fc.constant({});
  }
}

function node(extras: boolean): fc.Arbitrary<DiagramNode> {
  return fc.constantFrom(...KINDS).chain((kind) =>
    fc
      .record({
        id: anyId,
        name: text(MAX_NAME_LENGTH),
        feature: fc.option(requiredText(MAX_NAME_LENGTH), { nil: undefined }),
        position: fc.record({ x: coordinate, y: coordinate, extra: extra(KNOWN.position, extras) }).map(defined),
        details: details(kind, extras),
        extra: extra(KNOWN.node, extras),
      })
      .map(({ details: more, ...rest }) => defined({ ...rest, kind, ...more })),
  );
}

/** Random valid diagrams; edges point at real nodes or, as files may, at nodes that do not exist. */
export function validDiagram(extras: boolean, size: 'small' | 'large' = 'small'): fc.Arbitrary<Diagram> {
  const [maxNodes, maxEdges] = size === 'small' ? [3, 4] : [6, 8];
  const project = fc.record({
    name: text(MAX_NAME_LENGTH),
    framework: fc.constantFrom(...FRAMEWORKS),
    tasks: fc.constantFrom(...TASK_FRAMEWORKS),
    layout: fc.constantFrom(...LAYOUTS),
    extra: extra(KNOWN.project, extras),
  });
  return fc
    .record({
      title: fc.option(text(MAX_NAME_LENGTH, 1), { nil: undefined }),
      project: project.map(defined),
      nodes: fc.uniqueArray(node(extras), { selector: (n) => n.id, maxLength: maxNodes }),
      extra: extra(KNOWN.root, extras),
    })
    .chain(({ title, project, nodes, extra: rootExtra }) => {
      const end = nodes.length > 0 ? fc.oneof(fc.constantFrom(...nodes.map((n) => n.id)), anyId) : anyId;
      const label = fc.option(text(MAX_NAME_LENGTH, 1), { nil: undefined });
      const edge = fc.record({ id: anyId, source: end, target: end, label, extra: extra(KNOWN.edge, extras) }).map(defined);
      const nodeIds = new Set(nodes.map((n) => n.id));
      const noteId = anyId.filter((id) => !nodeIds.has(id));
      const note = fc
        .record({
          id: noteId,
          style: fc.constantFrom(...NOTE_STYLES),
          text: text(MAX_NOTE_LENGTH),
          position: fc.record({ x: coordinate, y: coordinate, extra: extra(KNOWN.position, extras) }).map(defined),
          extra: extra(KNOWN.note, extras),
        })
        .map(defined);
      const edges = fc.uniqueArray(edge, { selector: (e) => e.id, maxLength: maxEdges });
      const notes = fc.uniqueArray(note, { selector: (n) => n.id, maxLength: 2 });
      return fc.tuple(edges, notes).map(([edges, notes]) =>
        defined({ version: CURRENT_VERSION, title, project, nodes, edges, notes: notes.length > 0 ? notes : undefined, extra: rootExtra }),
      );
    });
}
