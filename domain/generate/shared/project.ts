/**
 * A whole project from a plan and a framework's writer: the writer's own code, the package
 * `__init__` files it left out, and every file all frameworks share.
 */
import type { Plan } from '../plan/plan';
import { pathOf } from '../modules';
import { pyModule } from '../python/py';
import type { FrameworkWriter } from '../writer';
import { ciWorkflow } from './ci';
import { composeYaml } from './compose';
import { DOCKERIGNORE, dockerfile, GITIGNORE } from './docker';
import { envExample } from './docs';
import { readme } from './readme';
import { pyprojectToml } from './pyproject';
import { labelImports } from './labels';

/** Paths relative to the project root → file text, in no particular order. */
export function projectFiles(plan: Plan, writer: FrameworkWriter): Map<string, string> {
  const modules = writer.modules(plan);
  const sources = writer.sources(plan);
  const python = new Map(sources.modules);
  labelImports(python, plan, modules);
  for (const pkg of packagesOf(python.keys())) {
    if (!python.has(pkg) && !python.has(`${pkg}.__init__`)) python.set(`${pkg}.__init__`, pyModule({ doc: writer.packageDoc(plan, pkg), firstParty: [plan.pkg], blocks: [] }));
  }
  const files = new Map<string, string>();
  for (const [module, text] of python) files.set(pathOf(module), text);
  const existing = new Set([...python.keys()].map((m) => m.replace(/\.__init__$/, '')));
  files.set('pyproject.toml', pyprojectToml(plan, writer, modules, existing));
  for (const [path, text] of sources.files) files.set(path, text);
  files.set('docker-compose.yml', composeYaml(plan, writer, modules));
  files.set('Dockerfile', dockerfile(plan, writer));
  files.set('.github/workflows/ci.yml', ciWorkflow(plan, writer));
  files.set('.gitignore', GITIGNORE);
  files.set('.dockerignore', DOCKERIGNORE);
  files.set('README.md', readme(plan, writer, modules));
  files.set('.env.example', envExample(plan, writer));
  return files;
}

/** Every package above the given modules (`a.b.c` → `a`, `a.b`). */
function packagesOf(modules: Iterable<string>): string[] {
  const packages = new Set<string>();
  for (const module of modules) {
    const parts = module.split('.');
    for (let i = 1; i < parts.length; i++) packages.add(parts.slice(0, i).join('.'));
  }
  return [...packages].sort();
}
