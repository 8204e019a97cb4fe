/** docker-compose.yml: the drawn topology, with the writer's commands for migrating and serving. */
import type { Modules } from '../modules';
import type { InfraPlan, Plan } from '../plan/plan';
import { docText } from '../python/py';
import type { FrameworkWriter } from '../writer';
import { cacheSetting, type Schemes } from './settings';

const q = (text: string): string => JSON.stringify(text);

interface ComposeService {
  readonly name: string;
  readonly lines: string[];
}

/** The worker process in a container: the task framework's own command, given the task app. */
function workerCommand(plan: Plan, taskApp: string, taskModules: readonly string[]): string[] {
  switch (plan.options.tasks) {
    case 'celery':
      return ['celery', '-A', taskApp, 'worker', '--loglevel', 'INFO', '--concurrency', '2'];
    case 'rq':
      return ['sh', '-c', `rq worker --url "$$BROKER_URL" ${plan.pkg}`];
    case 'dramatiq':
      return ['dramatiq', taskApp, ...taskModules, '--processes', '1', '--threads', '4'];
    case 'none':
      return [];
  }
}

export function dbUrlForCompose(plan: Plan, schemes: Schemes): string {
  const host = plan.database.node?.compose ?? 'db';
  switch (plan.database.engine) {
    case 'postgres':
      return `${schemes.postgres}://app:\${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}@${host}:5432/${plan.pkg}`;
    case 'mysql':
      return `${schemes.mysql}://app:\${MARIADB_PASSWORD:?set MARIADB_PASSWORD in .env}@${host}:3306/${plan.pkg}`;
    case 'sqlite':
      return `${schemes.sqlite}:////data/${plan.pkg}.db`;
  }
}

function brokerUrlForCompose(plan: Plan): string | undefined {
  if (!plan.broker) return undefined;
  const host = plan.broker.node?.compose ?? 'broker';
  if (plan.broker.engine === 'rabbitmq') {
    const vhost = plan.options.tasks === 'dramatiq' ? '%2F' : '/';
    return `amqp://app:\${RABBITMQ_PASSWORD:?set RABBITMQ_PASSWORD in .env}@${host}:5672/${vhost}`;
  }
  return `redis://${host}:6379/0`;
}

function infraService(plan: Plan, node: InfraPlan, volumes: string[]): ComposeService {
  const volume = `${node.compose}-data`;
  volumes.push(volume);
  const lines: string[] = [];
  if (node.kind === 'database' && node.engine === 'postgres') {
    lines.push('image: postgres:17', 'environment:', '  POSTGRES_USER: app', `  POSTGRES_PASSWORD: \${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}`, `  POSTGRES_DB: ${plan.pkg}`);
    lines.push('healthcheck:', `  test: ["CMD-SHELL", "pg_isready -U app -d ${plan.pkg}"]`);
    lines.push('volumes:', `  - ${volume}:/var/lib/postgresql/data`);
  } else if (node.kind === 'database' && node.engine === 'mysql') {
    lines.push('image: mariadb:11', 'environment:', '  MARIADB_USER: app', `  MARIADB_PASSWORD: \${MARIADB_PASSWORD:?set MARIADB_PASSWORD in .env}`, `  MARIADB_ROOT_PASSWORD: \${MARIADB_ROOT_PASSWORD:?set MARIADB_ROOT_PASSWORD in .env}`, `  MARIADB_DATABASE: ${plan.pkg}`);
    lines.push('healthcheck:', '  test: ["CMD", "healthcheck.sh", "--connect", "--innodb_initialized"]');
    lines.push('volumes:', `  - ${volume}:/var/lib/mysql`);
  } else if (node.kind === 'broker' && node.engine === 'rabbitmq') {
    lines.push('image: rabbitmq:4-alpine', 'environment:', '  RABBITMQ_DEFAULT_USER: app', `  RABBITMQ_DEFAULT_PASS: \${RABBITMQ_PASSWORD:?set RABBITMQ_PASSWORD in .env}`);
    lines.push('healthcheck:', '  test: ["CMD", "rabbitmq-diagnostics", "-q", "ping"]');
    lines.push('volumes:', `  - ${volume}:/var/lib/rabbitmq`);
  } else {
    lines.push('image: redis:7-alpine', 'healthcheck:', '  test: ["CMD", "redis-cli", "ping"]', 'volumes:', `  - ${volume}:/data`);
  }
  return { name: node.compose, lines: withTiming(lines) };
}

/** A command in exec form, as compose and the Dockerfile write it: `["alembic", "upgrade", "head"]`. */
export function execForm(command: readonly string[]): string {
  return `[${command.map(q).join(', ')}]`;
}

/** Adds the timing keys right under the healthcheck's test. */
function withTiming(lines: string[]): string[] {
  const out = [...lines];
  const at = out.findIndex((l) => l.startsWith('  test:'));
  out.splice(at + 1, 0, '  interval: 5s', '  timeout: 5s', '  retries: 10');
  return out;
}

/** A YAML scalar: plain when it is safe, else double-quoted. */
function scalar(value: string): string {
  return /^[A-Za-z0-9_./:-]+$/.test(value) && !/^[0-9.]+$/.test(value) && !['true', 'false', 'yes', 'no', 'null', 'on', 'off'].includes(value.toLowerCase()) ? value : q(value);
}

