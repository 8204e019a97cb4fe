/**
 * The one place the verify suite knows anything per framework, and all of it comes from the
 * generator's writer (its Modules view and framework modules), never restated here. How to
 * install, configure, migrate, serve, test and lint is in each exported README.
 */
import { join } from 'node:path';
import { pathOf, type Modules } from '../../domain/generate/modules';
import type { Plan } from '../../domain/generate/plan/plan';
import { WRITERS } from '../../domain/generate/writers';
import type { FrameworkWriter } from '../../domain/generate/writer';
import type { Exported } from './project.test';

export function writerOf(plan: Plan): FrameworkWriter {
  const writer = WRITERS[plan.options.framework];
  if (!writer) throw new Error(`no writer exports ${plan.options.framework}`);
  return writer;
}

export function modulesOf(plan: Plan): Modules {
  return writerOf(plan).modules(plan);
}

/** An import the contracts must refuse: the file it goes into, the line, and what lint-imports must say. */
export interface WrongImport {
  readonly what: string;
  readonly file: string;
  readonly line: string;
  readonly broken: RegExp;
}

/** Check 3's deliberately wrong imports: a business layer importing the web framework, a repository importing a route. */
export function wrongImports(p: Exported): WrongImport[] {
  const modules = modulesOf(p.plan);
  const out: WrongImport[] = [];
  const service = p.plan.services[0];
  if (service) {
    out.push({
      what: 'a service importing the web framework',
      file: join(p.dir, pathOf(modules.of('services', service))),
      line: `import ${writerOf(p.plan).frameworkModules[0]}  # a business layer importing the web framework`,
      broken: /Business layers import no web or queue framework BROKEN/,
    });
  }
  const repository = p.plan.repositories[0];
  const router = p.plan.routers.find((r) => r.feature === repository?.feature) ?? p.plan.routers[0];
  if (repository && router) {
    out.push({
      what: 'a repository importing a route module (upward)',
      file: join(p.dir, pathOf(modules.of('repositories', repository))),
      line: `import ${modules.of('routes', router)}  # upward`,
      broken: /Layers.* BROKEN/,
    });
  }
  return out;
}
