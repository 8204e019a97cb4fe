/**
 * Turning user-typed names into Python identifiers and file names that are valid, unique,
 * not keywords, not Windows device names, and that shadow nothing the generated code imports.
 */
import { PYTHON_KEYWORDS, PYTHON_SOFT_KEYWORDS, pythonForm } from '../../names';

/** Longer identifiers are cut and given a hash suffix, so generated lines stay readable. */
export const MAX_IDENTIFIER_LENGTH = 40;

const WINDOWS_RESERVED = new Set([
  'con', 'prn', 'aux', 'nul', 'conin', 'conout',
  ...Array.from({ length: 10 }, (_, i) => `com${i}`),
  ...Array.from({ length: 10 }, (_, i) => `lpt${i}`),
]);

/** Builtins whose shadowing as a module-level name would confuse or break generated code. */
export const BUILTINS = [
  'abs', 'all', 'any', 'bool', 'bytes', 'callable', 'dict', 'dir', 'filter', 'float', 'format', 'hash',
  'id', 'input', 'int', 'iter', 'len', 'list', 'map', 'max', 'min', 'next', 'object', 'open', 'print',
  'property', 'range', 'repr', 'round', 'set', 'slice', 'sorted', 'str', 'sum', 'super', 'tuple', 'vars', 'zip',
  'none', 'true', 'false', 'self', 'cls',
];

/** Top-level modules a project package must not shadow: the standard library and every dependency. */
const TOP_LEVEL_TAKEN = [
  'abc', 'argparse', 'array', 'ast', 'asyncio', 'base64', 'bisect', 'builtins', 'calendar', 'cmath', 'code',
  'codecs', 'collections', 'colorsys', 'concurrent', 'contextlib', 'contextvars', 'copy', 'copyreg', 'csv',
  'ctypes', 'curses', 'dataclasses', 'datetime', 'dbm', 'decimal', 'difflib', 'dis', 'email', 'encodings',
  'enum', 'errno', 'faulthandler', 'fcntl', 'filecmp', 'fileinput', 'fnmatch', 'fractions', 'ftplib',
  'functools', 'gc', 'getopt', 'getpass', 'gettext', 'glob', 'graphlib', 'grp', 'gzip', 'hashlib', 'heapq',
  'hmac', 'html', 'http', 'imaplib', 'importlib', 'inspect', 'io', 'ipaddress', 'itertools', 'json',
  'keyword', 'linecache', 'locale', 'logging', 'lzma', 'mailbox', 'marshal', 'math', 'mimetypes', 'mmap',
  'multiprocessing', 'netrc', 'numbers', 'operator', 'optparse', 'os', 'pathlib', 'pdb', 'pickle', 'pkgutil',
  'platform', 'plistlib', 'poplib', 'posix', 'pprint', 'profile', 'pstats', 'pty', 'pwd', 'queue', 'quopri',
  'random', 're', 'readline', 'reprlib', 'resource', 'rlcompleter', 'runpy', 'sched', 'secrets', 'select',
  'selectors', 'shelve', 'shlex', 'shutil', 'signal', 'site', 'smtplib', 'socket', 'socketserver', 'sqlite3',
  'ssl', 'stat', 'statistics', 'string', 'stringprep', 'struct', 'subprocess', 'symtable', 'sys', 'sysconfig',
  'syslog', 'tabnanny', 'tarfile', 'tempfile', 'termios', 'test', 'textwrap', 'threading', 'time', 'timeit',
  'tkinter', 'token', 'tokenize', 'tomllib', 'trace', 'traceback', 'tracemalloc', 'tty', 'turtle', 'types',
  'typing', 'unicodedata', 'unittest', 'urllib', 'uuid', 'venv', 'warnings', 'wave', 'weakref', 'webbrowser',
  'winreg', 'wsgiref', 'xml', 'xmlrpc', 'zipapp', 'zipfile', 'zipimport', 'zlib', 'zoneinfo', '__future__',
  'fastapi', 'starlette', 'pydantic', 'pydantic_core', 'pydantic_settings', 'sqlalchemy', 'alembic', 'mako',
  'celery', 'kombu', 'billiard', 'vine', 'amqp', 'redis', 'rq', 'dramatiq', 'pika', 'psycopg', 'psycopg_binary',
  'asyncpg', 'aiosqlite', 'aiomysql', 'pymysql', 'httpx', 'httpcore', 'anyio', 'sniffio', 'h11', 'uvicorn',
  'click', 'greenlet', 'pytest', 'pluggy', 'ruff', 'importlinter', 'grimp', 'hatchling', 'dotenv', 'idna',
  'certifi', 'typing_extensions', 'annotated_types', 'pip', 'setuptools', 'wheel', 'tests', 'src', 'alembic',
  'conftest', 'main', 'app', 'flask', 'django', 'rest_framework', 'werkzeug', 'jinja2', 'environ', 'gunicorn',
  'whitenoise', 'django_rq', 'django_dramatiq', 'apscheduler', 'tzlocal', 'asgiref', 'sqlparse', 'fakeredis',
  'pytest_django', 'yaml', 'manage', 'flask_sqlalchemy', 'flask_migrate', 'itsdangerous', 'markupsafe', 'blinker',
];

