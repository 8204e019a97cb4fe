/**
 * Every setting the Flask project reads, from the table the rooms over SQLAlchemy share
 * (sqlalchemy/settings.ts): the fields of `core/config.py`, the lines of `.env.example` and the
 * values compose passes to every app container (api, migrate, worker, schedulers). Compose
 * passes the database and RabbitMQ URLs as parts, which the settings build escaped.
 */
import type { Plan } from '../plan/plan';
import type { Schemes } from '../shared/settings';
import { configModule, environmentOf, projectSettings } from '../sqlalchemy/settings';
import type { EnvironmentSetting } from '../writer';

/** Synchronous drivers, as Flask users run them: psycopg 3, PyMySQL, the standard library's sqlite3. */
export const DATABASE_SCHEMES: Schemes = { postgres: 'postgresql+psycopg', mysql: 'mysql+pymysql', sqlite: 'sqlite' };

/** The writer's `environment`: every setting with its `.env.example` line and compose value. */
export function flaskEnvironment(plan: Plan): EnvironmentSetting[] {
  return environmentOf(projectSettings(plan, DATABASE_SCHEMES));
}

/** `core/config.py`: settings from the environment, loaded into app.config by create_app(). */
export function flaskConfig(plan: Plan): string {
  return configModule(plan, DATABASE_SCHEMES, 'Settings from the environment (and a local .env file), validated once and loaded into app.config.');
}
