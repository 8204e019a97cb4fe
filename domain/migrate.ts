/**
 * Format migrations: each step turns a raw file of version N into version N + 1.
 * Steps run on raw JSON, before validation, so validation only ever knows the current shape.
 */
import { CURRENT_VERSION } from './diagram';

type RawDiagram = Record<string, unknown>;
type Step = (raw: RawDiagram) => RawDiagram;

/** MIGRATIONS[n] upgrades version n + 1 to version n + 2. Version 1 is the first. */
const MIGRATIONS: readonly Step[] = [];

export function migrate(raw: RawDiagram, version: number): RawDiagram {
  let current = raw;
  for (let v = version; v < CURRENT_VERSION; v++) {
    const step = MIGRATIONS[v - 1];
    if (!step) throw new Error(`no migration from version ${v}`);
    current = step(current);
  }
  return current;
}
