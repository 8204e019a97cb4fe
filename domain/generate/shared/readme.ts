/**
 * README.md: how to run the project, step by step, and how to check it. Each step is a `###`
 * heading followed by one `sh` block, so a reader follows it and a tool can run exactly the
 * same commands (the verify suite does: `readmeSteps()` reads them back).
 */
import type { Modules } from '../modules';
import type { Plan } from '../plan/plan';
import type { Commands, Explained, FrameworkWriter } from '../writer';
import { mermaid, notesMarkdown } from './docs';
import { markdownText } from './escape';
import { localDatabaseUrl } from './settings';

/** The README's step headings; tools find steps by these names. */
export const STEPS = {
  install: 'Install',
  configure: 'Configure',
  migrate: 'Migrate',
  serve: 'Serve',
  worker: 'Start a worker',
  scheduler: 'Start the scheduler',
  tests: 'Tests',
  lint: 'Lint',
  contracts: 'Contracts',
  migrations: 'Migrations',
} as const;

/** The checks of "Check it", by README step: what the README shows and the CI workflow runs. */
export function checkCommands(commands: Commands): { readonly tests: Explained[]; readonly lint: Explained[]; readonly contracts: Explained[]; readonly migrations: Explained[] } {
  return {
    tests: [commands.test],
    lint: [{ command: 'ruff check . && ruff format --check .', why: '' }],
    contracts: [{ command: 'lint-imports', why: 'the layering the diagram promised' }],
    migrations: [{ command: commands.migrate.join(' '), why: 'apply every migration' }, ...commands.migrationChecks, commands.rollback],
  };
}

/** The README's Install step after the virtual environment: what CI runs in its own Python. */
export const INSTALL_COMMANDS = ['pip install --upgrade "pip>=25.1"', 'pip install -e . --group dev'] as const;

/** Commands with their reasons aligned in one column, as a shell block shows them. */
function explained(lines: readonly Explained[]): string {
  return lines.map((l) => (l.why ? `${l.command.padEnd(22)} # ${l.why}` : l.command)).join('\n');
}

const block = (text: string): string => `\`\`\`sh\n${text}\n\`\`\``;

/** The task framework's worker, started from the task app module. */
function workerCommand(plan: Plan, writer: FrameworkWriter, modules: Modules): string {
  if (plan.workers.length === 0 || !plan.broker) return '';
  const processes = writer.processes?.(plan, modules);
  if (processes) return processes.filter((p) => p.kind === 'worker').map((p) => p.local).join('\n');
  return {
    celery: `celery -A ${modules.taskApp} worker --loglevel INFO`,
    rq: `rq worker --url "$BROKER_URL" ${plan.pkg}`,
    dramatiq: `dramatiq ${modules.taskApp} --processes 1`,
    none: '',
  }[plan.options.tasks];
}

function taskWords(plan: Plan): string {
  if (plan.options.tasks === 'none') return '';
  const name = plan.options.tasks === 'rq' ? 'RQ' : plan.options.tasks[0]!.toUpperCase() + plan.options.tasks.slice(1);
  return `, ${name} workers`;
}

/** What the contracts in pyproject.toml hold, in the words of this layout. */
function enforced(plan: Plan, modules: Modules, writer: FrameworkWriter): string {
  const wiring = modules.wiring.map((w) => `\`${w}\``).join(', ');
  const shared: Record<Plan['layout'], string> = {
    layered: '',
    feature: ' Components of one kind in one feature share a module, so inside a feature the contracts tell kinds apart, not components of one kind.',
    flat: ' In the flat layout components of one kind share a module, so the contracts tell kinds apart, not components of one kind.',
  };
  return `The contracts in \`pyproject.toml\` hold the layers in the drawn order (an import upward breaks them), keep web and queue frameworks out of the business layers, and give every component module one contract: only the modules of the components drawn with an arrow into it, and the wiring (${wiring}), may import it. An import between two components the diagram does not connect breaks a contract, in every layer.${writer.impliedImports ? ` ${writer.impliedImports.why}` : ''}${shared[plan.layout]}`;
}

/** The scheduler process, when the writer runs one (each scheduler node's schedule is a setting). */
function schedulerStep(plan: Plan, writer: FrameworkWriter, modules: Modules): string {
  const scheduler = writer.processes?.(plan, modules).filter((p) => p.kind === 'scheduler') ?? [];
  if (scheduler.length === 0) return '';
  const settings = plan.schedulers.map((s) => `\`${s.scheduleSetting}\``).join(', ');
  return `### 6. ${STEPS.scheduler}\n\nIn a third shell, likewise; it enqueues each scheduler's work at its schedule (${settings} in \`.env\`: a cron expression in UTC, or a number of seconds), and a worker runs it:\n\n${block(scheduler.map((p, i) => (i < scheduler.length - 1 ? `${p.local} &` : p.local)).join('\n'))}`;
}

