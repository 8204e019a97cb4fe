/**
 * The guide's names for things (spec/import.md, "From modules to components"): which module
 * and package names say which kind of component, singular and plural alike, also as the prefix
 * or suffix of a longer name (`order_service`, `routes_v1`).
 */
import type { Kind } from '../diagram';

const WORDS: ReadonlyArray<readonly [Kind, readonly string[]]> = [
  ['router', ['route', 'routes', 'router', 'routers', 'api', 'apis', 'endpoint', 'endpoints', 'view', 'views', 'url', 'urls', 'handler', 'handlers', 'controller', 'controllers', 'blueprint', 'blueprints']],
  ['service', ['service', 'services', 'use_case', 'use_cases', 'usecase', 'usecases', 'application', 'applications']],
  ['repository', ['repository', 'repositories', 'repo', 'repos', 'crud', 'dal', 'selector', 'selectors', 'query', 'queries', 'store', 'stores']],
  ['model', ['model', 'models', 'entity', 'entities', 'domain', 'domains', 'schema', 'schemas']],
  ['worker', ['task', 'tasks', 'worker', 'workers', 'job', 'jobs', 'consumer', 'consumers', 'actor', 'actors']],
  ['scheduler', ['schedule', 'schedules', 'scheduler', 'schedulers', 'scheduled', 'beat', 'periodic', 'cron', 'crons']],
  ['external', ['client', 'clients', 'integration', 'integrations', 'adapter', 'adapters', 'gateway', 'gateways']],
];

const KIND_OF_WORD = new Map<string, Kind>(WORDS.flatMap(([kind, words]) => words.map((word) => [word, kind] as const)));

/** Schema modules are models only when no `models` module sits beside them. */
export const SCHEMA_WORDS: ReadonlySet<string> = new Set(['schema', 'schemas']);

/** The kind a module or package name says, or undefined. `schemas` is returned as model; the caller checks its siblings. */
export function kindOfName(name: string): Kind | undefined {
  const exact = KIND_OF_WORD.get(name);
  if (exact) return exact;
  const parts = name.split('_').filter((p) => p !== '');
  if (parts.length < 2) return undefined;
  // The longest word at either end decides: `order_use_cases` is a service, `routes_v1` a router.
  for (let take = Math.min(2, parts.length - 1); take >= 1; take--) {
    const suffix = KIND_OF_WORD.get(parts.slice(-take).join('_'));
    if (suffix) return suffix;
    const prefix = KIND_OF_WORD.get(parts.slice(0, take).join('_'));
    if (prefix) return prefix;
  }
  return undefined;
}

/** True when the name is nothing but a kind word (`services`, `repository`): it names a layer, not a component. */
export function isKindWord(name: string): boolean {
  return KIND_OF_WORD.has(name);
}

/**
 * Names of modules that hold the plumbing of a layer rather than a component of it: wiring,
 * settings, shared bases and helpers.
 */
export const PLUMBING: ReadonlySet<string> = new Set([
  'deps', 'dependencies', 'depends', 'base', 'bases', 'utils', 'util', 'helpers', 'helper', 'common', 'core', 'config',
  'settings', 'constants', 'exceptions', 'errors', 'types', 'typing', 'mixins', 'main', 'app', 'apps', 'wsgi', 'asgi',
  'celery', 'container', 'containers', 'admin', 'conf', 'permissions', 'pagination', 'serializers', 'forms', 'signals',
  'middleware', 'middlewares', 'security', 'db', 'database', 'session', 'logging', 'log', 'enums', 'version',
  'exception_handlers', 'decorators', 'fields', 'filters', 'throttling', 'authentication_classes',
]);

/** Packages of shared plumbing: nothing under them is a component (`core/task_runs.py` is no worker). */
export const PLUMBING_PACKAGES: ReadonlySet<string> = new Set(['core', 'common', 'utils', 'util', 'helpers', 'lib', 'libs', 'config', 'settings', 'conf', 'management', 'commands', 'templatetags']);

/** Module names of composition roots: where objects are built and handed their dependencies. */
export const COMPOSITION_ROOTS: ReadonlySet<string> = new Set(['container', 'containers', 'deps', 'dependencies', 'di', 'wiring', 'bootstrap', 'composition', 'providers']);

/**
 * Third-party packages (top-level import names) that speak HTTP to another service: HTTP clients,
 * and the SDKs of hosted APIs, which wrap one (`integrations/aws/client.py` over boto3).
 */
export const HTTP_CLIENTS: ReadonlySet<string> = new Set([
  'httpx', 'requests', 'aiohttp', 'urllib3', 'httplib2', 'http', 'urllib', 'grpc', 'zeep', 'pycurl',
  'boto3', 'botocore', 'aioboto3', 'aiobotocore', 'googleapiclient', 'stripe', 'twilio', 'sendgrid', 'slack_sdk', 'openai', 'anthropic',
]);

/** Class-name endings that make a class its own component inside a module of that kind. */
export const CLASS_SUFFIXES: Readonly<Partial<Record<Kind, readonly string[]>>> = {
  service: ['Service', 'UseCase', 'UseCases'],
  repository: ['Repository', 'Repo', 'Selector', 'Selectors', 'Store', 'Dal', 'DAL', 'Crud', 'CRUD'],
  external: ['Client', 'Gateway', 'Adapter', 'Integration', 'Cache'],
};

/** `OrderService` → `order_service`, `HTTPClient` → `http_client`. */
export function snakeOfClass(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/_+/g, '_')
    .toLowerCase();
}
