/**
 * The project generator: a diagram in, the files of a runnable Python project out.
 *
 * `generate()` is pure and deterministic: the same diagram and options give the same bytes
 * (no clock, no randomness; the migration's revision id is a hash of its content). It never
 * throws for a parsed diagram: what it cannot generate comes back as `{ ok: false, error }`.
 */
import type { Diagram } from '../diagram';
import type { GenerateOptions, LayoutChoice } from './options';
import { resolveLayout } from './options';
import { buildPlan } from './plan/plan';
import { compareText } from './python/py';
import { projectFiles } from './shared/project';
import { checkExport } from './choices';
import { WRITERS } from './writers';

export { checkExport, exportChoices, frameworkChoices, type Choice, type ExportChoices } from './choices';
export { resolveLayout, estimateLines, type GenerateOptions, type LayoutChoice, type ConcreteLayout } from './options';
export { buildPlan, type Plan } from './plan/plan';
export { packageName, snakeName, isSafeIdentifier, isSafeFileStem } from './plan/naming';

/** POSIX paths under one root folder named after the project, sorted, to file text. */
export type Files = ReadonlyMap<string, string>;

export type { GenerateError, GenerateErrorCode } from './choices';
import type { GenerateError } from './choices';

export type GenerateResult =
  | { readonly ok: true; readonly files: Files; readonly root: string; readonly layout: LayoutChoice }
  | { readonly ok: false; readonly error: GenerateError };

export function generate(diagram: Diagram, overrides: Partial<GenerateOptions> = {}): GenerateResult {
  const options: GenerateOptions = {
    framework: overrides.framework ?? diagram.project.framework,
    tasks: overrides.tasks ?? diagram.project.tasks,
    layout: overrides.layout ?? diagram.project.layout,
  };
  const refused = checkExport(diagram, options);
  if (refused) return { ok: false, error: refused };
  const writer = WRITERS[options.framework]!;
  const plan = buildPlan(diagram, options);
  const files = projectFiles(plan, writer);
  const root = plan.pkg;
  const sorted = [...files.keys()].sort(compareText);
  return {
    ok: true,
    root,
    layout: { layout: plan.layout, reason: plan.layoutReason },
    files: new Map(sorted.map((path) => [`${root}/${path}`, files.get(path)!])),
  };
}

/** The layout `generate()` would use, with the reason, for the UI to explain. */
export function layoutFor(diagram: Diagram, overrides: Partial<GenerateOptions> = {}): LayoutChoice {
  return resolveLayout(diagram, overrides.layout ?? diagram.project.layout);
}