export function composeYaml(plan: Plan, writer: FrameworkWriter, modules: Modules): string {
  const taskApp = modules.taskApp;
  const shared = writer.environment?.(plan).filter((s) => s.compose !== undefined);
  const taskModules = [...new Set(plan.workers.map((w) => modules.of('tasks', w)))];
  const commands = writer.commands(plan);
  const volumes: string[] = [];
  const infra = [...(plan.database.engine === 'sqlite' ? [] : plan.databases.filter((d) => d === plan.database.node)), ...(plan.broker?.node ? [plan.broker.node] : []), ...plan.caches];
  const infraServices = infra.map((n) => infraService(plan, n, volumes));
  const healthyDeps = infraServices.map((s) => s.name);
  const env = shared ? ['environment: *app-environment'] : ['environment:', `  DATABASE_URL: ${q(dbUrlForCompose(plan, writer.databaseSchemes))}`];
  const broker = shared ? undefined : brokerUrlForCompose(plan);
  if (broker) env.push(`  BROKER_URL: ${q(broker)}`);
  if (!shared) plan.caches.forEach((c, i) => env.push(`  ${cacheSetting(c).toUpperCase()}: ${q(`redis://${c.compose}:6379/${i}`)}`));
  const sqliteVolume = plan.database.engine === 'sqlite' ? ['volumes:', `  - sqlite-data:/data`] : [];
  if (sqliteVolume.length) volumes.push('sqlite-data');
  const dependsOn = (extra: Array<[string, string]>): string[] => {
    const all: Array<[string, string]> = [...healthyDeps.map((d): [string, string] => [d, 'service_healthy']), ...extra];
    return all.length === 0 ? [] : ['depends_on:', ...all.flatMap(([name, condition]) => [`  ${name}:`, `    condition: ${condition}`])];
  };
  const app: ComposeService[] = [
    {
      name: 'migrate',
      lines: ['build: .', `command: ${execForm(commands.migrate)}`, 'restart: "no"', ...env, ...sqliteVolume, ...dependsOn([]), 'healthcheck:', `  test: ${execForm(['CMD', ...commands.migrationStatus])}`, '  interval: 10s', '  timeout: 5s', '  retries: 3'],
    },
    {
      name: 'api',
      lines: ['build: .', 'ports:', '  - "8000:8000"', ...env, ...sqliteVolume, ...dependsOn([['migrate', 'service_completed_successfully']]), 'healthcheck:', '  test: ["CMD", "python", "-c", "import urllib.request; urllib.request.urlopen(\'http://127.0.0.1:8000/health/ready\', timeout=4)"]', '  interval: 10s', '  timeout: 5s', '  retries: 5', '  start_period: 10s'],
    },
  ];
  const processes = writer.processes?.(plan, modules);
  for (const p of processes ?? []) {
    const timing = p.kind === 'worker' ? ['  interval: 30s', '  timeout: 15s', '  retries: 3', '  start_period: 20s'] : ['  interval: 60s', '  timeout: 15s', '  retries: 3', '  start_period: 30s'];
    app.push({ name: p.service, lines: ['build: .', `command: ${execForm(p.command)}`, ...env, ...sqliteVolume, ...dependsOn([['migrate', 'service_completed_successfully']]), 'healthcheck:', `  test: ${execForm(p.healthcheck)}`, ...timing] });
  }
  if (!processes && plan.broker && plan.workers.length > 0) {
    const command = workerCommand(plan, taskApp, taskModules);
    const check = plan.options.tasks === 'celery'
      ? ['healthcheck:', `  test: ["CMD-SHELL", "celery -A ${taskApp} inspect ping -d celery@$$HOSTNAME"]`, '  interval: 30s', '  timeout: 10s', '  retries: 3']
      : ['healthcheck:', `  test: ["CMD", "python", "-c", "import ${taskApp}"]`, '  interval: 30s', '  timeout: 10s', '  retries: 3'];
    app.push({ name: 'worker', lines: ['build: .', `command: ${execForm(command)}`, ...env, ...sqliteVolume, ...dependsOn([['migrate', 'service_completed_successfully']]), ...check] });
  }
  for (const s of plan.broker && !processes ? plan.schedulers : []) {
    const module = modules.of('tasks', s);
    app.push({ name: `scheduler-${s.snake.replace(/_+$/, '').replace(/_/g, '-')}`, lines: ['build: .', `command: ["python", "-m", ${q(module)}]`, ...env, ...sqliteVolume, ...dependsOn([['migrate', 'service_completed_successfully']]), 'healthcheck:', `  test: ["CMD", "python", "-c", "import ${module}"]`, '  interval: 30s', '  timeout: 10s', '  retries: 3'] });
  }
  const services = [...app, ...infraServices];
  const body = services.map((s) => `  ${s.name}:\n${s.lines.map((l) => `    ${l}`).join('\n')}`).join('\n\n');
  const vols = volumes.length ? `\nvolumes:\n${volumes.map((v) => `  ${v}:`).join('\n')}\n` : '';
  const anchor = shared ? `x-app-environment: &app-environment\n${shared.map((e) => `  ${e.name}: ${scalar(e.compose!)}`).join('\n')}\n\n` : '';
  return `# ${docText(plan.title)}: the drawn topology. Secrets come from .env (see .env.example).\n${anchor}services:\n${body}\n${vols}`;
}
