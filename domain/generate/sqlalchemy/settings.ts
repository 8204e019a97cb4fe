/**
 * Every setting a project over SQLAlchemy reads (FastAPI and Flask alike), from one table: the
 * fields of `core/config.py`, the lines of `.env.example` and the values compose passes to every
 * app container. Local runs set whole URLs; compose passes the parts of the database and
 * RabbitMQ URLs, and the settings build the URLs with escaping (SQLAlchemy's `URL.create`,
 * `quote`), so any password works: `p@ss:w#rd` would otherwise end the user part of a URL.
 */
import type { Plan } from '../plan/plan';
import { docText, from, pyModule, str, type PyImport } from '../python/py';
import { dotenvValue } from '../shared/escape';
import { settingsFields, type SettingField, type Schemes } from '../shared/settings';
import type { EnvironmentSetting } from '../writer';

export interface Setting {
  /** The Settings field (snake case); the environment variable is its upper-case form. */
  readonly name: string;
  /** The Python annotation of the field. */
  readonly type: string;
  readonly pythonDefault: string;
  /** The value `.env.example` shows: placeholders only. */
  readonly example: string;
  /** What compose passes to every app container; absent when compose leaves the default. */
  readonly compose?: string;
  /** A comment above this setting in `.env.example`. */
  readonly group?: string;
}

const required = (name: string): string => `\${${name}:?set ${name} in .env}`;
const optional = (name: string, fallback: string): string => `\${${name}:-${fallback}}`;
const stem = (snake: string): string => snake.replace(/_+$/, '');

/** The settings whose parts compose passes instead of the whole URL. */
export function urlParts(plan: Plan): { readonly database: boolean; readonly broker: boolean } {
  return { database: plan.database.engine !== 'sqlite', broker: plan.broker?.engine === 'rabbitmq' };
}

export function projectSettings(plan: Plan, schemes: Schemes): Setting[] {
  const parts = urlParts(plan);
  return settingsFields(plan, schemes).flatMap((field) => expand(plan, schemes, field, parts));
}

/** One shared field with its compose value, and the settings that follow it (URL parts, schedules). */
function expand(plan: Plan, schemes: Schemes, field: SettingField, parts: ReturnType<typeof urlParts>): Setting[] {
  const upper = field.name.toUpperCase();
  const base = { name: field.name, type: field.type, pythonDefault: field.pythonDefault, example: field.example };
  switch (field.name) {
    case 'app_name':
      return [{ ...base, compose: optional(upper, plan.pkg) }];
    case 'database_url':
      if (!parts.database) return [{ ...base, compose: `${schemes.sqlite}:////data/${plan.pkg}.db`, group: 'The database: a SQLite file.' }];
      return [
        { ...base, group: 'The database: DATABASE_URL for local runs. Compose passes the DB_* parts instead (DB_HOST\nset means the parts win), and the URL is built from them escaped: any password works.' },
        ...databaseParts(plan),
      ];
    case 'broker_url': {
      const label = plan.broker?.engine === 'rabbitmq' ? 'RabbitMQ' : 'Redis';
      if (!parts.broker) return [{ ...base, compose: `redis://${plan.broker?.node?.compose ?? 'broker'}:6379/0`, group: `The broker (${label}).` }];
      return [{ ...base, group: `The broker (${label}): BROKER_URL for local runs; compose passes the BROKER_* parts (BROKER_HOST set means the parts win).` }, ...brokerParts(plan)];
    }
    case 'tasks_eager':
      return [{ ...base, compose: 'false' }, ...schedules(plan)];
    default:
      return [{ ...base, compose: composeValue(plan, field, upper) }];
  }
}

function composeValue(plan: Plan, field: SettingField, upper: string): string {
  const cache = plan.caches.find((c) => `${stem(c.snake)}_url` === field.name);
  if (cache) return `redis://${cache.compose}:6379/0`;
  // An external API's address and key differ per deployment: compose refuses to start without them.
  if (plan.externals.some((x) => field.name === `${stem(x.snake)}_base_url` || field.name === `${stem(x.snake)}_api_key`)) return required(upper);
  return optional(upper, field.example);
}

const text = (name: string, example: string, compose: string, type = 'str'): Setting => ({ name, type, pythonDefault: type === 'int' ? example : str(example), example, compose });

function databaseParts(plan: Plan): Setting[] {
  const postgres = plan.database.engine === 'postgres';
  const port = postgres ? '5432' : '3306';
  return [
    { ...text('db_host', '', plan.database.node?.compose ?? 'db'), example: '' },
    text('db_port', port, port, 'int'),
    text('db_user', 'app', 'app'),
    { name: 'db_password', type: 'SecretStr', pythonDefault: 'SecretStr("")', example: 'change-me', compose: required(postgres ? 'POSTGRES_PASSWORD' : 'MARIADB_PASSWORD') },
    text('db_name', plan.pkg, plan.pkg),
  ];
}

