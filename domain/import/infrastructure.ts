/**
 * Databases, brokers and caches: from the compose file's services, the dependencies and the
 * URLs in settings; edges to them follow the guide's roles (rules.md): repositories reach the
 * database, workers and schedulers the broker, cache users the cache.
 */
import type { Engine, Kind, TaskFramework } from '../diagram';
import type { Component } from './components';
import type { SettingsFacts } from './settings-files';

export interface InfraNode {
  readonly key: string;
  readonly kind: 'database' | 'broker' | 'cache';
  readonly name: string;
  readonly engine: Engine;
}

const DATABASE_IMAGES: Readonly<Record<string, Engine>> = { postgres: 'postgres', postgis: 'postgres', timescaledb: 'postgres', mysql: 'mysql', mariadb: 'mysql' };
const POSTGRES = ['psycopg', 'psycopg2', 'psycopg2_binary', 'psycopg_binary', 'asyncpg', 'pg8000'];
const MYSQL = ['pymysql', 'mysqlclient', 'mysqldb', 'asyncmy', 'aiomysql', 'mysql_connector_python'];

/** `page-cache` → `page_cache`. */
export function serviceName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || name;
}

export function findInfrastructure(
  settings: SettingsFacts,
  used: ReadonlySet<string>,
  components: readonly Component[],
  tasks: TaskFramework,
): { nodes: InfraNode[]; edges: Array<{ source: Component; target: InfraNode }> } {
  const has = (name: string) => settings.dependencies.has(name) || used.has(name);
  const nodes: InfraNode[] = [];
  const edges: Array<{ source: Component; target: InfraNode }> = [];
  const ofKind = (...kinds: Kind[]) => components.filter((c) => kinds.includes(c.kind));

  const databases = settings.compose.filter((s) => DATABASE_IMAGES[s.image]).map((s) => ({ name: serviceName(s.name), engine: DATABASE_IMAGES[s.image]! }));
  if (databases.length === 0) {
    const engine: Engine | undefined = POSTGRES.some(has) || settings.schemes.has('postgres') || settings.schemes.has('postgresql')
      ? 'postgres'
      : MYSQL.some(has) || settings.schemes.has('mysql') || settings.schemes.has('mariadb')
        ? 'mysql'
        : has('aiosqlite') || settings.schemes.has('sqlite') || (has('django') && ofKind('model', 'repository').length > 0)
          ? 'sqlite'
          : undefined;
    if (engine) databases.push({ name: 'db', engine });
  }
  for (const database of databases) nodes.push({ key: `database:${database.name}`, kind: 'database', ...database });
  const database = nodes[0];
  if (database) for (const repository of ofKind('repository')) edges.push({ source: repository, target: database });

  const caches = new Set(ofKind('cache').map((c) => c.name));
  const queueWorkers = ofKind('worker', 'scheduler');
  if (tasks !== 'none') {
    const rabbit = settings.compose.find((s) => s.image === 'rabbitmq');
    const redis = settings.compose.find((s) => (s.image === 'redis' || s.image === 'valkey') && !caches.has(serviceName(s.name)));
    const service = rabbit ?? redis;
    const engine: Engine = service ? (service === rabbit ? 'rabbitmq' : 'redis') : settings.schemes.has('amqp') || has('pika') || has('aio_pika') ? 'rabbitmq' : 'redis';
    if (service || queueWorkers.length > 0) {
      const broker: InfraNode = { key: 'broker', kind: 'broker', name: service ? serviceName(service.name) : engine, engine };
      nodes.push(broker);
      for (const worker of queueWorkers) edges.push({ source: worker, target: broker });
    }
  }
  return { nodes, edges };
}
