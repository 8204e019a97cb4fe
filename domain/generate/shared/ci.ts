/**
 * .github/workflows/ci.yml: the project's own CI (export.md), running the README's checks with
 * the same commands — lint, contracts, tests, and the migrations round trip against the drawn
 * database engine in a service container (SQLite: a file).
 */
import type { Plan } from '../plan/plan';
import type { Explained, FrameworkWriter } from '../writer';
import { checkCommands, INSTALL_COMMANDS, STEPS } from './readme';

const q = (text: string): string => JSON.stringify(text);

/** The database service container and the URL the checks reach it by. */
function database(plan: Plan, writer: FrameworkWriter): { service: string[]; url: string } {
  const name = plan.pkg;
  switch (plan.database.engine) {
    case 'postgres':
      return {
        url: `${writer.databaseSchemes.postgres}://app:app@127.0.0.1:5432/${name}`,
        service: [
          'postgres:',
          '  image: postgres:17',
          '  env:',
          '    POSTGRES_USER: app',
          '    POSTGRES_PASSWORD: app',
          `    POSTGRES_DB: ${q(name)}`,
          '  ports:',
          '    - "5432:5432"',
          `  options: '--health-cmd "pg_isready -U app" --health-interval 5s --health-timeout 5s --health-retries 10'`,
        ],
      };
    case 'mysql':
      return {
        url: `${writer.databaseSchemes.mysql}://app:app@127.0.0.1:3306/${name}`,
        service: [
          'mariadb:',
          '  image: mariadb:11',
          '  env:',
          '    MARIADB_USER: app',
          '    MARIADB_PASSWORD: app',
          '    MARIADB_ROOT_PASSWORD: root',
          `    MARIADB_DATABASE: ${q(name)}`,
          '  ports:',
          '    - "3306:3306"',
          `  options: '--health-cmd "healthcheck.sh --connect --innodb_initialized" --health-interval 5s --health-timeout 5s --health-retries 10'`,
        ],
      };
    case 'sqlite':
      return { url: `${writer.databaseSchemes.sqlite}:///./${name}.db`, service: [] };
  }
}

/** A step running shell lines; a step's commands are the README step's, reasons dropped. */
function step(name: string, lines: readonly Explained[] | readonly string[]): string {
  const commands = lines.map((l) => (typeof l === 'string' ? l : l.command));
  return `      - name: ${name}\n        run: |\n${commands.map((c) => `          ${c}`).join('\n')}`;
}

export function ciWorkflow(plan: Plan, writer: FrameworkWriter): string {
  const checks = checkCommands(writer.commands(plan));
  const db = database(plan, writer);
  const services = db.service.length > 0 ? `    services:\n${db.service.map((l) => `      ${l}`).join('\n')}\n` : '';
  return `# The checks of the README's "Check it", on every push and pull request.
name: CI

on:
  push:
  pull_request:

jobs:
  check:
    runs-on: ubuntu-latest
${services}    env:
      DATABASE_URL: ${q(db.url)}
    steps:
      - uses: actions/checkout@v5
      - uses: actions/setup-python@v6
        with:
          python-version: "3.11"
${step(STEPS.install, INSTALL_COMMANDS)}
${step(STEPS.lint, checks.lint)}
${step(STEPS.contracts, checks.contracts)}
${step(STEPS.tests, checks.tests)}
${step(STEPS.migrations, checks.migrations)}
`;
}
