/** Every setting of the generated project: Settings fields, .env.example lines, compose values. */
import type { NodePlan, Plan } from '../plan/plan';
import { str } from '../python/py';
import { dotenvValue } from './escape';
import type { DatabaseEngine } from '../writer';

/** URL scheme (with driver) per database engine: the writer's `databaseSchemes`. */
export type Schemes = Readonly<Record<DatabaseEngine, string>>;

export interface SettingField {
  readonly name: string;
  readonly type: 'str' | 'int' | 'float' | 'bool';
  readonly pythonDefault: string;
  /** The value .env.example shows: placeholders only, never a real secret. */
  readonly example: string;
}

const stem = (node: NodePlan): string => node.snake.replace(/_+$/, '');
export const cacheSetting = (node: NodePlan): string => `${stem(node)}_url`;
export const externalSettings = (node: NodePlan): { url: string; timeout: string; key: string } => ({
  url: `${stem(node)}_base_url`,
  timeout: `${stem(node)}_timeout_seconds`,
  key: `${stem(node)}_api_key`,
});

export function localDatabaseUrl(plan: Plan, schemes: Schemes): string {
  return `${schemes.sqlite}:///./${plan.pkg}.db`;
}

export function exampleDatabaseUrl(plan: Plan, schemes: Schemes): string {
  switch (plan.database.engine) {
    case 'postgres':
      return `${schemes.postgres}://app:change-me@localhost:5432/${plan.pkg}`;
    case 'mysql':
      return `${schemes.mysql}://app:change-me@localhost:3306/${plan.pkg}`;
    case 'sqlite':
      return localDatabaseUrl(plan, schemes);
  }
}

export function localBrokerUrl(plan: Plan): string {
  if (plan.broker?.engine === 'rabbitmq') {
    return plan.options.tasks === 'dramatiq' ? 'amqp://guest:guest@localhost:5672/%2F' : 'amqp://guest:guest@localhost:5672//';
  }
  return 'redis://localhost:6379/0';
}

export function settingsFields(plan: Plan, schemes: Schemes): SettingField[] {
  const field = (name: string, type: SettingField['type'], value: string | number | boolean, example?: string): SettingField => ({
    name,
    type,
    pythonDefault: typeof value === 'string' ? str(value) : typeof value === 'boolean' ? (value ? 'True' : 'False') : type === 'float' ? value.toFixed(1) : String(value),
    example: example ?? String(value),
  });
  const fields: SettingField[] = [
    field('app_name', 'str', plan.title, dotenvValue(plan.title)),
    field('log_level', 'str', 'INFO'),
    field('database_url', 'str', localDatabaseUrl(plan, schemes), exampleDatabaseUrl(plan, schemes)),
    field('db_pool_size', 'int', 5),
    field('db_max_overflow', 'int', 10),
    field('db_pool_timeout_seconds', 'float', 30),
  ];
  if (plan.broker) {
    fields.push(field('broker_url', 'str', localBrokerUrl(plan)));
    fields.push(field('task_queue', 'str', plan.pkg));
    fields.push(field('tasks_eager', 'bool', false, 'false'));
  }
  plan.caches.forEach((cache, i) => fields.push(field(cacheSetting(cache), 'str', `redis://localhost:6379/${i + 1}`)));
  for (const external of plan.externals) {
    const names = externalSettings(external);
    fields.push(field(names.url, 'str', `https://${external.snake.replace(/_+$/, '').replace(/_/g, '-')}.example.com`));
    fields.push(field(names.timeout, 'float', 10));
    fields.push(field(names.key, 'str', '', 'change-me'));
  }
  return fields;
}
