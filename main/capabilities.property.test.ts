/**
 * Paths are capabilities, checked as an attacker would: thousands of random and hostile
 * payloads to every handler of the contract (what a compromised renderer or a forged HTTP call
 * could send), then a look at the disk. Nothing may be written outside what the user granted —
 * the folder the dialogs answered into — and every refusal must be a PayloadError (a 400 over
 * HTTP), never a crash.
 */
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_DIAGRAM } from '../domain/sample';
import { serializeDiagram } from '../domain/serialize';
import { API_CALLS } from '../preload/api';
import { createHandlers, type Handlers } from './handlers';
import { PayloadError } from './payload';
import { testHost } from './test-host';

const RUNS_PER_HANDLER = 2000;

let root: string;
let granted: string;
let outside: string;
let handlers: Handlers;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'strata-capabilities-'));
  granted = join(root, 'granted');
  outside = join(root, 'outside');
  await mkdir(granted);
  await mkdir(join(outside, 'folder'), { recursive: true });
  for (const name of ['victim.strata', 'victim.zip', 'victim.png', 'folder/deep.strata']) {
    await writeFile(join(outside, name), `do not touch ${name}`);
  }
  await writeFile(join(granted, 'doc.strata'), serializeDiagram(SAMPLE_DIAGRAM));
  // Symlink tricks: a folder and a file inside the granted folder that lead outside it.
  await symlink(outside, join(granted, 'link-out'));
  await symlink(join(outside, 'victim.strata'), join(granted, 'victim-link.strata'));
  const host = testHost(join(root, 'user-data'));
  // Every dialog the handlers open answers inside the granted folder, as a user would choose.
  host.openAnswer = join(granted, 'doc.strata');
  host.saveAnswer = join(granted, 'answer');
  handlers = createHandlers(host);
  await handlers.openDiagram({});
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Every file and link under a folder, with what it holds, to compare before and after. */
async function snapshot(folder: string, into = new Map<string, string>()): Promise<Map<string, string>> {
  for (const entry of await readdir(folder)) {
    const path = join(folder, entry);
    const info = await lstat(path);
    const key = relative(root, path);
    if (info.isSymbolicLink()) into.set(key, `link ${await readlink(path)}`);
    else if (info.isDirectory()) await snapshot(path, into.set(key, `folder ${info.mode}`));
    else into.set(key, `${info.mode} ${createHash('sha256').update(await readFile(path)).digest('hex')}`);
  }
  return into;
}

const hostilePath = () =>
  fc.constantFrom(
    '/etc/passwd',
    '/root/.bashrc.strata',
    'relative.strata',
    '../outside/victim.strata',
    '',
    'a\0b.strata',
    '/',
    '//',
    '/proc/self/environ',
    'C:\\Windows\\win.ini',
    '\\\\server\\share\\x.strata',
    'file:///etc/passwd',
    '~/x.strata',
    '/tmp/../etc/shadow.strata',
  );

/** Paths an attacker would try against this sandbox: outside, traversals, links and near misses. */
function sandboxPath(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      join(outside, 'victim.strata'),
      join(outside, 'victim.zip'),
      join(outside, 'victim.png'),
      join(outside, 'new.strata'),
      join(outside, 'folder/deep.strata'),
      `${granted}/../outside/victim.strata`,
      `${granted}/link-out/victim.strata`,
      `${granted}/link-out/new.strata`,
      join(granted, 'victim-link.strata'),
      join(granted, 'never-chosen.strata'),
      `${granted}//doc.strata`,
      `${granted}/./doc.strata`,
      `${granted}/doc.strata/`,
      `${join(granted, 'doc.strata')}\0.zip`,
      join(granted, 'doc.strata'),
      join(root, 'user-data', 'recent.json'),
      join(root, 'user-data', 'recovery'),
    ),
    hostilePath(),
    fc.string({ maxLength: 40 }).map((tail) => join(outside, tail)),
    fc.string({ maxLength: 60 }),
  );
}

const diagram = () =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant(SAMPLE_DIAGRAM) },
    { weight: 6, arbitrary: fc.anything({ maxDepth: 2 }) },
    { weight: 1, arbitrary: fc.constant({ ...SAMPLE_DIAGRAM, nodes: 'all' }) },
  );

const slot = () => fc.oneof(fc.constant('a'.repeat(32)), fc.string({ maxLength: 40 }), fc.constantFrom('../../outside/victim', `${outside}/x`));

const value = () =>
  fc.oneof(
    { weight: 4, arbitrary: sandboxPath() },
    { weight: 2, arbitrary: fc.anything({ maxDepth: 2 }) },
    { weight: 1, arbitrary: fc.boolean() },
  );

/** A payload: often the right shape with hostile values, sometimes anything at all. */
function payload(): fc.Arbitrary<unknown> {
  const shaped = fc.record(
    {
      path: sandboxPath(),
      diagram: diagram(),
      options: fc.oneof(fc.constant({}), fc.anything({ maxDepth: 1 })),
      force: fc.boolean(),
      overwrite: fc.boolean(),
      suggestedName: fc.oneof(sandboxPath(), fc.constantFrom('../../outside/victim.strata', '/etc/x.png')),
      name: fc.string({ maxLength: 20 }),
      text: fc.oneof(fc.constant(serializeDiagram(SAMPLE_DIAGRAM)), fc.string()),
      format: fc.constantFrom('png', 'svg', 'mermaid', 'exe'),
      data: fc.oneof(fc.constant('iVBORw0KGgo='), fc.string()),
      slot: slot(),
      file: fc.record({ path: fc.oneof(fc.constant(null), sandboxPath()), name: fc.string(), diagram: diagram() }, { requiredKeys: [] }),
      except: fc.oneof(fc.array(slot(), { maxLength: 3 }), value()),
      saved: fc.boolean(),
      title: fc.string(),
      dirty: fc.boolean(),
    },
    { requiredKeys: [] },
  );
  return fc.oneof({ weight: 5, arbitrary: shaped }, { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) }, { weight: 1, arbitrary: value() });
}

describe('paths are capabilities', () => {
  it(`writes nothing outside granted paths under ${RUNS_PER_HANDLER} hostile payloads to each of the ${API_CALLS.length} handlers`, { timeout: 600_000 }, async () => {
    const before = await snapshot(root);
    const unexpected: string[] = [];
    for (const call of API_CALLS) {
      await fc.assert(
        fc.asyncProperty(payload(), async (input) => {
          try {
            await handlers[call](input);
          } catch (error) {
            if (!(error instanceof PayloadError)) unexpected.push(`${call}: ${(error as Error).message}`);
          }
        }),
        { numRuns: RUNS_PER_HANDLER },
      );
    }
    expect(unexpected.slice(0, 10)).toEqual([]);

    const after = await snapshot(root);
    const changed = [...after].filter(([path, state]) => before.get(path) !== state).map(([path]) => path);
    const removed = [...before.keys()].filter((path) => !after.has(path));
    // The dialogs answered into granted/; main's own files live in user-data/.
    const allowed = (path: string) =>
      /^granted\/(doc\.strata|answer\.(strata|zip|png|svg|mmd))$/.test(path) ||
      /^user-data(\/recent\.json|\/recovery(\/[0-9a-f]{32}\.json)?)?$/.test(path);
    expect(changed.filter((path) => !allowed(path))).toEqual([]);
    expect(removed.filter((path) => !allowed(path))).toEqual([]);
    expect(after.get(relative(root, join(outside, 'victim.strata')))).toBe(before.get(relative(root, join(outside, 'victim.strata'))));
  });
});
