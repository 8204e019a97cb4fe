/**
 * Reading a `.strata` file: untrusted input, so every field is checked and every problem is
 * reported with the JSON path of the field it is about. Nothing here throws.
 */
import {
  CURRENT_VERSION,
  DEFAULT_PROJECT,
  ENGINES,
  FIELD_TYPES,
  FORMAT,
  FRAMEWORKS,
  HTTP_METHODS,
  KINDS,
  LAYOUTS,
  NOTE_STYLES,
  TASK_FRAMEWORKS,
  type Diagram,
  type DiagramEdge,
  type DiagramNode,
  type DiagramNote,
  type Endpoint,
  type Engine,
  type Kind,
  type ModelField,
  type Position,
  type Project,
  type TaskSpec,
} from './diagram';
import { extraKeys, findForbiddenKey, isRecord, jsonDepth } from './json';
import { migrate } from './migrate';

/** Larger files are refused before parsing: a diagram of 10,000 components is far smaller. */
export const MAX_FILE_CHARS = 16 * 1024 * 1024;
export const MAX_DEPTH = 64;
export const MAX_NODES = 20_000;
export const MAX_EDGES = 50_000;
export const MAX_NAME_LENGTH = 200;
export const MAX_ID_LENGTH = 200;
export const MAX_NOTES = 2_000;
/** A note is a paragraph or a short list, not a document. */
export const MAX_NOTE_LENGTH = 4_000;
/** Enough errors to fix a file by hand without drowning the reader. */
const MAX_ERRORS = 20;

export interface ParseError {
  /** JSON path of the bad field, such as `$.nodes[3].kind`; `$` for the whole file. */
  readonly path: string;
  readonly message: string;
}

export type ParseResult =
  | { readonly ok: true; readonly diagram: Diagram }
  | { readonly ok: false; readonly errors: readonly ParseError[] };

/** One line per problem, for dialogs and the command line. */
export function formatParseErrors(errors: readonly ParseError[]): string {
  return errors.map((e) => (e.path === '$' ? e.message : `${e.path}: ${e.message}`)).join('\n');
}

export function parseDiagram(text: string): ParseResult {
  const early = checkText(text);
  if (early) return fail(early);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return fail({ path: '$', message: `The file is not valid JSON: ${(error as Error).message}` });
  }
  return readDiagram(raw);
}

/** Checks a value that was already parsed from JSON (for example, sent over IPC). */
export function readDiagram(raw: unknown): ParseResult {
  const forbidden = findForbiddenKey(raw);
  if (forbidden) return fail({ path: forbidden, message: 'this key name is not allowed in a diagram file' });
  const reader = new Reader();
  const diagram = reader.diagram(raw);
  return diagram && reader.errors.length === 0 ? { ok: true, diagram } : { ok: false, errors: reader.errors };
}

function fail(error: ParseError): ParseResult {
  return { ok: false, errors: [error] };
}

function checkText(text: string): ParseError | undefined {
  if (text.length > MAX_FILE_CHARS) {
    const mib = (text.length / 1024 / 1024).toFixed(1);
    return { path: '$', message: `The file is ${mib} MiB; Strata opens diagram files up to ${MAX_FILE_CHARS / 1024 / 1024} MiB.` };
  }
  if (text.trim() === '') return { path: '$', message: 'The file is empty.' };
  if (jsonDepth(text, MAX_DEPTH) > MAX_DEPTH) {
    return { path: '$', message: `The file nests arrays or objects more than ${MAX_DEPTH} levels deep.` };
  }
  return undefined;
}

const PROJECT_KEYS = ['name', 'framework', 'tasks', 'layout'] as const;
const NODE_KEYS = ['id', 'kind', 'name', 'feature', 'position', 'engine', 'fields', 'endpoints', 'tasks'] as const;
/**
 * Keys added after version 1, known only on the kind they belong to. On another kind such a key
 * is kept as an unknown key (an older file may carry it there), never refused.
 */
const KIND_KEYS: Readonly<Partial<Record<Kind, string>>> = { scheduler: 'schedule', router: 'resource' };
const EDGE_KEYS = ['id', 'source', 'target', 'label'] as const;
const NOTE_KEYS = ['id', 'style', 'text', 'position'] as const;
/** Keys of the document itself; `title` and `notes` were added within version 1 (optional, ignored by older apps). */
const DOCUMENT_KEYS = ['format', 'version', 'title', 'project', 'nodes', 'edges', 'notes'] as const;

