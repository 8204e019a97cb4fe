/**
 * Which files of a project are read, and the Python module each one is. Shared by everything
 * that walks a folder (the command line, the desktop app, the browser's folder upload), so all
 * of them read the same files.
 */

/** Files over this size are not read (noted in the report). */
export const MAX_FILE_BYTES = 1024 * 1024;

/** A file the walker read, its path relative to the project folder with `/` between parts. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** Something the walker or the importer did not read, and why. */
export interface Skipped {
  readonly path: string;
  readonly reason: string;
  /** `policy`: left out on purpose (tests, caches); `problem`: could not be read (the report names these). */
  readonly kind: 'policy' | 'problem';
}

const SKIPPED_FOLDERS: Readonly<Record<string, string>> = {
  tests: 'tests',
  test: 'tests',
  migrations: 'migrations',
  alembic: 'migrations',
  __pycache__: 'a cache',
  node_modules: 'installed packages',
  'site-packages': 'installed packages',
};

/** Why a folder is not walked, or undefined when it is; `entries` are the names inside it. */
export function folderSkipReason(name: string, entries: readonly string[]): string | undefined {
  if (name.startsWith('.')) return 'a hidden folder';
  const known = SKIPPED_FOLDERS[name];
  if (known) return known;
  if (entries.includes('pyvenv.cfg')) return 'a virtual environment';
  return undefined;
}

/** Why a file is not read, or undefined when it is wanted. Unwanted files (not Python, not settings) give 'not read'. */
export function fileSkipReason(name: string): string | undefined {
  if (name.endsWith('.py')) {
    if (name === 'conftest.py' || name.startsWith('test_') || name.endsWith('_test.py')) return 'tests';
    return undefined;
  }
  return isSettingsFile(name) ? undefined : 'not read';
}

/** Files that name dependencies and infrastructure: packaging metadata, requirements, compose, environment. */
export function isSettingsFile(name: string): boolean {
  return (
    name === 'pyproject.toml' ||
    name === 'setup.cfg' ||
    name === 'Pipfile' ||
    (name.startsWith('requirements') && (name.endsWith('.txt') || name.endsWith('.in'))) ||
    /^(docker-)?compose[\w.-]*\.ya?ml$/.test(name) ||
    name === '.env' ||
    name.startsWith('.env.')
  );
}

/**
 * The folders of a file list where a skip reason applies (for uploads, which arrive as one flat
 * list of paths): every path under one of them is left out.
 */
export function skippedFolders(paths: readonly string[]): Map<string, string> {
  const entries = new Map<string, string[]>();
  for (const path of paths) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      const list = entries.get(folder) ?? [];
      list.push(parts[i]!);
      entries.set(folder, list);
    }
  }
  const skipped = new Map<string, string>();
  for (const [folder, names] of [...entries].sort(([a], [b]) => a.length - b.length)) {
    if ([...skipped.keys()].some((s) => folder.startsWith(`${s}/`))) continue;
    const reason = folderSkipReason(folder.split('/').pop()!, names);
    if (reason) skipped.set(folder, reason);
  }
  return skipped;
}

/**
 * The files of a flat list (a folder upload, or files already walked) that the importer reads:
 * the same folders and files are left out as when a folder is walked.
 */
export function selectFiles<T extends { readonly path: string }>(files: readonly T[]): { files: T[]; skipped: Skipped[] } {
  const folders = skippedFolders(files.map((f) => f.path));
  const kept: T[] = [];
  const skipped: Skipped[] = [...folders].map(([path, reason]) => ({ path, reason, kind: 'policy' as const }));
  for (const file of files) {
    if ([...folders.keys()].some((folder) => file.path.startsWith(`${folder}/`))) continue;
    const reason = fileSkipReason(basename(file.path));
    if (reason === undefined) kept.push(file);
    else if (reason !== 'not read') skipped.push({ path: file.path, reason, kind: 'policy' });
  }
  return { files: kept, skipped };
}

/** A Python file as a module: its dotted name, and the other names it can be imported by. */
export interface ModuleFile {
  readonly path: string;
  /** The dotted name from the innermost source root (`shop.services.orders`; a package's `__init__` is the package). */
  readonly name: string;
  /** Every dotted name it is importable as, from each source root above it (the first is `name`). */
  readonly aliases: readonly string[];
  readonly isPackage: boolean;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Names every Python file by the source roots above it: the folder itself, `src/`, every folder
 * holding `manage.py`, and the folder above each top-level package (a folder with `__init__.py`
 * whose parent has none). Files whose path is no valid dotted name are left out.
 */
export function moduleFiles(paths: readonly string[]): { modules: ModuleFile[]; skipped: Skipped[] } {
  const python = paths.filter((p) => p.endsWith('.py')).sort();
  const packages = new Set(python.filter((p) => basename(p) === '__init__.py').map(dirname));
  const roots = new Set<string>(['']);
  if (python.some((p) => p.startsWith('src/'))) roots.add('src');
  for (const path of python) {
    if (basename(path) === 'manage.py') roots.add(dirname(path));
    let top = dirname(path);
    if (!packages.has(top)) continue;
    while (top !== '' && packages.has(dirname(top))) top = dirname(top);
    if (top !== '') roots.add(dirname(top));
  }
  const ordered = [...roots].sort((a, b) => b.length - a.length);
  const modules: ModuleFile[] = [];
  const skipped: Skipped[] = [];
  for (const path of python) {
    const aliases = ordered
      .filter((root) => root === '' || path.startsWith(`${root}/`))
      .map((root) => dottedName(root === '' ? path : path.slice(root.length + 1)))
      .filter((name): name is string => name !== undefined);
    if (aliases.length === 0) {
      skipped.push({ path, reason: 'its path is not a Python module name', kind: 'policy' });
      continue;
    }
    modules.push({ path, name: aliases[0]!, aliases, isPackage: basename(path) === '__init__.py' });
  }
  return { modules, skipped };
}

function dottedName(relative: string): string | undefined {
  const parts = relative.slice(0, -'.py'.length).split('/');
  if (parts[parts.length - 1] === '__init__') parts.pop();
  if (parts.length === 0 || !parts.every((part) => IDENTIFIER.test(part))) return undefined;
  return parts.join('.');
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
