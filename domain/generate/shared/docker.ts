/** The Dockerfile (a build stage with the venv, a slim non-root runtime) and the ignore files. */
import type { Plan } from '../plan/plan';
import type { FrameworkWriter } from '../writer';
import { execForm } from './compose';

export function dockerfile(plan: Plan, writer: FrameworkWriter): string {
  const extra = writer.docker?.(plan);
  const env = extra?.env.length ? ` \\\n    ${extra.env.join(' \\\n    ')}` : '';
  const run = extra?.run.map((line) => `${line}\n`).join('') ?? '';
  return `# syntax=docker/dockerfile:1
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /app
# Dependencies first, in a layer rebuilt only when pyproject.toml changes (an empty package
# stands in for the source), then the project itself without touching them.
COPY pyproject.toml README.md ./
RUN mkdir -p src/${plan.pkg} && touch src/${plan.pkg}/__init__.py && pip install .
COPY src ./src
RUN pip install --no-deps --force-reinstall .

FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1${env}
RUN useradd --create-home --uid 10001 app
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
${writer.dockerCopies.map((line) => `COPY ${line}\n`).join('')}${run}RUN mkdir -p /data && chown app:app /data
USER app
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \\
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4)"
CMD ${execForm(writer.commands(plan).serve)}
`;
}

export const GITIGNORE = `__pycache__/
*.py[cod]
.venv/
.env
*.db
*.sqlite3
.pytest_cache/
.ruff_cache/
.import_linter_cache/
dist/
build/
*.egg-info/
`;

export const DOCKERIGNORE = `.git
.venv
.env
__pycache__
*.py[cod]
*.db
*.sqlite3
.pytest_cache
.ruff_cache
.import_linter_cache
tests
`;