class Reader {
  readonly errors: ParseError[] = [];

  error(path: string, message: string): undefined {
    if (this.errors.length < MAX_ERRORS) this.errors.push({ path, message });
    return undefined;
  }

  diagram(raw: unknown): Diagram | undefined {
    if (!isRecord(raw)) return this.error('$', 'A diagram file holds one JSON object.');
    if (raw.format !== FORMAT) return this.error('$.format', `must be "${FORMAT}"; this is not a Strata diagram file`);
    const version = raw.version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      return this.error('$.version', 'must be a whole number of 1 or more');
    }
    if (version > CURRENT_VERSION) {
      return this.error(
        '$.version',
        `This file is format version ${version}, but this Strata reads versions up to ${CURRENT_VERSION}. Update Strata to open it.`,
      );
    }
    const current = migrate(raw, version);
    const project = this.project(current.project, '$.project');
    const nodes = this.list(current.nodes, '$.nodes', MAX_NODES, (n, p) => this.node(n, p));
    const edges = this.list(current.edges, '$.edges', MAX_EDGES, (e, p) => this.edge(e, p));
    const notes = this.list(current.notes, '$.notes', MAX_NOTES, (n, p) => this.note(n, p));
    const title = current.title === undefined ? undefined : this.text(current.title, '$.title', MAX_NAME_LENGTH);
    if (!project || !nodes || !edges || !notes || (current.title !== undefined && title === undefined)) return undefined;
    this.unique(nodes, '$.nodes');
    this.unique(edges, '$.edges');
    this.uniqueNotes(notes, nodes);
    const extra = extraKeys(current, DOCUMENT_KEYS);
    return {
      version: CURRENT_VERSION,
      ...(title && { title }),
      project,
      nodes,
      edges,
      ...(notes.length > 0 && { notes }),
      ...(extra && { extra }),
    };
  }

  note(raw: unknown, path: string): DiagramNote | undefined {
    if (!isRecord(raw)) return this.error(path, 'each note must be an object with id, text and position');
    const id = this.id(raw.id, `${path}.id`);
    const style = this.choice(raw.style, `${path}.style`, NOTE_STYLES, 'sticky');
    const text = raw.text === undefined ? '' : this.text(raw.text, `${path}.text`, MAX_NOTE_LENGTH);
    const position = this.position(raw.position, `${path}.position`);
    if (id === undefined || !style || text === undefined || !position) return undefined;
    const extra = extraKeys(raw, NOTE_KEYS);
    return { id, style, text, position, ...(extra && { extra }) };
  }

  /** Notes and nodes share the canvas's ids (one selection, one drag): no id may be used twice. */
  uniqueNotes(notes: readonly DiagramNote[], nodes: readonly DiagramNode[]): void {
    const nodeIds = new Set(nodes.map((node) => node.id));
    this.unique(notes, '$.notes');
    notes.forEach((note, i) => {
      if (nodeIds.has(note.id)) this.error(`$.notes[${i}].id`, `"${note.id}" is the id of a node; a note needs its own id`);
    });
  }

  project(raw: unknown, path: string): Project | undefined {
    if (raw === undefined) return DEFAULT_PROJECT;
    if (!isRecord(raw)) return this.error(path, 'must be an object with name, framework, tasks and layout');
    const name = this.text(raw.name, `${path}.name`, MAX_NAME_LENGTH);
    const framework = this.choice(raw.framework, `${path}.framework`, FRAMEWORKS, DEFAULT_PROJECT.framework);
    const tasks = this.choice(raw.tasks, `${path}.tasks`, TASK_FRAMEWORKS, DEFAULT_PROJECT.tasks);
    const layout = this.choice(raw.layout, `${path}.layout`, LAYOUTS, DEFAULT_PROJECT.layout);
    if (name === undefined || !framework || !tasks || !layout) return undefined;
    const extra = extraKeys(raw, PROJECT_KEYS);
    return { name, framework, tasks, layout, ...(extra && { extra }) };
  }

  node(raw: unknown, path: string): DiagramNode | undefined {
    if (!isRecord(raw)) return this.error(path, 'each node must be an object');
    const id = this.id(raw.id, `${path}.id`);
    const kind = this.choice(raw.kind, `${path}.kind`, KINDS);
    const name = this.text(raw.name, `${path}.name`, MAX_NAME_LENGTH);
    const feature = raw.feature === undefined ? undefined : this.text(raw.feature, `${path}.feature`, MAX_NAME_LENGTH);
    const position = this.position(raw.position, `${path}.position`);
    const details = kind ? this.details(raw, kind, path) : undefined;
    if (id === undefined || !kind || name === undefined || !position || !details) return undefined;
    const node: DiagramNode = { id, kind, name, position, ...(feature !== undefined && feature !== '' && { feature }) };
    const kindKey = KIND_KEYS[kind];
    const extra = extraKeys(raw, kindKey ? [...NODE_KEYS, kindKey] : NODE_KEYS);
    return { ...node, ...details, ...(extra && { extra }) };
  }

  /** engine, fields, endpoints and tasks: each allowed only on the kind it belongs to. */
  details(raw: Record<string, unknown>, kind: Kind, path: string): Partial<DiagramNode> | undefined {
    const details: { engine?: Engine; fields?: ModelField[]; endpoints?: Endpoint[]; tasks?: TaskSpec[]; schedule?: string; resource?: string } = {};
    let ok = true;
    // An unreadable schedule is a finding of `validate` (invalid-schedule), so the file still opens to fix it.
    if (kind === 'scheduler' && raw.schedule !== undefined) {
      const schedule = this.text(raw.schedule, `${path}.schedule`, MAX_NAME_LENGTH);
      if (schedule === undefined) ok = false;
      else if (schedule.trim() !== '') details.schedule = schedule;
    }
    if (kind === 'router' && raw.resource !== undefined) {
      const resource = this.text(raw.resource, `${path}.resource`, MAX_ID_LENGTH);
      if (resource === undefined) ok = false;
      else if (resource !== '') details.resource = resource;
    }
    if (raw.engine !== undefined) {
      if (kind !== 'database' && kind !== 'broker' && kind !== 'cache') {
        ok = this.error(`${path}.engine`, 'only database, broker and cache nodes have an engine') ?? false;
      } else {
        const engine = this.choice(raw.engine, `${path}.engine`, ENGINES[kind]);
        if (engine) details.engine = engine;
        else ok = false;
      }
    }
    const fields = this.detail(raw, kind, path, 'fields', 'model', (v, p) => this.field(v, p));
    const endpoints = this.detail(raw, kind, path, 'endpoints', 'router', (v, p) => this.endpoint(v, p));
    const tasks = this.detail(raw, kind, path, 'tasks', 'worker', (v, p) => this.task(v, p));
    if (fields) details.fields = fields;
    if (endpoints) details.endpoints = endpoints;
    if (tasks) details.tasks = tasks;
    ok = ok && fields !== null && endpoints !== null && tasks !== null;
    return ok ? details : undefined;
  }

  /** The detail list under `key`: undefined when absent, null when wrong. */
  detail<T>(
    raw: Record<string, unknown>,
    nodeKind: Kind,
    path: string,
    key: 'fields' | 'endpoints' | 'tasks',
    kind: Kind,
    read: (value: unknown, path: string) => T | undefined,
  ): T[] | undefined | null {
    if (raw[key] === undefined) return undefined;
    if (nodeKind !== kind) return this.error(`${path}.${key}`, `only ${kind} nodes have ${key}`) ?? null;
    return this.list(raw[key], `${path}.${key}`, 500, read) ?? null;
  }

  field(raw: unknown, path: string): ModelField | undefined {
    if (!isRecord(raw)) return this.error(path, 'each field must be an object with name and type');
    const name = this.text(raw.name, `${path}.name`, MAX_NAME_LENGTH, true);
    const type = this.choice(raw.type, `${path}.type`, FIELD_TYPES);
    const optional = this.flag(raw.optional, `${path}.optional`);
    const unique = this.flag(raw.unique, `${path}.unique`);
    if (name === undefined || !type || optional === null || unique === null) return undefined;
    const extra = extraKeys(raw, ['name', 'type', 'optional', 'unique']);
    return { name, type, ...(optional && { optional }), ...(unique && { unique }), ...(extra && { extra }) };
  }

  endpoint(raw: unknown, path: string): Endpoint | undefined {
    if (!isRecord(raw)) return this.error(path, 'each endpoint must be an object with method and path');
    const method = this.choice(raw.method, `${path}.method`, HTTP_METHODS);
    const route = this.text(raw.path, `${path}.path`, MAX_NAME_LENGTH, true);
    if (!method || route === undefined) return undefined;
    if (!route.startsWith('/')) return this.error(`${path}.path`, 'must start with "/"');
    const extra = extraKeys(raw, ['method', 'path']);
    return { method, path: route, ...(extra && { extra }) };
  }

  task(raw: unknown, path: string): TaskSpec | undefined {
    if (!isRecord(raw)) return this.error(path, 'each task must be an object with a name');
    const name = this.text(raw.name, `${path}.name`, MAX_NAME_LENGTH, true);
    if (name === undefined) return undefined;
    const extra = extraKeys(raw, ['name']);
    return { name, ...(extra && { extra }) };
  }

  edge(raw: unknown, path: string): DiagramEdge | undefined {
    if (!isRecord(raw)) return this.error(path, 'each edge must be an object with id, source and target');
    const id = this.id(raw.id, `${path}.id`);
    const source = this.id(raw.source, `${path}.source`);
    const target = this.id(raw.target, `${path}.target`);
    const label = raw.label === undefined ? undefined : this.text(raw.label, `${path}.label`, MAX_NAME_LENGTH);
    if (id === undefined || source === undefined || target === undefined) return undefined;
    if (raw.label !== undefined && label === undefined) return undefined;
    const extra = extraKeys(raw, EDGE_KEYS);
    return { id, source, target, ...(label && { label }), ...(extra && { extra }) };
  }

  position(raw: unknown, path: string): Position | undefined {
    if (!isRecord(raw)) return this.error(path, 'must be an object with numbers x and y');
    const x = this.coordinate(raw.x, `${path}.x`);
    const y = this.coordinate(raw.y, `${path}.y`);
    if (x === undefined || y === undefined) return undefined;
    const extra = extraKeys(raw, ['x', 'y']);
    return { x, y, ...(extra && { extra }) };
  }

  coordinate(raw: unknown, path: string): number | undefined {
    if (typeof raw !== 'number' || !Number.isFinite(raw) || Math.abs(raw) > 1e7) {
      return this.error(path, 'must be a number between -10,000,000 and 10,000,000');
    }
    return raw;
  }

  list<T>(raw: unknown, path: string, max: number, read: (value: unknown, path: string) => T | undefined): T[] | undefined {
    if (raw === undefined) return [];
    if (!Array.isArray(raw)) return this.error(path, 'must be an array');
    if (raw.length > max) return this.error(path, `has ${raw.length} entries; at most ${max} are allowed`);
    const items: T[] = [];
    raw.forEach((value, i) => {
      const item = read(value, `${path}[${i}]`);
      if (item !== undefined) items.push(item);
    });
    return items.length === raw.length ? items : undefined;
  }

  unique(items: readonly { id: string }[], path: string): void {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) this.error(`${path}[${i}].id`, `"${item.id}" is used by an earlier entry; ids must be unique`);
      seen.add(item.id);
    });
  }

  id(raw: unknown, path: string): string | undefined {
    return this.text(raw, path, MAX_ID_LENGTH, true);
  }

  text(raw: unknown, path: string, max: number, required = false): string | undefined {
    if (typeof raw !== 'string') return this.error(path, 'must be a string');
    if (required && raw.trim() === '') return this.error(path, 'must not be empty');
    if (raw.length > max) return this.error(path, `is ${raw.length} characters long; at most ${max} are allowed`);
    return raw;
  }

  /** `null` marks a bad value, so that `undefined` can mean "absent". */
  flag(raw: unknown, path: string): boolean | undefined | null {
    if (raw === undefined || typeof raw === 'boolean') return raw;
    this.error(path, 'must be true or false');
    return null;
  }

  choice<T extends string>(raw: unknown, path: string, allowed: readonly T[], fallback?: T): T | undefined {
    if (raw === undefined && fallback !== undefined) return fallback;
    if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
    const shown = typeof raw === 'string' ? `"${raw.slice(0, 40)}"` : raw === undefined ? 'missing' : typeof raw;
    return this.error(path, `is ${shown}; expected one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
  }
}
