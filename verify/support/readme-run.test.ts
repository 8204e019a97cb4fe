/**
 * Running an exported project the way its user does: the README's own shell blocks, in the
 * project folder, in a shell whose environment is the user's (none of the project's settings:
 * those come from the `.env` the user fills in). The harness supplies only what a user
 * supplies: real service URLs in `.env`, a free port, a pip download cache.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readmeSteps, STEPS, type ReadmeStep } from '../../domain/generate/shared/readme';
import { mustRun, PIP_CACHE, run, start, type Background, type RunResult } from './harness.test';
import type { Exported } from './project.test';

export { STEPS };

export function readmeOf(p: Exported): string {
  return readFileSync(join(p.dir, 'README.md'), 'utf8');
}

/** The lines of the README step with this heading; a missing step fails, naming it. */
export function stepCommands(p: Exported, title: string): readonly string[] {
  const step: ReadmeStep | undefined = readmeSteps(readmeOf(p)).find((s) => s.title === title);
  if (!step || step.commands.length === 0) throw new Error(`${p.name}: the README has no "${title}" step with a shell block`);
  return step.commands;
}

export function hasStep(p: Exported, title: string): boolean {
  return readmeSteps(readmeOf(p)).some((s) => s.title === title && s.commands.length > 0);
}

/** Settings the project reads from `.env`: the keys `.env.example` lists. */
export function settingKeys(p: Exported): Set<string> {
  const text = readFileSync(join(p.dir, '.env.example'), 'utf8');
  return new Set(text.split('\n').map((line) => /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(line)?.[1]).filter((k): k is string => k !== undefined));
}

/**
 * The user's shell: the harness's own environment without the project's settings (which would
 * override `.env`) or another virtual environment, plus a shared pip download cache.
 */
export function userEnv(p: Exported, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of [...settingKeys(p), 'VIRTUAL_ENV', 'PYTHONPATH', 'PYTHONHOME', 'PORT', 'NODE_OPTIONS']) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('PIP_') || key.startsWith('VITEST') || key.startsWith('npm_')) delete env[key];
  return { ...env, PIP_CACHE_DIR: PIP_CACHE, PIP_DISABLE_PIP_VERSION_CHECK: '1', ...extra };
}

/** The shell script of a step: stop at the first failing line; later steps run in the activated venv. */
function script(commands: readonly string[], activate: boolean): string {
  return ['set -e', ...(activate ? ['. .venv/bin/activate'] : []), ...commands].join('\n');
}

export interface StepOptions {
  /** False only for the step that creates the virtual environment. */
  readonly activate?: boolean;
  readonly env?: Record<string, string>;
  readonly timeoutMs?: number;
}

/** Runs one README step to completion; a failure names the step and shows its output. */
export async function runStep(p: Exported, title: string, options: StepOptions = {}): Promise<string> {
  return runCommands(p, stepCommands(p, title), options);
}

export async function runCommands(p: Exported, commands: readonly string[], options: StepOptions = {}): Promise<string> {
  return mustRun('/bin/sh', ['-c', script(commands, options.activate ?? true)], { cwd: p.dir, env: userEnv(p, options.env), timeoutMs: options.timeoutMs ?? 600_000 });
}

/** Runs one README step and returns its exit code and output, for checks that expect it to fail. */
export function tryStep(p: Exported, title: string, options: StepOptions = {}): Promise<RunResult> {
  return run('/bin/sh', ['-c', script(stepCommands(p, title), options.activate ?? true)], { cwd: p.dir, env: userEnv(p, options.env), timeoutMs: options.timeoutMs ?? 600_000 });
}

/** Starts a long-running README step (the server, a worker) in its own process group. */
export function startStep(p: Exported, title: string, options: StepOptions = {}): Background {
  return start('/bin/sh', ['-c', script(stepCommands(p, title), options.activate ?? true)], { cwd: p.dir, env: userEnv(p, options.env) });
}

/**
 * Fills in `.env` as a user does after `cp .env.example .env`: every key keeps its line, and
 * `supply` gives the real value for the keys it knows (service URLs); the rest stay as shipped.
 */
export function fillEnv(p: Exported, supply: (key: string, example: string) => string | undefined): Record<string, string> {
  const path = join(p.dir, '.env');
  const values: Record<string, string> = {};
  const lines = readFileSync(path, 'utf8').split('\n').map((line) => {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!match) return line;
    const value = supply(match[1]!, match[2]!) ?? match[2]!;
    values[match[1]!] = value;
    return `${match[1]}=${value}`;
  });
  writeFileSync(path, lines.join('\n'));
  return values;
}

let pythonChecked = false;
/** The README starts with `python -m venv`: a Python 3.11+ named `python` must be on PATH. */
export async function requirePython(): Promise<void> {
  if (pythonChecked) return;
  try {
    const version = await mustRun('python', ['-c', 'import sys; print(sys.version_info[:2] >= (3, 11))']);
    if (!version.includes('True')) throw new Error('python is older than 3.11');
  } catch (error) {
    throw new Error(`python (3.11 or newer, as the exported README calls it) is needed to verify exported projects: ${(error as Error).message}`, { cause: error });
  }
  pythonChecked = true;
}
