/** README.md (how to run it, the architecture as Mermaid) and .env.example. */
import type { Modules } from '../modules';
import type { Plan } from '../plan/plan';
import type { Explained, FrameworkWriter } from '../writer';
import { localDatabaseUrl, settingsFields } from './settings';

/** Commands with their reasons aligned in one column, as a shell block shows them. */
function explained(lines: readonly Explained[]): string {
  return lines.map((l) => (l.why ? `${l.command.padEnd(22)} # ${l.why}` : l.command)).join('\n');
}

function mermaid(plan: Plan): string {
  const id = (n: { kind: string; snake: string }): string => `${n.kind}_${n.snake.replace(/_+$/, '')}`;
  const label = (text: string): string => text.replace(/["<>[\]{}()|`]/g, ' ').replace(/\s+/g, ' ').trim() || '?';
  const nodes = new Map<string, string>();
  const shapes: Record<string, [string, string]> = { database: ['[(', ')]'], broker: ['[/', '/]'], cache: ['[(', ')]'], external: ['{{', '}}'] };
  const all = [...plan.routers, ...plan.workers, ...plan.schedulers, ...plan.services, ...plan.repositories, ...plan.models, ...plan.databases, ...plan.brokers, ...plan.caches, ...plan.externals];
  for (const n of all) {
    const [open, close] = shapes[n.kind] ?? ['[', ']'];
    nodes.set(id(n), `    ${id(n)}${open}"${label(n.label)} (${n.kind})"${close}`);
  }
  const edges = plan.edges.map((e) => `    ${id(e.source)} --> ${id(e.target)}`);
  return ['```mermaid', 'graph TD', ...nodes.values(), ...edges, '```'].join('\n');
}

export function readme(plan: Plan, writer: FrameworkWriter, modules: Modules): string {
  const pkg = plan.pkg;
  const commands = writer.commands(plan);
  const worker = plan.workers.length > 0 && plan.broker
    ? {
        celery: `celery -A ${modules.taskApp} worker --loglevel INFO`,
        rq: `rq worker --url "$BROKER_URL" ${pkg}`,
        dramatiq: `dramatiq ${modules.taskApp} --processes 1`,
        none: '',
      }[plan.options.tasks]
    : '';
  return `# ${plan.title}

A ${writer.name} service exported from a Strata diagram: ${writer.stack}${plan.options.tasks !== 'none' ? `, ${plan.options.tasks === 'rq' ? 'RQ' : plan.options.tasks[0]!.toUpperCase() + plan.options.tasks.slice(1)} workers` : ''}, in the **${plan.layout}** layout.

## Run it locally (SQLite)

\`\`\`sh
python -m venv .venv && . .venv/bin/activate
pip install --upgrade "pip>=25.1"
pip install -e . --group dev
cp .env.example .env   # then set DATABASE_URL=${localDatabaseUrl(plan, writer.databaseSchemes)} for a local file
${commands.migrate.join(' ')}
${commands.serveLocally}
\`\`\`
${worker ? `\nIn another shell, start a worker (it needs the broker in BROKER_URL):\n\n\`\`\`sh\n${worker}\n\`\`\`\n` : ''}
${writer.browseHint}\`/health\` and \`/health/ready\` report liveness and readiness.

## Run everything with Docker Compose

\`\`\`sh
cp .env.example .env   # set every password; compose refuses to start without them
docker compose up --build
\`\`\`

A one-shot \`migrate\` service applies the migrations before the API${worker ? ' and the worker' : ''} start.

## Checks

\`\`\`sh
${explained([commands.test, { command: 'ruff check . && ruff format --check .', why: '' }, { command: 'lint-imports', why: 'the layering the diagram promised' }, ...commands.migrationChecks])}
\`\`\`

## Architecture

An arrow means "depends on": the code at its tail imports the code at its head.

${mermaid(plan)}
`;
}

export function envExample(plan: Plan, writer: FrameworkWriter): string {
  const lines = ['# Copy to .env and fill in. Placeholders only: never commit real secrets.'];
  for (const f of settingsFields(plan, writer.databaseSchemes)) lines.push(`${f.name.toUpperCase()}=${f.example}`);
  if (plan.database.engine === 'postgres') lines.push('', '# docker compose', 'POSTGRES_PASSWORD=change-me');
  if (plan.database.engine === 'mysql') lines.push('', '# docker compose', 'MARIADB_PASSWORD=change-me', 'MARIADB_ROOT_PASSWORD=change-me-too');
  if (plan.broker?.engine === 'rabbitmq') lines.push('RABBITMQ_PASSWORD=change-me');
  return `${lines.join('\n')}\n`;
}