export function readme(plan: Plan, writer: FrameworkWriter, modules: Modules): string {
  const commands = writer.commands(plan);
  const worker = workerCommand(plan, writer, modules);
  const scheduler = schedulerStep(plan, writer, modules);
  const broker = plan.broker ? ` and \`BROKER_URL\` to your ${plan.broker.engine === 'rabbitmq' ? 'RabbitMQ' : 'Redis'}` : '';
  const steps = [
    `### 1. ${STEPS.install}\n\n${block(['python -m venv .venv && . .venv/bin/activate', ...INSTALL_COMMANDS].join('\n'))}`,
    `### 2. ${STEPS.configure}\n\n${block('cp .env.example .env')}\n\nThen edit \`.env\`, which lists every setting with a placeholder: set \`DATABASE_URL\` to your database (\`${localDatabaseUrl(plan, writer.databaseSchemes)}\` for a local SQLite file)${broker}.`,
    `### 3. ${STEPS.migrate}\n\n${block(commands.migrate.join(' '))}`,
    `### 4. ${STEPS.serve}\n\n${block(commands.serveLocally)}\n\n${writer.browseHint}\`/health\` and \`/health/ready\` report liveness and readiness.`,
    ...(worker ? [`### 5. ${STEPS.worker}\n\nIn another shell, in this folder, with the virtual environment activated:\n\n${block(worker)}${writer.brokerDown ? `\n\n${writer.brokerDown}` : ''}`] : []),
    ...(worker && scheduler ? [scheduler] : []),
  ];
  const check = checkCommands(writer.commands(plan));
  const checks = [
    `### ${STEPS.tests}\n\n${block(explained(check.tests))}`,
    `### ${STEPS.lint}\n\n${block(explained(check.lint))}`,
    `### ${STEPS.contracts}\n\n${block(explained(check.contracts))}\n\n${enforced(plan, modules, writer)}`,
    `### ${STEPS.migrations}\n\n${block(explained(check.migrations))}`,
  ];
  return `# ${markdownText(plan.title)}

A ${writer.name} service exported from a Strata diagram: ${writer.stack}${taskWords(plan)}, in the **${plan.layout}** layout.

Every step below is one shell block, run from the project folder: the steps of "Run it locally"
in order, in one shell; the checks once it is installed and configured.

## Run it locally

${steps.join('\n\n')}

## Check it

${checks.join('\n\n')}

## Run everything with Docker Compose

${block('cp .env.example .env   # set every password; compose refuses to start without them\ndocker compose up --build')}

A one-shot \`migrate\` service applies the migrations before the API${worker ? ' and the worker' : ''} start.

## Architecture

An arrow means "depends on": the code at its tail imports the code at its head.

${mermaid(plan)}
${plan.notes.length > 0 ? `\n### Notes on the diagram\n\n${notesMarkdown(plan.notes)}\n` : ''}`;
}

export interface ReadmeStep {
  readonly section: string;
  readonly title: string;
  /** The lines of the step's first `sh` block. */
  readonly commands: readonly string[];
}

/**
 * The steps of a README written by `readme()`, as a tool reads them: every `###` heading (its
 * number dropped) with the lines of the first `sh` block beneath it.
 */
export function readmeSteps(text: string): ReadmeStep[] {
  const steps: ReadmeStep[] = [];
  let section = '';
  let current: { title: string; lines: string[] | undefined; done: boolean } | undefined;
  let inBlock = false;
  const flush = (): void => {
    if (current?.lines) steps.push({ section, title: current.title, commands: current.lines });
    current = undefined;
  };
  for (const line of text.split('\n')) {
    if (inBlock) {
      if (line === '```') {
        inBlock = false;
        if (current) current.done = true;
      } else if (current && !current.done) current.lines!.push(line);
      continue;
    }
    if (line.startsWith('```')) {
      inBlock = true;
      if (current && !current.done && current.lines === undefined && line === '```sh') current.lines = [];
      else if (current && current.lines === undefined) current.done = true;
      continue;
    }
    if (line.startsWith('## ')) {
      flush();
      section = line.slice(3).trim();
    } else if (line.startsWith('### ')) {
      flush();
      current = { title: line.slice(4).replace(/^\d+\.\s*/, '').trim(), lines: undefined, done: false };
    }
  }
  flush();
  return steps;
}
