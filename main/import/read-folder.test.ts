/** Walking hostile folders: never a crash or a hang, and every unread file named with its reason. */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderProblem, readProjectFolder } from './read-folder';

async function tree(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'strata-walk-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

describe('readProjectFolder', () => {
  it('reads Python and settings files, and names every file it could not read', async () => {
    const root = await tree({
      'app/services.py': 'import os\n',
      'app/binary.py': new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]),
      'app/latin1.py': new Uint8Array([0x23, 0x20, 0xe9, 0x0a]),
      'app/huge.py': 'x = 1\n'.repeat(200_000),
      'app/bom.py': '\uFEFFimport sys\n',
      'pyproject.toml': '[project]\nname = "x"\n',
      'README.md': 'not read',
      'app/test_services.py': 'import pytest\n',
    });
    await symlink(join(root, 'app'), join(root, 'app', 'loop'));
    await symlink('/etc', join(root, 'app', 'outside'));
    await symlink(join(root, 'missing-target'), join(root, 'app', 'dangling.py'));
    execFileSync('mkfifo', [join(root, 'app', 'pipe.py')]);
    const source = await readProjectFolder(root);
    expect(source.files.map((f) => f.path).sort()).toEqual(['app/bom.py', 'app/services.py', 'pyproject.toml']);
    expect(source.files.find((f) => f.path === 'app/bom.py')!.text).toBe('import sys\n');
    const reasons = Object.fromEntries(source.skipped.map((s) => [s.path, s.reason]));
    expect(reasons).toMatchObject({
      'app/binary.py': 'binary, not text',
      'app/latin1.py': 'not UTF-8 text',
      'app/huge.py': 'over 1 MB (1.1 MB)',
      'app/loop': 'a link to app, already read (a link loop or a second way in)',
      'app/outside': 'a link to outside the folder',
      'app/dangling.py': 'could not be read (ENOENT)',
      'app/pipe.py': 'not a regular file',
      'app/test_services.py': 'tests',
    });
    expect(reasons).not.toHaveProperty('README.md');
  });

  it('skips virtual environments, caches, hidden folders, tests and migrations', async () => {
    const root = await tree({
      'venv/pyvenv.cfg': 'home = /usr/bin\n',
      'venv/lib/site.py': 'import os\n',
      '.git/hooks/x.py': 'import os\n',
      'app/__pycache__/x.py': '',
      'app/tests/test_x.py': '',
      'app/migrations/0001.py': '',
      'app/models.py': 'class A: ...\n',
    });
    const source = await readProjectFolder(root);
    expect(source.files.map((f) => f.path)).toEqual(['app/models.py']);
    expect(source.skipped.map((s) => [s.path, s.reason, s.kind])).toEqual(
      expect.arrayContaining([
        ['venv', 'a virtual environment', 'policy'],
        ['.git', 'a hidden folder', 'policy'],
        ['app/__pycache__', 'a cache', 'policy'],
        ['app/tests', 'tests', 'policy'],
        ['app/migrations', 'migrations', 'policy'],
      ]),
    );
  });

  it('refuses a folder that is missing or is a file', async () => {
    const root = await tree({ 'main.py': '' });
    await expect(readProjectFolder(join(root, 'nope'))).rejects.toThrow(new FolderProblem(`${join(root, 'nope')} does not exist`));
    await expect(readProjectFolder(join(root, 'main.py'))).rejects.toThrow('is a file, not a folder');
  });
});
