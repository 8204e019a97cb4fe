/**
 * Atomic save under SIGKILL: a child process saves two complete contents over one file in a
 * loop and is killed at random moments; once the leftovers of the kill are handled (a temporary
 * file removed, a journal finished, as the app does at start and on open) the file must be one
 * of the two, byte for byte. Half the lanes save a hard-linked file, which is rewritten in place
 * behind a journal; there both names must show the same whole content.
 */
import { spawn } from 'node:child_process';
import { link, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeStaleTempFiles, writeFileAtomic } from './files';
import { NEW_CONTENT, OLD_CONTENT } from './testing/contents';

const KILLS = 200;
/** Four folders killed side by side: child start-up, not saving, is what takes the time. */
const LANES = 4;
/** How long after the loop starts the kill lands; a save of ~200 KB with fsync takes a few ms. */
const MAX_KILL_DELAY_MS = 25;
const OLD_BYTES = Buffer.from(OLD_CONTENT);
const NEW_BYTES = Buffer.from(NEW_CONTENT);

let workspace: string;
let childScript: string;

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'strata-kill-'));
  // main/testing/save-loop.ts runs under `node --import tsx` too, but tsx costs ~0.4 s of CPU
  // per start, 200 starts would take over a minute; bundled once, each start costs ~0.1 s.
  childScript = join(workspace, 'save-loop.mjs');
  buildSync({
    entryPoints: [join(import.meta.dirname, 'testing/save-loop.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: childScript,
    logLevel: 'warning',
  });
});

afterAll(async () => {
  await rm(workspace, { recursive: true, force: true });
});

interface Outcome {
  readonly content: 'old' | 'new';
  readonly leftovers: number;
}

/** Starts the save loop, kills it a random moment after it starts saving, and checks the file. */
async function killOnce(folder: string, target: string, hardLink: string | undefined): Promise<Outcome> {
  const child = spawn(process.execPath, [childScript, target], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`save loop exited with ${code} before it was killed`)));
  });
  await new Promise((resolve) => setTimeout(resolve, Math.random() * MAX_KILL_DELAY_MS));
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');

  const leftovers = await removeStaleTempFiles(folder);
  const bytes = await readFile(target);
  const content = bytes.equals(OLD_BYTES) ? 'old' : bytes.equals(NEW_BYTES) ? 'new' : undefined;
  if (!content) throw new Error(`torn save: ${bytes.length} bytes, neither the old nor the new content`);
  if (hardLink) expect((await readFile(hardLink)).equals(bytes)).toBe(true);
  expect((await readdir(folder)).sort()).toEqual(hardLink ? ['link.strata', 'target.strata'] : ['target.strata']);
  return { content, leftovers };
}

async function lane(index: number, rounds: number): Promise<Outcome[]> {
  const folder = join(workspace, `lane-${index}`);
  const target = join(folder, 'target.strata');
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder);
  await writeFileAtomic(target, OLD_CONTENT);
  const hardLink = index % 2 === 1 ? join(folder, 'link.strata') : undefined;
  if (hardLink) await link(target, hardLink);
  const outcomes: Outcome[] = [];
  for (let round = 0; round < rounds; round++) outcomes.push(await killOnce(folder, target, hardLink));
  return outcomes;
}

describe('writeFileAtomic under SIGKILL', () => {
  // Bounded by its count: each kill costs one Node start (~0.1 s of CPU), so ~20 s beside
  // another job on a 2-core machine and ~90 s at a load average of 10. The timeout only stops a
  // hang; it is far above what the count can take.
  it(`leaves the old or the new content, never a mix, across ${KILLS} kills`, { timeout: 600_000 }, async () => {
    const started = Date.now();
    const lanes = await Promise.all(Array.from({ length: LANES }, (_, i) => lane(i, KILLS / LANES)));
    const outcomes = lanes.flat();
    const seconds = (Date.now() - started) / 1000;
    const leftovers = outcomes.reduce((sum, o) => sum + o.leftovers, 0);
    const count = (content: Outcome['content']) => outcomes.filter((o) => o.content === content).length;
    console.log(
      `${outcomes.length} kills in ${seconds.toFixed(1)} s: ${count('old')} old, ${count('new')} new, ` +
        `${leftovers} interrupted saves left a temporary file`,
    );
    expect(outcomes).toHaveLength(KILLS);
    // Kills must land on both sides of the rename and inside saves, or the test proves nothing.
    expect(count('old')).toBeGreaterThan(0);
    expect(count('new')).toBeGreaterThan(0);
    expect(leftovers).toBeGreaterThan(0);
  });
});