function brokerParts(plan: Plan): Setting[] {
  return [
    { ...text('broker_host', '', plan.broker?.node?.compose ?? 'broker'), example: '' },
    text('broker_port', '5672', '5672', 'int'),
    text('broker_user', 'guest', 'app'),
    { name: 'broker_password', type: 'SecretStr', pythonDefault: 'SecretStr("")', example: 'guest', compose: required('RABBITMQ_PASSWORD') },
    text('broker_vhost', '/', '/'),
  ];
}

/** Each scheduler's setting: a cron expression (UTC) or a whole number of seconds. */
function schedules(plan: Plan): Setting[] {
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
export function environmentOf(settings: readonly Setting[]): EnvironmentSetting[] {
  return settings.map((s) => ({ name: s.name.toUpperCase(), example: s.example, ...(s.compose !== undefined ? { compose: s.compose } : {}), ...(s.group ? { group: s.group } : {}) }));
}

/** `core/config.py`: the Settings class, which builds the URLs compose passes as parts. */
export function configModule(plan: Plan, schemes: Schemes, doc: string): string {
  const settings = projectSettings(plan, schemes);
  const fields = settings.map((f) => `${f.name}: ${f.type} = ${f.pythonDefault}`);
  const parts = urlParts(plan);
  const imports: PyImport[] = [from('functools', 'lru_cache'), from('pydantic_settings', 'BaseSettings', 'SettingsConfigDict')];
  if (settings.some((f) => f.type === 'SecretStr')) imports.push(from('pydantic', 'SecretStr'));
  const builders: string[] = [];
  if (parts.database) {
    imports.push(from('sqlalchemy', 'URL'));
    builders.push(`        if self.db_host:
            self.database_url = URL.create(
                ${str(schemes[plan.database.engine])},
                username=self.db_user,
                password=self.db_password.get_secret_value(),
                host=self.db_host,
                port=self.db_port,
                database=self.db_name,
            ).render_as_string(hide_password=False)`);
  }
  if (parts.broker) {
    imports.push(from('urllib.parse', 'quote'));
    builders.push(`        if self.broker_host:
            user = quote(self.broker_user, safe="")
            password = quote(self.broker_password.get_secret_value(), safe="")
            address = f"{self.broker_host}:{self.broker_port}/{quote(self.broker_vhost, safe='')}"
            self.broker_url = f"amqp://{user}:{password}@{address}"`);
  }
  let body = `class Settings(BaseSettings):\n    model_config = SettingsConfigDict(env_file=".env", extra="ignore")\n\n${fields.map((f) => `    ${f}`).join('\n')}`;
  if (builders.length > 0) {
    imports.push(from('typing', 'Self'), from('pydantic', 'model_validator'));
    body += `

    @model_validator(mode="after")
    def urls_from_parts(self) -> Self:
        """Compose passes the parts of a URL: built here, escaped, so any password works."""
${builders.join('\n')}
        return self`;
  }
  return pyModule({ doc, imports, firstParty: [plan.pkg], blocks: [body, '@lru_cache\ndef get_settings() -> Settings:\n    return Settings()'] });
}

/** tests/unit/test_settings.py: the URLs built from parts keep a password full of URL syntax. */
export function settingsTest(plan: Plan, configModule: string): string | undefined {
  const parts = urlParts(plan);
  if (!parts.database && !parts.broker) return undefined;
  const imports: PyImport[] = [from(configModule, 'Settings')];
  const blocks = ['PASSWORD = "p@ss:w#rd/?%"'];
  if (parts.database) {
    imports.push(from('sqlalchemy', 'make_url'));
    blocks.push(`def test_database_url_from_parts_keeps_any_password() -> None:
    settings = Settings(db_host="db", db_port=3307, db_password=PASSWORD, db_name="a")
    url = make_url(settings.database_url)
    assert url.password == PASSWORD
    assert (url.host, url.port, url.database) == ("db", 3307, "a")`);
  }
  if (parts.broker) {
    imports.push(from('urllib.parse', 'unquote', 'urlsplit'));
    blocks.push(`def test_broker_url_from_parts_keeps_any_password() -> None:
    settings = Settings(broker_host="queue", broker_password=PASSWORD, broker_vhost="/")
    url = urlsplit(settings.broker_url)
    assert unquote(url.password or "") == PASSWORD
    assert (url.hostname, url.port, unquote(url.path[1:])) == ("queue", 5672, "/")`);
  }
  return pyModule({ doc: 'Compose passes URLs as parts; the settings build them escaped, so any password works.', imports, firstParty: [plan.pkg], blocks });
}
