import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from './index';

const examples = join(import.meta.dirname, '../../domain/fixtures/spec');

async function run(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { write: (t: string) => (stdout += t) }, { write: (t: string) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('strata validate', () => {
  it('exits 0 on a clean diagram', async () => {
    expect(await run('validate', `${examples}/shop.strata`)).toMatchObject({ code: 0, stdout: 'No problems found.\n' });
  });

  it('exits 1 and names the components of each error', async () => {
    const { code, stdout } = await run('validate', `${examples}/tangled.strata`);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^error\s+layer-direction\s+repository "account_repository" depends on service "audit_service"/m);
    expect(stdout).toContain('6 errors, 0 warnings');
  });

  it('prints the spec JSON with --json', async () => {
    const { code, stdout } = await run('validate', `${examples}/tangled.strata`, '--json');
    expect(code).toBe(1);
    const parsed = JSON.parse(stdout) as { findings: Record<string, unknown>[] };
    expect(Object.keys(parsed.findings[0]!)).toEqual(['rule', 'severity', 'nodes', 'edges', 'message', 'fix']);
    const pairs = parsed.findings.map((f) => [f.rule, f.severity]).sort();
    expect(pairs).toEqual([
      ['broker-unsupported', 'error'],
      ['cycle', 'error'],
      ['cycle', 'error'],
      ['infra-access', 'error'],
      ['infra-access', 'error'],
      ['layer-direction', 'error'],
    ]);
  });

  it('exits 2 with a message and no stack trace on an unreadable file', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'strata-cli-'));
    const broken = join(folder, 'broken.strata');
    await writeFile(broken, '{"format":"strata","version":99}');
    const result = await run('validate', broken);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('version 99');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect((await run('validate', join(folder, 'missing.strata'))).stderr).toContain('missing.strata does not exist');
  });

  it('exits 2 on wrong usage', async () => {
    expect((await run('validate')).code).toBe(2);
    expect((await run('validate', 'a', 'b')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
  });

  it('runs as a command on plain Node', async () => {
    const exec = promisify(execFile);
    const result = await exec('node', ['bin/strata.mjs', 'validate', `${examples}/shop.strata`]);
    expect(result.stdout).toBe('No problems found.\n');
    const failed = await exec('node', ['bin/strata.mjs', 'validate', `${examples}/tangled.strata`]).catch((e) => e);
    expect(failed.code).toBe(1);
  });
});

describe('strata export', () => {
  it('writes the zip, refuses errors without --force, and never overwrites without --overwrite', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'strata-cli-export-'));
    const out = join(folder, 'shop.zip');
    const written = await run('export', `${examples}/shop.strata`, '-o', out);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain(out);
    const again = await run('export', `${examples}/shop.strata`, '-o', out);
    expect(again).toMatchObject({ code: 1 });
    expect(again.stderr).toContain('already exists');
    expect((await run('export', `${examples}/shop.strata`, '-o', out, '--overwrite')).code).toBe(0);

    const tangled = await run('export', `${examples}/tangled.strata`, '-o', join(folder, 't.zip'));
    expect(tangled.code).toBe(1);
    expect(tangled.stderr).toMatch(/error\s+cycle/);
  });

  it('exits 2 on wrong usage and unreadable files', async () => {
    expect((await run('export', `${examples}/shop.strata`)).code).toBe(2);
    expect((await run('export', '-o', 'x.zip')).code).toBe(2);
    expect((await run('export', 'missing.strata', '-o', 'x.zip')).code).toBe(2);
    expect((await run('export', `${examples}/shop.strata`, '-o', 'x.tar')).stderr).toContain('.zip');
  });
});
