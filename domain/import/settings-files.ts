/**
 * What a project's settings files say about its infrastructure: the packages it depends on
 * (pyproject.toml, requirements*.txt, setup.cfg, Pipfile), the services of its compose file and
 * the URLs in its environment files. Only names and URL schemes are kept, never values.
 */
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { basename, type SourceFile } from './files';

export interface ComposeService {
  readonly name: string;
  /** The image without its tag (`postgres`, `redis`, `rabbitmq`), or '' when built. */
  readonly image: string;
}

export interface SettingsFacts {
  /** Distribution names, lower case with `-` and `_` alike (`psycopg`, `aio_pika`). */
  readonly dependencies: ReadonlySet<string>;
  readonly compose: readonly ComposeService[];
  /** URL schemes seen in settings (`amqp`, `sqlite`, `postgresql`). */
  readonly schemes: ReadonlySet<string>;
  /** `[project] name` of pyproject.toml, when there is one. */
  readonly projectName?: string;
  /** Files that could not be read as what their name says, with why. */
  readonly problems: ReadonlyArray<{ readonly path: string; readonly reason: string }>;
}

/** `Django>=5`, `psycopg[binary]~=3.3` → `django`, `psycopg`. */
export function distributionName(requirement: string): string | undefined {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(requirement);
  return match ? normalise(match[1]!) : undefined;
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '_');
}

export function readSettingsFiles(files: readonly SourceFile[]): SettingsFacts {
  const dependencies = new Set<string>();
  const compose: ComposeService[] = [];
  const schemes = new Set<string>();
  const problems: Array<{ path: string; reason: string }> = [];
  let projectName: string | undefined;
  const add = (requirement: unknown) => {
    if (typeof requirement !== 'string') return;
    const name = distributionName(requirement);
    if (name) dependencies.add(name);
  };
  for (const file of files) {
    const name = basename(file.path);
    try {
      if (name === 'pyproject.toml') {
        const found = pyproject(file.text, add);
        if (found && projectName === undefined && !file.path.includes('/')) projectName = found;
      } else if (name === 'Pipfile') {
        const toml = parseToml(file.text) as Record<string, unknown>;
        for (const table of ['packages', 'dev-packages']) Object.keys(record(toml[table])).forEach(add);
      } else if (name === 'setup.cfg') {
        setupCfg(file.text).forEach(add);
      } else if (name.startsWith('requirements')) {
        for (const line of file.text.split('\n')) if (!/^\s*(#|-)/.test(line)) add(line);
      } else if (name.endsWith('.yml') || name.endsWith('.yaml')) {
        compose.push(...composeServices(file.text));
      }
      for (const scheme of urlSchemes(file.text)) schemes.add(scheme);
    } catch (error) {
      problems.push({ path: file.path, reason: `could not be read as ${name}: ${firstLine(error)}` });
    }
  }
  return { dependencies, compose, schemes, problems, ...(projectName ? { projectName } : {}) };
}

function pyproject(text: string, add: (requirement: unknown) => void): string | undefined {
  const toml = parseToml(text) as Record<string, unknown>;
  const project = record(toml.project);
  list(project.dependencies).forEach(add);
  for (const group of Object.values(record(project['optional-dependencies']))) list(group).forEach(add);
  const poetry = record(record(toml.tool).poetry);
  Object.keys(record(poetry.dependencies)).forEach(add);
  for (const group of Object.values(record(poetry.group))) Object.keys(record(record(group).dependencies)).forEach(add);
  return typeof project.name === 'string' ? project.name : typeof poetry.name === 'string' ? poetry.name : undefined;
}

/** `install_requires =` and its indented continuation lines. */
function setupCfg(text: string): string[] {
  const found: string[] = [];
  let inside = false;
  for (const line of text.split('\n')) {
    if (/^install_requires\s*=/.test(line)) {
      inside = true;
      found.push(line.slice(line.indexOf('=') + 1));
    } else if (inside && /^\s+\S/.test(line)) {
      found.push(line);
    } else if (inside && line.trim() !== '') {
      inside = false;
    }
  }
  return found.filter((l) => l.trim() !== '');
}

function composeServices(text: string): ComposeService[] {
  const services = record(record(parseYaml(text)).services);
  return Object.entries(services).map(([name, value]) => {
    const image = record(value).image;
    const bare = typeof image === 'string' ? (image.split('/').pop() ?? '').split(':')[0]!.split('@')[0]! : '';
    return { name, image: bare.toLowerCase() };
  });
}

const SCHEMES = ['amqp', 'amqps', 'sqlite', 'postgres', 'postgresql', 'mysql', 'mariadb', 'redis', 'rediss'];

/** URL schemes written as `scheme://` or `scheme+driver://`. */
export function urlSchemes(text: string): string[] {
  const found: string[] = [];
  for (const scheme of SCHEMES) {
    if (text.includes(`${scheme}://`) || text.includes(`${scheme}+`)) found.push(scheme);
  }
  return found;
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
