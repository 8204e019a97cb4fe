/**
 * The tree the import benchmark reads: 650 modules, about 4 MB of Python, shaped like a large
 * feature-based service (50 features, each with routes, services, repositories, models, schemas,
 * tasks and helpers), with imports at the top, inside functions and under TYPE_CHECKING.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const FEATURES = 50;
const AREAS = ['routes', 'services', 'repositories', 'models', 'schemas', 'tasks', 'selectors', 'clients', 'helpers', 'validators', 'events', 'permissions'];
/** Bytes of body each module is grown to: 650 modules of about 6.2 kB make 4 MB. */
const MODULE_BYTES = 6_250;

function body(feature: number, area: string): string {
  const lines: string[] = [];
  let method = 0;
  while (lines.join('\n').length < MODULE_BYTES) {
    lines.push(
      `    async def ${area}_step_${method}(self, item_id: int, payload: dict[str, object] | None = None) -> dict[str, object]:`,
      `        """Step ${method} of ${area} for feature ${feature}: validates, loads and returns the item."""`,
      `        if payload is None:`,
      `            payload = {"id": item_id, "feature": "${feature}", "area": "${area}"}`,
      `        values = [value for value in payload.values() if value is not None]`,
      `        total = sum(len(str(value)) for value in values) + ${method}`,
      `        self._log.debug("%s %s -> %s", "${area}", item_id, total)`,
      `        return {"item": item_id, "total": total, "values": values}`,
      '',
    );
    method++;
  }
  return lines.join('\n');
}

function imports(feature: number, area: string): string {
  const next = (feature + 1) % FEATURES;
  const down: Record<string, string[]> = {
    routes: ['services', 'schemas', 'tasks'],
    services: ['repositories', 'clients', 'tasks', 'events'],
    repositories: ['models', 'selectors'],
    tasks: ['services'],
    selectors: ['models'],
  };
  const lines = ['import logging', 'from typing import TYPE_CHECKING', '', 'import httpx', 'from sqlalchemy import select', ''];
  for (const target of down[area] ?? ['helpers']) lines.push(`from bigshop.feature_${feature}.${target} import ${target.replace(/s$/, '').replace(/^./, (c) => c.toUpperCase())}Thing`);
  lines.push(`from bigshop.feature_${next}.${area === 'models' ? 'models' : 'services'} import SharedThing`);
  lines.push('from bigshop.core.config import get_settings', '', 'if TYPE_CHECKING:', `    from bigshop.feature_${next}.schemas import SchemaThing`, '');
  return lines.join('\n');
}

/** Every file of the tree, path → text. */
export function benchTree(): Map<string, string> {
  const files = new Map<string, string>();
  files.set('pyproject.toml', '[project]\nname = "bigshop"\ndependencies = ["fastapi", "sqlalchemy", "psycopg", "celery[redis]", "httpx"]\n');
  files.set('src/bigshop/__init__.py', '');
  files.set('src/bigshop/core/__init__.py', '');
  files.set('src/bigshop/core/config.py', 'def get_settings():\n    return {}\n');
  for (let feature = 0; feature < FEATURES; feature++) {
    files.set(`src/bigshop/feature_${feature}/__init__.py`, `"""Feature ${feature}."""\n`);
    for (const area of AREAS) {
      const name = `${area.replace(/s$/, '').replace(/^./, (c) => c.toUpperCase())}Thing`;
      const text = `"""${area} of feature ${feature}."""\n${imports(feature, area)}\n\nclass ${name}:\n    def __init__(self) -> None:\n        self._log = logging.getLogger(__name__)\n\n    def lazy(self) -> object:\n        from bigshop.core import config\n        return config\n\n${body(feature, area)}\n`;
      files.set(`src/bigshop/feature_${feature}/${area}.py`, text);
    }
  }
  return files;
}

export async function writeBenchTree(folder: string): Promise<{ modules: number; bytes: number }> {
  let modules = 0;
  let bytes = 0;
  for (const [path, text] of benchTree()) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), text);
    if (path.endsWith('.py')) {
      modules++;
      bytes += Buffer.byteLength(text);
    }
  }
  return { modules, bytes };
}
