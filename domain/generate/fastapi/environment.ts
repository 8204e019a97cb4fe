/**
 * Every setting the FastAPI project reads, from the table the rooms over SQLAlchemy share
 * (sqlalchemy/settings.ts): the fields of `core/config.py`, the lines of `.env.example` and the
 * values compose passes to every app container (api, worker, scheduler, migrate). Compose
 * passes the database and RabbitMQ URLs as parts, which the settings build escaped.
 */
import type { Plan } from '../plan/plan';
import type { Schemes } from '../shared/settings';
import { configModule, environmentOf, projectSettings } from '../sqlalchemy/settings';
import type { EnvironmentSetting } from '../writer';

export { settingsTest } from '../sqlalchemy/settings';

/** The async drivers: psycopg 3 (async mode), aiomysql, aiosqlite. */
export const DATABASE_SCHEMES: Schemes = { postgres: 'postgresql+psycopg', mysql: 'mysql+aiomysql', sqlite: 'sqlite+aiosqlite' };

/** The writer's `environment`: every setting with its `.env.example` line and compose value. */
export function fastapiEnvironment(plan: Plan): EnvironmentSetting[] {
  return environmentOf(projectSettings(plan, DATABASE_SCHEMES));
}

/** `core/config.py`: settings from the environment, validated once at startup. */
export function fastapiConfig(plan: Plan): string {
  return configModule(plan, DATABASE_SCHEMES, 'Settings from the environment (and a local .env file), validated once at startup.');
}
