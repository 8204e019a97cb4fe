/**
 * Format migrations: each step turns a raw file of version N into version N + 1.
 * Steps run on raw JSON, before validation, so validation only ever knows the current shape.
 */

/** A file as parsed from JSON, before it is checked. */
export type RawDiagram = Readonly<Record<string, unknown>>;

/** Upgrades a raw file by one version. Must not change its argument. */
export type MigrationStep = (raw: RawDiagram) => RawDiagram;

/**
 * MIGRATIONS[n] upgrades version n + 1 to version n + 2. Version 1 is the first, so there are
 * always CURRENT_VERSION - 1 steps (a test holds the two together).
 */
export const MIGRATIONS: readonly MigrationStep[] = [];

/** Upgrades a raw file of `version` (at most CURRENT_VERSION) to the current version. */
export function migrate(raw: RawDiagram, version: number): RawDiagram {
  return migrateWith(MIGRATIONS, raw, version);
}

/**
 * Runs `steps` from `version` up to version `steps.length + 1`, one step at a time. The steps
 * are a parameter so that tests can prove the mechanism before the first real step exists.
 */
export function migrateWith(steps: readonly MigrationStep[], raw: RawDiagram, version: number): RawDiagram {
  let current = raw;
  for (let index = version - 1; index < steps.length; index++) current = steps[index]!(current);
  return current;
}
