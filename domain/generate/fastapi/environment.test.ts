/**
 * Compose passes every setting the code reads to every container that runs the code: the
 * fields of the exported `core/config.py` are read back from its text and compared with the
 * environment of each compose service built from the project (api, migrate, worker, scheduler),
 * for every example and for each task framework, broker and database.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { emptyDiagram, type Diagram, type DiagramNode, type Kind } from '../../diagram';
import { parseDiagram } from '../../parse';
import { generate } from '../index';

// js-yaml ships no types; the one function used here is typed by hand. It resolves the anchors.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface ComposeService {
  readonly build?: unknown;
  readonly environment?: Record<string, string>;
}

type Engine = NonNullable<DiagramNode['engine']>;

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');

function exampleDiagrams(): Array<[string, Diagram]> {
  return readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.strata'))
    .map((f): [string, Diagram] => {
      const parsed = parseDiagram(readFileSync(join(EXAMPLES, f), 'utf8'));
      if (!parsed.ok) throw new Error(`${f} does not parse`);
      return [f, parsed.diagram];
    })
    .filter(([, d]) => d.project.framework === 'fastapi');
}

function diagram(nodes: Array<[string, Kind, string, Partial<DiagramNode>?]>, edges: Array<[string, string]>, project: Partial<Diagram['project']>): Diagram {
  return {
    ...emptyDiagram({ name: 'store', framework: 'fastapi', tasks: 'celery', layout: 'layered', ...project }),
    nodes: nodes.map(([id, kind, name, more]) => ({ id, kind, name, position: { x: 0, y: 0 }, ...more })),
    edges: edges.map(([source, target], i) => ({ id: `e${i}`, source, target })),
  };
}

/** A diagram with everything that has a setting: a database, a broker, a cache, an external API, a scheduler. */
function everything(tasks: 'celery' | 'rq' | 'dramatiq', database: Engine, broker: Engine): Diagram {
  return diagram(
    [
      ['r1', 'router', 'orders'],
      ['s1', 'service', 'order service'],
      ['p1', 'repository', 'order repository'],
      ['m1', 'model', 'order'],
      ['d1', 'database', 'main db', { engine: database }],
      ['b1', 'broker', 'queue', { engine: broker }],
      ['c1', 'cache', 'hot cache', { engine: 'redis' }],
      ['x1', 'external', 'payments'],
      ['w1', 'worker', 'mailer'],
      ['t1', 'scheduler', 'nightly', { schedule: 'every 15 minutes' }],
    ],
    [['r1', 's1'], ['s1', 'p1'], ['p1', 'm1'], ['p1', 'd1'], ['s1', 'x1'], ['s1', 'c1'], ['r1', 'w1'], ['w1', 's1'], ['w1', 'b1'], ['t1', 'w1'], ['t1', 'b1']],
    { tasks },
  );
}

/** The Settings fields of core/config.py, as environment variable names. */
function settingsRead(config: string): string[] {
  const body = config.slice(config.indexOf('class Settings('));
  return [...body.matchAll(/^ {4}([a-z_][a-z0-9_]*): [^=\n]+ = /gm)].map((m) => m[1]!.toUpperCase());
}

function exported(d: Diagram): { config: string; compose: Record<string, ComposeService>; envExample: string } {
  const result = generate(d);
  if (!result.ok) throw new Error(result.error.message);
  const file = (suffix: string): string => [...result.files].find(([path]) => path.endsWith(suffix))![1];
  const compose = yaml.load(file('/docker-compose.yml')) as { services: Record<string, ComposeService> };
  return { config: file('/core/config.py'), compose: compose.services, envExample: file('/.env.example') };
}

function expectEverySettingPassed(d: Diagram): void {
  const { config, compose, envExample } = exported(d);
  const read = settingsRead(config);
  expect(read.length).toBeGreaterThan(5);
  const app = Object.entries(compose).filter(([, s]) => s.build !== undefined);
  expect(app.map(([name]) => name)).toEqual(expect.arrayContaining(['migrate', 'api']));
  for (const [name, service] of app) {
    const passed = Object.keys(service.environment ?? {});
    // A URL is passed as its parts (DB_HOST, …) when it holds a password: the settings build it.
    const wanted = read.filter((key) => !(key === 'DATABASE_URL' && passed.includes('DB_HOST')) && !(key === 'BROKER_URL' && passed.includes('BROKER_HOST')));
    expect(passed.sort(), `${d.project.name}: compose service ${name}`).toEqual(expect.arrayContaining(wanted));
    expect(wanted.filter((key) => !passed.includes(key)), `${d.project.name}: ${name} misses`).toEqual([]);
    for (const value of Object.values(service.environment ?? {})) {
      // Every variable compose interpolates is one .env.example lists.
      for (const [, variable] of String(value).matchAll(/\$\{([A-Z_][A-Z0-9_]*)/g)) expect(envExample, `${name}: \${${variable}}`).toMatch(new RegExp(`^${variable}=`, 'm'));
    }
  }
}

describe('compose passes every setting the code reads', () => {
  for (const [file, d] of exampleDiagrams()) test(file, () => expectEverySettingPassed(d));

  for (const tasks of ['celery', 'rq', 'dramatiq'] as const) {
    for (const database of ['postgres', 'mysql', 'sqlite'] as const) {
      const brokers: Engine[] = tasks === 'rq' ? ['redis'] : ['redis', 'rabbitmq'];
      for (const broker of brokers) test(`${tasks}, ${database}, ${broker}`, () => expectEverySettingPassed(everything(tasks, database, broker)));
    }
  }

  test('a database password reaches the URL through parts, never inside a URL in compose', () => {
    const { compose, config } = exported(everything('celery', 'postgres', 'rabbitmq'));
    for (const service of Object.values(compose).filter((s) => s.build !== undefined)) {
      expect(service.environment?.DB_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
      expect(service.environment?.BROKER_PASSWORD).toMatch(/^\$\{RABBITMQ_PASSWORD:\?/);
      for (const value of Object.values(service.environment ?? {})) expect(value).not.toMatch(/:\/\/[^/]*PASSWORD/);
    }
    expect(config).toContain('URL.create(');
    expect(config).toContain('quote(self.broker_password.get_secret_value(), safe="")');
  });
});