/** Names the generated modules import or define themselves; a user name must not take them. */
export const GENERATED_NAMES: ReadonlySet<string> = new Set([
  'Annotated', 'Any', 'APIRouter', 'AsyncIterator', 'AsyncSession', 'Base', 'BaseModel', 'BaseSettings',
  'BackgroundTasks', 'ConfigDict', 'Decimal', 'Depends', 'Field', 'ForeignKey', 'HTTPException', 'Mapped',
  'NotFoundError', 'Query', 'Request', 'Settings', 'SettingsConfigDict', 'TaskRun', 'UUID', 'date', 'datetime',
  'func', 'mapped_column', 'relationship', 'select', 'status', 'uuid', 'logging', 'logger', 'router', 'settings',
  'get_settings', 'get_session', 'session_scope', 'enqueue', 'celery_app', 'broker', 'get_queue', 'run', 'app',
  'create_app', 'sa', 'op', 'httpx', 'asyncio', 'json', 'metadata', 'registry', 'query',
]);

/** File stems the generator itself uses in the folders where node modules live. */
const GENERATED_STEMS = [
  'app', 'base', 'deps', 'router', 'routes', 'services', 'repositories', 'models', 'schemas', 'clients',
  'tasks', 'core', 'api', 'config', 'db', 'errors', 'task_runs', 'worker', 'main', 'health', 'conftest',
  'container', 'logging', 'alembic', 'tests', 'src', 'wiring', 'web', 'migrations', 'schedulers', 'schedules',
];

const HARD_OR_SOFT = new Set([...PYTHON_KEYWORDS, ...PYTHON_SOFT_KEYWORDS]);

/** A short, stable hash (FNV-1a, base 36) of a string: for deterministic suffixes. */
export function shortHash(text: string, length = 4): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(length, '0').slice(-length);
}

/** True when `text` is an ASCII Python identifier that is neither a hard nor a soft keyword. */
export function isSafeIdentifier(text: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(text) && !HARD_OR_SOFT.has(text) && !['False', 'None', 'True'].includes(text);
}

/** True when `stem` can be a file name on Linux, macOS and Windows alike. */
export function isSafeFileStem(stem: string): boolean {
  return /^[a-z_][a-z0-9_]*$/.test(stem) && !WINDOWS_RESERVED.has(stem.split('.')[0] ?? stem);
}

/**
 * The snake_case identifier for a user-typed name, before uniqueness is applied.
 * `fallback` names the thing when the user typed nothing usable (all punctuation, or non-Latin script).
 */
export function snakeName(name: string, fallback: string): string {
  let form = pythonForm(name).replace(/_+/g, '_');
  if (form === '') form = `${fallback}_${shortHash(name)}`;
  if (/^[0-9]/.test(form)) form = `n${form}`;
  if (form.length > MAX_IDENTIFIER_LENGTH) {
    form = `${form.slice(0, MAX_IDENTIFIER_LENGTH - 5).replace(/_+$/, '')}_${shortHash(name)}`;
  }
  if (HARD_OR_SOFT.has(form) || WINDOWS_RESERVED.has(form) || BUILTINS.includes(form)) form = `${form}_`;
  return form;
}

/** `order_item` → `OrderItem`; digits stay, so `n3d` → `N3d`. */
export function pascalName(snake: string): string {
  const pascal = snake
    .split('_')
    .filter((part) => part !== '')
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
  if (pascal === '') return 'Item';
  return ['None', 'True', 'False'].includes(pascal) ? `${pascal}_` : pascal;
}

/** The project's package name: a valid identifier that shadows no module the project imports. */
export function packageName(projectName: string): string {
  if (pythonForm(projectName) === '') return 'project';
  const snake = snakeName(projectName, 'project').replace(/_+$/, '');
  const safe = snake === '' ? 'project' : snake;
  return TOP_LEVEL_TAKEN.includes(safe) || HARD_OR_SOFT.has(safe) || WINDOWS_RESERVED.has(safe) || BUILTINS.includes(safe)
    ? `${safe}_app`
    : safe;
}

/**
 * Hands out unique names in one namespace. Asking twice for the same key gives the same answer;
 * a clash gets `_2`, `_3`, … in the order keys are first seen, so results are deterministic
 * when callers visit nodes in a fixed order.
 */
export class NameRegistry {
  private readonly taken = new Set<string>();
  private readonly byKey = new Map<string, string>();
  /** The first suffix not yet tried for each wanted name: every one below it is taken, and stays so. */
  private readonly nextSuffix = new Map<string, number>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name.toLowerCase());
  }

  claim(key: string, wanted: string): string {
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    let name = wanted;
    const folded = wanted.toLowerCase();
    if (this.taken.has(folded)) {
      let n = this.nextSuffix.get(folded) ?? 2;
      while (this.taken.has(`${folded}_${n}`)) n++;
      name = `${wanted}_${n}`;
      this.nextSuffix.set(folded, n + 1);
    }
    this.taken.add(name.toLowerCase());
    this.byKey.set(key, name);
    return name;
  }
}

/** A registry for module stems of one kind: reserved stems and generated file names are avoided. */
export function moduleRegistry(): NameRegistry {
  return new NameRegistry([...GENERATED_STEMS, ...TOP_LEVEL_TAKEN.filter((t) => t === 'conftest')]);
}

/** A registry for class names: nothing the generated code imports or defines may be reused. */
export function classRegistry(): NameRegistry {
  return new NameRegistry(GENERATED_NAMES);
}

/** Field names: identifiers that do not collide with SQLAlchemy's or pydantic's own attributes. */
export function fieldName(name: string): string {
  let snake = snakeName(name, 'field');
  if (snake.startsWith('model_')) snake = `m_${snake.slice('model_'.length)}`;
  if (GENERATED_NAMES.has(snake) || snake === 'id_' || snake === 'metadata' || snake === 'registry') snake = `${snake}_value`;
  return snake;
}
