/**
 * The diagram: the single source of truth for everything Strata shows, checks and exports.
 * Pure data; React Flow nodes and edges are derived from it, never stored beside it.
 */

export const KINDS = [
  'router',
  'worker',
  'scheduler',
  'service',
  'repository',
  'model',
  'database',
  'broker',
  'cache',
  'external',
] as const;
export type Kind = (typeof KINDS)[number];

export const LAYERS = ['interface', 'application', 'data', 'domain', 'infrastructure'] as const;
export type Layer = (typeof LAYERS)[number];

export interface KindInfo {
  readonly layer: Layer;
  /** Higher ranks may depend on lower ranks, never the other way round. */
  readonly rank: number;
  readonly label: string;
  readonly description: string;
}

export const KIND_INFO: Readonly<Record<Kind, KindInfo>> = {
  router: { layer: 'interface', rank: 4, label: 'Router', description: 'HTTP routes (APIRouter)' },
  worker: { layer: 'interface', rank: 4, label: 'Worker', description: 'Background tasks module' },
  scheduler: { layer: 'interface', rank: 4, label: 'Scheduler', description: 'Periodic schedule (beat)' },
  service: { layer: 'application', rank: 3, label: 'Service', description: 'Business logic, injected deps' },
  repository: { layer: 'data', rank: 2, label: 'Repository', description: 'Data access over models' },
  model: { layer: 'domain', rank: 1, label: 'Model', description: 'ORM model and schemas' },
  database: { layer: 'infrastructure', rank: 0, label: 'Database', description: 'PostgreSQL, MySQL, SQLite' },
  broker: { layer: 'infrastructure', rank: 0, label: 'Broker', description: 'Redis or RabbitMQ queue' },
  cache: { layer: 'infrastructure', rank: 0, label: 'Cache', description: 'Redis cache' },
  external: { layer: 'infrastructure', rank: 0, label: 'External API', description: 'HTTP client adapter' },
};

export const FRAMEWORKS = ['fastapi', 'flask', 'django'] as const;
export type Framework = (typeof FRAMEWORKS)[number];
export const TASK_FRAMEWORKS = ['celery', 'rq', 'dramatiq', 'none'] as const;
export type TaskFramework = (typeof TASK_FRAMEWORKS)[number];
export const LAYOUTS = ['flat', 'feature', 'layered', 'auto'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** Engines each infrastructure kind accepts; the first is the default. */
export const ENGINES = {
  database: ['postgres', 'mysql', 'sqlite'],
  broker: ['redis', 'rabbitmq'],
  cache: ['redis'],
} as const;
export type EngineKind = keyof typeof ENGINES;
export type Engine = (typeof ENGINES)[EngineKind][number];

export const FIELD_TYPES = [
  'str',
  'text',
  'int',
  'float',
  'decimal',
  'bool',
  'date',
  'datetime',
  'uuid',
  'json',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Keys a file carried that this version does not know; written back unchanged on save. */
export type Extra = Readonly<Record<string, unknown>>;

export interface Position {
  readonly x: number;
  readonly y: number;
  readonly extra?: Extra;
}

export interface ModelField {
  readonly name: string;
  readonly type: FieldType;
  readonly optional?: boolean;
  readonly unique?: boolean;
  readonly extra?: Extra;
}

export interface Endpoint {
  readonly method: HttpMethod;
  readonly path: string;
  readonly extra?: Extra;
}

export interface TaskSpec {
  readonly name: string;
  readonly extra?: Extra;
}

export interface DiagramNode {
  readonly id: string;
  readonly kind: Kind;
  readonly name: string;
  readonly feature?: string;
  readonly position: Position;
  /** Only for database, broker and cache nodes. */
  readonly engine?: Engine;
  /** Only for model nodes. */
  readonly fields?: readonly ModelField[];
  /** Only for router nodes. */
  readonly endpoints?: readonly Endpoint[];
  /** Only for worker nodes. */
  readonly tasks?: readonly TaskSpec[];
  /** Only for scheduler nodes: when it fires, as typed (`nightly`, `every 15 minutes`, a cron expression). */
  readonly schedule?: string;
  /** Only for router nodes: the id of the model the router serves at its own prefix. */
  readonly resource?: string;
  readonly extra?: Extra;
}

/** `source` depends on `target`: code in source imports or calls target. */
export interface DiagramEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  /** Words on the arrow ("enqueues", "reads"); exported as a comment where the dependency is wired. */
  readonly label?: string;
  readonly extra?: Extra;
}

/** A sticky note is a coloured card; free text has no card, only words on the canvas. */
export const NOTE_STYLES = ['sticky', 'text'] as const;
export type NoteStyle = (typeof NOTE_STYLES)[number];

/**
 * Words for the people in the meeting: plain text with light Markdown (`**bold**`, `- ` lists,
 * links). Never a component: the rules and the generator's plan do not see notes.
 */
export interface DiagramNote {
  /** Unique among notes and nodes alike, as both are selected and moved on one canvas. */
  readonly id: string;
  readonly style: NoteStyle;
  readonly text: string;
  readonly position: Position;
  readonly extra?: Extra;
}

export interface Project {
  readonly name: string;
  readonly framework: Framework;
  readonly tasks: TaskFramework;
  readonly layout: Layout;
  readonly extra?: Extra;
}

export interface Diagram {
  readonly version: number;
  /** The diagram's title, shown above it on the canvas and in pictures; absent when not given. */
  readonly title?: string;
  readonly project: Project;
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
  /** Absent in files without notes; read with `notesOf`. */
  readonly notes?: readonly DiagramNote[];
  readonly extra?: Extra;
}

export const FORMAT = 'strata';
/** The newest file version this build reads and writes. */
export const CURRENT_VERSION = 1;

export const DEFAULT_PROJECT: Project = {
  name: 'project',
  framework: 'fastapi',
  tasks: 'celery',
  layout: 'auto',
};

export function layerOf(kind: Kind): Layer {
  return KIND_INFO[kind].layer;
}

export function isInfrastructure(kind: Kind): boolean {
  return KIND_INFO[kind].layer === 'infrastructure';
}

/** The engine a node uses, with the kind's default filled in. */
export function engineOf(node: DiagramNode): Engine | undefined {
  if (node.kind === 'database' || node.kind === 'broker' || node.kind === 'cache') {
    return node.engine ?? ENGINES[node.kind][0];
  }
  return undefined;
}

const NO_NOTES: readonly DiagramNote[] = [];

export function notesOf(diagram: Diagram): readonly DiagramNote[] {
  return diagram.notes ?? NO_NOTES;
}

export function emptyDiagram(project: Partial<Project> = {}): Diagram {
  return { version: CURRENT_VERSION, project: { ...DEFAULT_PROJECT, ...project }, nodes: [], edges: [] };
}
