/**
 * The allowed-edge matrix of rules.md as a 10×10 lookup table, built once at load time so the
 * per-edge check is one array read.
 */
import { KIND_INFO, KINDS, type Kind } from '../diagram';
import type { RuleId, Severity } from './catalog';

/** The verdict of the matrix for one (source kind, target kind) pair. */
export interface PairVerdict {
  /** Undefined when the edge is allowed. */
  readonly rule: RuleId | undefined;
  readonly severity: Severity | undefined;
}

const KIND_COUNT = KINDS.length;
/** The index of a kind in `KINDS`; unknown kinds (never produced by the parser) count as `router`. */
export function kindCode(kind: Kind): number {
  // A switch on the string beat Map and object look-ups in the benchmark.
  switch (kind) {
    case 'router': return 0;
    case 'worker': return 1;
    case 'scheduler': return 2;
    case 'service': return 3;
    case 'repository': return 4;
    case 'model': return 5;
    case 'database': return 6;
    case 'broker': return 7;
    case 'cache': return 8;
    case 'external': return 9;
    default: return 0;
  }
}

export function kindOfCode(code: number): Kind {
  return KINDS[code] ?? 'router';
}

/** Targets each non-infrastructure kind may depend on; `skip-layer` pairs are listed apart. */
const ALLOWED: Readonly<Partial<Record<Kind, readonly Kind[]>>> = {
  router: ['worker', 'service', 'model', 'cache'],
  worker: ['worker', 'service', 'model', 'broker', 'cache'],
  scheduler: ['worker', 'broker'],
  service: ['worker', 'service', 'repository', 'model', 'cache', 'external'],
  repository: ['repository', 'model', 'database', 'cache'],
  model: ['model'],
};

const SKIP_LAYER: Readonly<Partial<Record<Kind, readonly Kind[]>>> = {
  router: ['repository'],
  worker: ['repository'],
};

const ALLOWED_VERDICT: PairVerdict = { rule: undefined, severity: undefined };

/** Which rule an `E` cell reports: the first of rules.md's list that applies. */
function errorRule(source: Kind, target: Kind): RuleId {
  if (KIND_INFO[source].layer === 'infrastructure') return 'infra-has-dependency';
  if (KIND_INFO[target].rank > KIND_INFO[source].rank) return 'layer-direction';
  if (target === 'database' && source !== 'repository') return 'infra-access';
  if (target === 'broker' && source !== 'worker' && source !== 'scheduler') return 'infra-access';
  if (target === 'external' && source !== 'service') return 'infra-access';
  return 'layer-direction';
}

function pairVerdictOf(source: Kind, target: Kind): PairVerdict {
  if (ALLOWED[source]?.includes(target)) return ALLOWED_VERDICT;
  if (SKIP_LAYER[source]?.includes(target)) return { rule: 'skip-layer', severity: 'warning' };
  return { rule: errorRule(source, target), severity: 'error' };
}

/** Row-major: `TABLE[source * KIND_COUNT + target]`. */
const TABLE: readonly PairVerdict[] = KINDS.flatMap((source) => KINDS.map((target) => pairVerdictOf(source, target)));

/** The matrix verdict for kind codes (see `kindCode`). */
export function pairVerdictByCode(source: number, target: number): PairVerdict {
  return TABLE[source * KIND_COUNT + target] ?? ALLOWED_VERDICT;
}

/** The matrix verdict for an edge from a `source` kind to a `target` kind. */
export function pairVerdict(source: Kind, target: Kind): PairVerdict {
  return pairVerdictByCode(kindCode(source), kindCode(target));
}

/** The kinds `source` may depend on without any finding. */
export function allowedTargets(source: Kind): readonly Kind[] {
  return ALLOWED[source] ?? [];
}
