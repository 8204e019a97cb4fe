/**
 * The rule catalogue: every rule id of `shared/spec/rules.md`, its default severity and the
 * reasoning behind it, so the canvas, the command line and the export check explain rules alike.
 */

/** Every rule Strata checks; the ids are normative (rules.md). */
export type RuleId =
  | 'layer-direction'
  | 'infra-access'
  | 'infra-has-dependency'
  | 'skip-layer'
  | 'cycle'
  | 'duplicate-edge'
  | 'dangling-edge'
  | 'invalid-name'
  | 'unsafe-name'
  | 'reserved-name'
  | 'duplicate-name'
  | 'worker-without-broker'
  | 'broker-unsupported'
  | 'repository-without-database'
  | 'repository-without-model'
  | 'orphan'
  | 'god-service'
  | 'fat-router';

export type Severity = 'error' | 'warning';

/** One problem in a diagram, about the listed node and edge ids. */
export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  /** Ids of the nodes the finding is about; for `cycle`, the cycle in order. */
  readonly nodes: readonly string[];
  /** Ids of the edges the finding is about; for `cycle`, the cycle's edges in order. */
  readonly edges: readonly string[];
  /** One sentence naming the components by kind and name. */
  readonly message: string;
  /** A concrete suggestion that would make the finding go away. */
  readonly fix: string;
}

/**
 * A finding that asks nothing of the user: the export already does the right thing, and says
 * what (a table renamed because its name is taken). Notes stay out of `validate()`'s findings, so
 * a diagram's errors and warnings read the same with or without them (rules.md's worked examples).
 */
export interface Note extends Omit<Finding, 'severity'> {
  readonly severity: 'note';
}

export interface RuleInfo {
  readonly severity: Severity | 'note';
  readonly title: string;
  /** Why the rule exists, in the guide's words where it has them. */
  readonly explanation: string;
}

/** Every rule with its default severity, a one-line title and the reasoning behind it. */
export const RULES: Readonly<Record<RuleId, RuleInfo>> = {
  'layer-direction': {
    severity: 'error',
    title: 'Dependency points the wrong way',
    explanation:
      'Layers depend downwards only (interface > application > data > domain); a lower layer that ' +
      'imports a higher one, or a component that imports a sibling of its own layer, makes the layers ' +
      'impossible to test or replace separately.',
  },
  'infra-access': {
    severity: 'error',
    title: 'Infrastructure reached from the wrong layer',
    explanation:
      'Only repositories talk to the database, only workers and schedulers talk to the broker (code ' +
      'enqueues through the worker\'s tasks), and only services call external APIs through an adapter.',
  },
  'infra-has-dependency': {
    severity: 'error',
    title: 'Infrastructure depends on something',
    explanation: 'Databases, brokers, caches and external APIs are leaves: configuration, not code that imports yours.',
  },
  'skip-layer': {
    severity: 'warning',
    title: 'Skips the service layer',
    explanation:
      'Routers and workers should stay thin and call services; reaching a repository directly puts ' +
      'business logic in the interface layer.',
  },
  cycle: {
    severity: 'error',
    title: 'Dependency cycle',
    explanation:
      'Circular imports break at import time in Python and mean neither side can change alone; ' +
      'reported once per group of components that all reach each other.',
  },
  'duplicate-edge': {
    severity: 'warning',
    title: 'Duplicate dependency',
    explanation: 'The same dependency drawn twice; only the first edge counts for the other rules.',
  },
  'dangling-edge': {
    severity: 'error',
    title: 'Edge to a missing component',
    explanation: 'An edge whose end is not in the diagram cannot be exported; the other rules ignore it.',
  },
  'invalid-name': {
    severity: 'error',
    title: 'Name is not a Python identifier',
    explanation:
      'Every component becomes a Python module or class; its name must give a non-empty identifier ' +
      'that does not start with a digit and is not a keyword.',
  },
  'unsafe-name': {
    severity: 'error',
    title: 'Name holds characters no file can carry',
    explanation:
      'Names appear in the exported README, settings, pyproject.toml and docstrings. Control ' +
      'characters, line breaks, lone surrogates and byte-order marks cannot be written into them as ' +
      'typed (they could add lines or break a file), so the export would silently drop them.',
  },
  'reserved-name': {
    severity: 'note',
    title: 'Table name is taken by the framework or the database',
    explanation:
      'A model becomes a table, and some table names are not the project\'s to take: Alembic\'s and ' +
      'Django\'s own bookkeeping tables, the export\'s task ledger, SQLite\'s "sqlite_" names and ' +
      'PostgreSQL\'s "pg_" catalog. The export renames such a table predictably ("alembic_version" ' +
      'becomes "alembic_version_2", "sqlite_stat" becomes "t_sqlite_stat"), so the database holds a ' +
      'table the model\'s name does not suggest.',
  },
  'duplicate-name': {
    severity: 'error',
    title: 'Two components would get the same Python name',
    explanation: 'Components of the same kind in the same feature would be written to the same module.',
  },
  'worker-without-broker': {
    severity: 'error',
    title: 'Worker or scheduler without a broker',
    explanation: 'Background tasks need a message broker to be enqueued through and consumed from.',
  },
  'broker-unsupported': {
    severity: 'error',
    title: 'Broker not supported by the task framework',
    explanation:
      'RQ runs on Redis only; Celery and Dramatiq run on Redis or RabbitMQ. With no task framework a ' +
      'broker is simply unused, which is not an error.',
  },
  'repository-without-database': {
    severity: 'error',
    title: 'Repository without a database',
    explanation:
      'With two or more databases each repository must say which one it uses (a path to it); with ' +
      'exactly one, it is implied.',
  },
  'repository-without-model': {
    severity: 'warning',
    title: 'Repository without a model',
    explanation: 'A repository is data access over one or more models; without one it has nothing to map.',
  },
  orphan: {
    severity: 'warning',
    title: 'Unconnected component',
    explanation: 'A router, service, repository or worker with no edges is dead code in the exported project.',
  },
  'god-service': {
    severity: 'warning',
    title: 'Service does too much',
    explanation: 'More than 7 dependencies is the "one service does everything" anti-pattern; split it by responsibility.',
  },
  'fat-router': {
    severity: 'warning',
    title: 'Router does too much',
    explanation:
      'A router calling more than 5 services and repositories is orchestrating business logic; move ' +
      'the orchestration into a service.',
  },
};

/** Rule ids in catalogue order. */
export const RULE_IDS: readonly RuleId[] = Object.keys(RULES) as RuleId[];
