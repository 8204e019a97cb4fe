/** pyproject.toml: pinned dependencies, the dev group, ruff, pytest and the import-linter contracts. */
import type { Plan } from './plan';
import { contracts } from './contracts';

/** Compatible-release pins from export.md ("current pins"), as available on PyPI for Python 3.11. */
export const PINS = {
  fastapi: 'fastapi~=0.163.0',
  uvicorn: 'uvicorn~=0.54.0',
  sqlalchemy: 'sqlalchemy[asyncio]~=2.1.0',
  alembic: 'alembic~=1.20.0',
  pydantic: 'pydantic~=2.14.0',
  pydanticSettings: 'pydantic-settings~=2.16.0',
  aiosqlite: 'aiosqlite~=0.22.0',
  psycopg: 'psycopg[binary]~=3.3.0',
  aiomysql: 'aiomysql~=0.3.0',
  redis: 'redis~=8.1.0',
  httpx: 'httpx~=0.28.0',
  pytest: 'pytest~=9.2.0',
  pytestAsyncio: 'pytest-asyncio~=1.5.0',
  ruff: 'ruff~=0.17.0',
  importLinter: 'import-linter~=2.16',
} as const;

export function dependencies(plan: Plan): string[] {
  const deps: string[] = [PINS.fastapi, PINS.uvicorn, PINS.sqlalchemy, PINS.alembic, PINS.pydantic, PINS.pydanticSettings, PINS.aiosqlite];
  if (plan.database.engine === 'postgres') deps.push(PINS.psycopg);
  if (plan.database.engine === 'mysql') deps.push(PINS.aiomysql);
  const redisBroker = plan.broker?.engine === 'redis';
  switch (plan.options.tasks) {
    case 'celery':
      deps.push(redisBroker ? 'celery[redis]~=5.7.0' : 'celery~=5.7.0');
      break;
    case 'rq':
      deps.push('rq~=2.12.0');
      break;
    case 'dramatiq':
      deps.push(redisBroker ? 'dramatiq[redis]~=2.2.0' : 'dramatiq[rabbitmq]~=2.2.0');
      break;
    case 'none':
      break;
  }
  if (plan.caches.length > 0 || (plan.broker && redisBroker)) deps.push(PINS.redis);
  if (plan.externals.length > 0) deps.push(PINS.httpx);
  return [...new Set(deps)];
}

const list = (items: readonly string[], pad = ''): string => `[\n${items.map((i) => `${pad}    ${JSON.stringify(i)},`).join('\n')}\n${pad}]`;

export function pyprojectToml(plan: Plan, modules: ReadonlySet<string>): string {
  const dev = [PINS.pytest, PINS.pytestAsyncio, PINS.httpx, PINS.ruff, PINS.importLinter];
  return `[project]
name = ${JSON.stringify(plan.pkg.replace(/_/g, '-'))}
version = "0.1.0"
description = ${JSON.stringify(`${plan.title}: a FastAPI service exported from a Strata diagram.`)}
readme = "README.md"
requires-python = ">=3.11"
dependencies = ${list(dependencies(plan))}

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

[tool.ruff.lint]
select = ["E4", "E7", "E9", "F", "I", "UP", "B"]

[tool.ruff.lint.isort]
known-first-party = [${JSON.stringify(plan.pkg)}]

[tool.pytest.ini_options]
testpaths = ["tests"]
asyncio_mode = "auto"
asyncio_default_fixture_loop_scope = "function"
addopts = "--import-mode=importlib"

# The layering the diagram promised, enforced on every run of \`lint-imports\`.
[tool.importlinter]
root_package = ${JSON.stringify(plan.pkg)}
include_external_packages = true
${contracts(plan, modules)}`;
}
