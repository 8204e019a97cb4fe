/** The imported diagram's project settings: framework, task framework, layout and name. */
import type { Framework, Layout, TaskFramework } from '../diagram';
import { packageName } from '../generate/plan/naming';
import type { Component } from './components';
import { isKindWord } from './names';
import type { SettingsFacts } from './settings-files';

const FRAMEWORK_PACKAGES: ReadonlyArray<readonly [Framework, string]> = [['django', 'django'], ['flask', 'flask'], ['fastapi', 'fastapi']];
const TASK_PACKAGES: ReadonlyArray<readonly [TaskFramework, string]> = [['celery', 'celery'], ['rq', 'rq'], ['dramatiq', 'dramatiq']];

/** The framework the routers import most; the dependencies decide when no router imports one. */
export function frameworkOf(components: readonly Component[], uses: (component: Component) => ReadonlySet<string>, settings: SettingsFacts, hasManagePy: boolean): Framework {
  return pick(FRAMEWORK_PACKAGES, components.filter((c) => c.kind === 'router'), uses, settings) ?? (hasManagePy ? 'django' : 'fastapi');
}

export function taskFrameworkOf(components: readonly Component[], uses: (component: Component) => ReadonlySet<string>, settings: SettingsFacts, anyImport: ReadonlySet<string>): TaskFramework {
  const workers = components.filter((c) => c.kind === 'worker' || c.kind === 'scheduler');
  const chosen = pick(TASK_PACKAGES, workers, uses, settings);
  if (chosen) return chosen;
  return TASK_PACKAGES.find(([, name]) => anyImport.has(name))?.[0] ?? 'none';
}

function pick<T>(choices: ReadonlyArray<readonly [T, string]>, components: readonly Component[], uses: (component: Component) => ReadonlySet<string>, settings: SettingsFacts): T | undefined {
  let best: T | undefined;
  let bestCount = 0;
  for (const [value, name] of choices) {
    const count = components.filter((c) => uses(c).has(name)).length;
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best ?? choices.find(([, name]) => settings.dependencies.has(name))?.[0];
}

/**
 * Feature packages make a feature layout; a module of its own for every component (under layer
 * packages) a layered one; one component sharing a module named for its layer (`models.py`)
 * makes it flat, as flat layouts put a layer in one module where it is small.
 */
export function layoutOf(components: readonly Component[]): Exclude<Layout, 'auto'> {
  if (components.some((c) => c.feature !== undefined)) return 'feature';
  // Schedulers made of jobs live where the task framework keeps its schedule, in any layout.
  const placed = components.filter((c) => !c.scheduled);
  const own = placed.filter((c) => !c.definition && !isKindWord(c.anchor.split('.').pop()!)).length;
  return own > 0 && own === placed.length ? 'layered' : 'flat';
}

/** Package names that say "the code" rather than what the project is (`app/`, `backend/`). */
const GENERIC_NAMES: ReadonlySet<string> = new Set(['app', 'apps', 'src', 'backend', 'server', 'application', 'project', 'main', 'source', 'code', 'web', 'website', 'service']);

/**
 * The project's own name: its single top-level package, else pyproject's name, else the
 * folder's; a generic name (`app`, as microblog's and the FastAPI template's package are called)
 * gives way to the next.
 */
export function projectNameOf(components: readonly Component[], settings: SettingsFacts, folderName: string): string {
  const tops = new Set(components.map((c) => c.anchor.split('.')[0]!));
  const top = tops.size === 1 ? [...tops][0]! : undefined;
  const candidates = [top && !isKindWord(top) ? top : undefined, settings.projectName && packageName(settings.projectName), packageName(folderName)];
  const named = candidates.filter((c): c is string => !!c);
  return named.find((name) => !GENERIC_NAMES.has(name)) ?? named[0]!;
}
