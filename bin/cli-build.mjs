// Builds the command line into .cache/cli/ with esbuild when any source is newer than the build,
// so `strata` starts as plain JavaScript (a pre-commit hook can afford it) and a fresh clone
// needs no build step. Plain JavaScript itself: it runs before anything is compiled.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, '.cache', 'cli');
const SOURCES = ['domain', 'main', 'preload'];
const STAMP = join(OUT, 'stamp.json');

/** The newest modification time and the number of the sources the CLI is built from. */
function sourceState() {
  let newest = statSync(join(ROOT, 'package-lock.json')).mtimeMs;
  let count = 0;
  // Plain string paths: this runs at every start, and path.join's normalising costs more than the stat.
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.bench.ts')) {
        count++;
        newest = Math.max(newest, statSync(path).mtimeMs);
      }
    }
  };
  for (const folder of SOURCES) walk(join(ROOT, folder));
  return { newest, count };
}

function isFresh(state) {
  try {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
    return stamp.newest === state.newest && stamp.count === state.count;
  } catch {
    return false;
  }
}

/** The path of the built CLI, building it first when a source changed since the last build. */
export async function ensureBuilt() {
  const state = sourceState();
  if (isFresh(state)) return join(OUT, 'strata.mjs');
  const { build } = await import('esbuild');
  // Built aside and renamed into place, so two commands starting at once never see half a build.
  const staging = `${OUT}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  await build({
    entryPoints: {
      strata: join(ROOT, 'main/cli/built.ts'),
      'archive-worker': join(ROOT, 'main/export/archive-worker.ts'),
      'parse-worker': join(ROOT, 'main/import/parse-worker.ts'),
    },
    outdir: staging,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Shared code in chunks, each command's own code loaded when it runs (main/cli/index.ts).
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages with files of their own (WebAssembly grammars, worker scripts) are loaded from node_modules.
    external: ['web-tree-sitter', 'tree-sitter-python', 'electron'],
    banner: { js: "import { createRequire as __strataRequire } from 'node:module'; const require = __strataRequire(import.meta.url);" },
    logLevel: 'error',
  });
  writeFileSync(join(staging, 'stamp.json'), JSON.stringify(state));
  mkdirSync(dirname(OUT), { recursive: true });
  rmSync(OUT, { recursive: true, force: true });
  renameSync(staging, OUT);
  return join(OUT, 'strata.mjs');
}
