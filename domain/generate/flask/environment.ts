/**
 * Every setting the Flask project reads, from one table: the fields of `core/config.py`, the lines
 * of `.env.example` and the values compose passes to every app container (api, migrate, worker,
 * schedulers).
 */
import type { Plan } from '../plan/plan';
import { docText, str } from '../python/py';
import { dbUrlForCompose } from '../shared/compose';
import { dotenvValue } from '../shared/escape';
import { settingsFields, type Schemes } from '../shared/settings';
import type { EnvironmentSetting } from '../writer';

/** Synchronous drivers, as Flask users run them: psycopg 3, PyMySQL, the standard library's sqlite3. */
export const DATABASE_SCHEMES: Schemes = { postgres: 'postgresql+psycopg', mysql: 'mysql+pymysql', sqlite: 'sqlite' };

export interface FlaskSetting {
  /** The Settings field (snake case); the environment variable is its upper-case form. */
  readonly name: string;
  readonly type: string;
  readonly pythonDefault: string;
  /** The value `.env.example` shows: placeholders only. */
  readonly example: string;
  /** What compose passes to every app container. */
  readonly compose: string;
  /** A comment above this setting in `.env.example`. */
  readonly group?: string;
}

const required = (name: string): string => `\${${name}:?set ${name} in .env}`;
const optional = (name: string, fallback: string): string => `\${${name}:-${fallback}}`;
const stem = (snake: string): string => snake.replace(/_+$/, '');

export function flaskSettings(plan: Plan): FlaskSetting[] {
  const out: FlaskSetting[] = [];
  for (const field of settingsFields(plan, DATABASE_SCHEMES)) {
    const upper = field.name.toUpperCase();
    const base = { name: field.name, type: field.type, pythonDefault: field.pythonDefault, example: field.example };
    switch (field.name) {
      case 'app_name':
        out.push({ ...base, compose: optional(upper, plan.pkg) });
        break;
      case 'database_url':
        out.push({ ...base, compose: dbUrlForCompose(plan, DATABASE_SCHEMES), group: `The database (${plan.database.engine === 'sqlite' ? 'a SQLite file' : plan.database.engine === 'postgres' ? 'PostgreSQL' : 'MariaDB'}).` });
        break;
      case 'broker_url':
        out.push({ ...base, compose: brokerUrl(plan), group: `The broker (${plan.broker?.engine === 'rabbitmq' ? 'RabbitMQ' : 'Redis'}).` });
        break;
      case 'tasks_eager':
        out.push({ ...base, compose: 'false' }, ...schedules(plan));
        break;
      default:
        out.push({ ...base, compose: composeValue(plan, field.name, upper, field.example) });
    }
  }
  return out;
}

function brokerUrl(plan: Plan): string {
  const host = plan.broker?.node?.compose ?? 'broker';
  if (plan.broker?.engine !== 'rabbitmq') return `redis://${host}:6379/0`;
  const vhost = plan.options.tasks === 'dramatiq' ? '%2F' : '/';
  return `amqp://app:${required('RABBITMQ_PASSWORD')}@${host}:5672/${vhost}`;
}

function composeValue(plan: Plan, name: string, upper: string, example: string): string {
  const cache = plan.caches.find((c) => `${stem(c.snake)}_url` === name);
  if (cache) return `redis://${cache.compose}:6379/0`;
  // An external API's address and key differ per deployment: compose refuses to start without them.
  if (plan.externals.some((x) => name === `${stem(x.snake)}_base_url` || name === `${stem(x.snake)}_api_key`)) return required(upper);
  return optional(upper, example);
}

/** Each scheduler's setting: a cron expression (UTC) or a whole number of seconds. */
function schedules(plan: Plan): FlaskSetting[] {
  return plan.schedulers.map((s) => ({
    name: s.scheduleSetting.toLowerCase(),
    type: 'str',
    pythonDefault: str(s.schedule.value),
    example: dotenvValue(s.schedule.value),
    compose: optional(s.scheduleSetting, s.schedule.value),
    group: `The scheduler "${docText(s.label)}": a cron expression in UTC (minute hour day-of-month\n# month day-of-week) or a whole number of seconds.`,
  }));
}

/** The writer's `environment`: every setting with its `.env.example` line and compose value. */
export function flaskEnvironment(plan: Plan): EnvironmentSetting[] {
  return flaskSettings(plan).map((s) => ({ name: s.name.toUpperCase(), example: s.example, compose: s.compose, ...(s.group ? { group: s.group } : {}) }));
}
