import { execFile } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { generate } from '../../domain/generate';
import { main } from './index';
import { readDiagramFile } from './read';

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

  it('says as a note, beside the findings, that the export renames a table whose name is taken', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'strata-cli-'));
    const file = join(folder, 'reserved.strata');
    const shop = JSON.parse(await readFile(`${examples}/shop.strata`, 'utf8')) as { nodes: { kind: string; name: string }[] };
    shop.nodes.find((n) => n.kind === 'model')!.name = 'alembic version';
    await writeFile(file, JSON.stringify(shop));
    const text = await run('validate', file);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^note\s+reserved-name\s+model "alembic version" would take the table "alembic_version".*"alembic_version_2"$/m);
    expect(text.stdout).toContain('0 errors, 0 warnings, 1 note');
    const parsed = JSON.parse((await run('validate', file, '--json')).stdout) as { findings: unknown[]; notes: { rule: string; severity: string }[] };
    expect(parsed.findings).toEqual([]);
    expect(parsed.notes.map((n) => [n.rule, n.severity])).toEqual([['reserved-name', 'note']]);
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

describe('strata import and strata check', () => {
  async function exportedShop(): Promise<string> {
    const folder = await mkdtemp(join(tmpdir(), 'strata-cli-import-'));
    const read = await readDiagramFile(`${examples}/shop.strata`);
    if ('problem' in read) throw new Error(read.problem);
    const exported = generate(read.diagram);
    if (!exported.ok) throw new Error(exported.error.message);
    for (const [path, text] of exported.files) {
      await mkdir(dirname(join(folder, path)), { recursive: true });
      await writeFile(join(folder, path), text);
    }
    return join(folder, exported.root);
  }

  it('imports a folder into a diagram file, never overwriting one without --overwrite', async () => {
    const project = await exportedShop();
    const out = join(project, '..', 'shop.strata');
    const first = await run('import', project, '-o', out);
    expect(first).toMatchObject({ code: 0, stdout: '' });
    expect(first.stderr).toMatch(/^Read \d+ modules: \d+ components, \d+ dependencies into .*shop\.strata \(fastapi, tasks: celery, layered layout\)\./);
    const read = await readDiagramFile(out);
    expect('diagram' in read && read.diagram.nodes.map((n) => n.id)).toContain('service:order_service');
    expect((await run('import', project, '-o', out)).code).toBe(1);
    expect((await run('import', project, '-o', out, '--overwrite')).code).toBe(0);
    const json = await run('import', project, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ diagram: { format: 'strata' }, report: { skipped: expect.arrayContaining([{ path: 'tests', reason: 'tests', kind: 'policy' }]) } });
  });

  it('exits 2 on a missing folder, a file given as the folder, and wrong usage', async () => {
    expect(await run('import', 'no/such/folder')).toMatchObject({ code: 2, stderr: 'strata: no/such/folder does not exist\n' });
    expect((await run('import', `${examples}/shop.strata`)).stderr).toContain('is a file, not a folder');
    expect((await run('import')).code).toBe(2);
    expect((await run('check', 'only-one')).code).toBe(2);
    expect((await run('check', 'no/such/folder', `${examples}/shop.strata`)).code).toBe(2);
  });

  it('finds no drift between an exported project and its diagram, and an error at a wrong-way import', async () => {
    const project = await exportedShop();
    expect(await run('check', project, `${examples}/shop.strata`)).toMatchObject({ code: 0, stdout: 'The code and the diagram agree.\n' });
    const repository = join(project, 'src/shop/repositories/order_repository.py');
    const lines = (await readFile(repository, 'utf8')).split('\n').length;
    await appendFile(repository, 'from shop.api.routes.orders import orders_router  # noqa\n');
    const checked = await run('check', project, `${examples}/shop.strata`, '--json');
    expect(checked.code).toBe(1);
    const findings = (JSON.parse(checked.stdout) as { findings: Array<Record<string, unknown>> }).findings;
    expect(findings.filter((f) => f.severity !== 'note')).toEqual([
      expect.objectContaining({ rule: 'layer-direction', severity: 'error', file: 'src/shop/repositories/order_repository.py', line: lines }),
    ]);
  });
});
