/** pyproject.toml: pinned dependencies, the dev group, ruff, pytest and the import-linter contracts. */
import type { Modules } from '../modules';
import type { Plan } from '../plan/plan';
import type { FrameworkWriter } from '../writer';
import { contracts } from './contracts';
import { tomlString } from './escape';

/** Exact pins (export.md's current pins, newest patches, resolved together on Python 3.11) that every framework shares. */
export const PINS = {
  redis: 'redis==8.1.0',
  httpx: 'httpx==0.28.1',
  pytest: 'pytest==9.2.0',
  ruff: 'ruff==0.17.6',
  importLinter: 'import-linter==2.17',
} as const;

/** The task framework's package, with the extra its broker needs. */
function taskDependencies(plan: Plan): string[] {
  const redisBroker = plan.broker?.engine === 'redis';
  switch (plan.options.tasks) {
    case 'celery':
      return [redisBroker ? 'celery[redis]==5.7.0' : 'celery==5.7.0'];
    case 'rq':
      return ['rq==2.12.0'];
    case 'dramatiq':
      return [redisBroker ? 'dramatiq[redis]==2.2.1' : 'dramatiq[rabbitmq]==2.2.1'];
    case 'none':
      return [];
  }
}

export function dependencies(plan: Plan, writer: FrameworkWriter): string[] {
  const deps = [...writer.dependencies(plan), ...taskDependencies(plan)];
  if (plan.caches.length > 0 || plan.broker?.engine === 'redis') deps.push(PINS.redis);
  if (plan.externals.length > 0) deps.push(PINS.httpx);
  return [...new Set(deps)];
}

const inline = (items: readonly string[]): string => `[${items.map((i) => JSON.stringify(i)).join(', ')}]`;
const list = (items: readonly string[], pad = ''): string => `[\n${items.map((i) => `${pad}    ${JSON.stringify(i)},`).join('\n')}\n${pad}]`;

export function pyprojectToml(plan: Plan, writer: FrameworkWriter, modules: Modules, existing: ReadonlySet<string>): string {
  const own = typeof writer.testDependencies === 'function' ? writer.testDependencies(plan) : writer.testDependencies;
  const dev = [PINS.pytest, ...own, PINS.ruff, PINS.importLinter];
  return `[project]
name = ${JSON.stringify(plan.pkg.replace(/_/g, '-'))}
version = "0.1.0"
description = ${tomlString(`${plan.title}: a ${writer.name} service exported from a Strata diagram.`)}
readme = "README.md"
requires-python = ">=3.11"
dependencies = ${list(dependencies(plan, writer))}

[dependency-groups]
dev = ${list(dev)}

[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[tool.hatch.build.targets.wheel]
packages = ["src/${plan.pkg}"]

[tool.ruff]
line-length = 88
target-version = "py311"
src = ["src", "tests"]
${writer.lint?.exclude.length ? `extend-exclude = ${inline(writer.lint.exclude)}\n` : ''}
[tool.ruff.lint]
select = ${inline(['E4', 'E7', 'E9', 'F', 'I', 'UP', 'B', ...(writer.lint?.select ?? [])])}
${writer.lint?.ignore.length ? `ignore = ${inline(writer.lint.ignore)}\n` : ''}
[tool.ruff.lint.isort]
known-first-party = [${JSON.stringify(plan.pkg)}]

[tool.pytest.ini_options]
${(writer.pytestOptions?.(plan) ?? []).map((line) => `${line}\n`).join('')}testpaths = ["tests"]
${writer.pytestSettings.map((line) => `${line}\n`).join('')}addopts = "--import-mode=importlib"

# The layering the diagram promised, enforced on every run of \`lint-imports\`.
[tool.importlinter]
root_package = ${JSON.stringify(plan.pkg)}
include_external_packages = true
${writer.contracts ? writer.contracts(plan, modules, existing) : contracts(plan, writer, modules, existing)}`;
}
