// Security gate: Electronegativity over the desktop app's sources (default main/ and preload/).
// It reports and always exits 0; this gate fails on every finding that the allow-list does not
// name with a reason. Usage: node scripts/electronegativity-gate.mjs [folder …]
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const TOOL = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const ALLOW_LIST = join(import.meta.dirname, 'electronegativity-allow.json');

/** Replaces the tool's locale loader, which asks the internet for translations on every run. */
function useBundledLocales() {
  const loader = join(TOOL, 'dist/locales/i18n.js');
  const i18n = require(require.resolve('i18n', { paths: [TOOL] }));
  const offline = async () =>
    i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: dirname(loader), updateFiles: false, objectNotation: true, register: globalThis });
  require.cache[loader] = { id: loader, filename: loader, loaded: true, exports: offline };
}

function readAllowList() {
  const list = JSON.parse(readFileSync(ALLOW_LIST, 'utf8'));
  for (const entry of [...list.skippedChecks, ...list.allowedFindings]) {
    if (typeof entry.reason !== 'string' || entry.reason.trim().length < 20) {
      throw new Error(`${ALLOW_LIST}: every entry needs a written reason: ${JSON.stringify(entry)}`);
    }
  }
  return list;
}

/** The Electron version the app ships, so version-dependent defaults are judged right. */
function electronVersion() {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  return (manifest.devDependencies?.electron ?? manifest.dependencies?.electron ?? '').replace(/^[\^~]/, '') || undefined;
}

/**
 * Copies the folders side by side into one temporary tree, as the app ships them: the tool's
 * global checks (CSP, navigation limits, permission handler) look across all files at once.
 * Tests are left out: they forge bad configs on purpose and never ship.
 */
function stage(folders) {
  const root = mkdtempSync(join(tmpdir(), 'strata-electronegativity-'));
  for (const folder of folders) {
    const inside = relative(process.cwd(), resolve(folder));
    const target = inside.startsWith('..') || isAbsolute(inside) ? basename(folder) : inside;
    cpSync(folder, join(root, target), {
      recursive: true,
      filter: (source) => !/\.test\.tsx?$/.test(source) && !source.includes('node_modules'),
    });
  }
  return root;
}

async function scan(root, skippedChecks) {
  const run = require(join(TOOL, 'dist/runner.js'));
  const result = await run({
    input: root,
    customScan: [],
    excludeFromScan: skippedChecks.map((entry) => entry.check.toLowerCase()),
    electronVersionOverride: electronVersion(),
    parserPlugins: [],
    isRelative: true,
  });
  const unparsed = result.errors.filter((error) => !error.tolerable);
  if (unparsed.length > 0) {
    // A file the tool could not read is a file it did not check.
    throw new Error(`Electronegativity could not parse:\n${unparsed.map((e) => `  ${e.file}: ${e.message}`).join('\n')}`);
  }
  return result.issues.map((issue) => ({ ...issue, file: issue.file.split('\\').join('/') }));
}

function isAllowed(issue, allowedFindings) {
  return allowedFindings.some((entry) => entry.check === issue.id && entry.file === issue.file);
}

function describe(issue) {
  const where = `${issue.file}:${issue.location.line}:${issue.location.column}`;
  return `  ${issue.id} (${issue.severity.name}, ${issue.confidence.name}) at ${where}\n    ${issue.description}\n    ${issue.shortenedURL}`;
}

async function main() {
  const folders = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['main', 'preload'];
  const missing = folders.filter((folder) => !existsSync(folder));
  if (missing.length > 0) throw new Error(`no such folder: ${missing.join(', ')}`);
  const { skippedChecks, allowedFindings } = readAllowList();
  useBundledLocales();
  const root = stage(folders);
  let issues;
  try {
    issues = await scan(root, skippedChecks);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const refused = issues.filter((issue) => !isAllowed(issue, allowedFindings));
  const allowed = issues.length - refused.length;
  if (refused.length > 0) {
    console.error(`Electronegativity: ${refused.length} finding(s) not in scripts/electronegativity-allow.json:`);
    console.error(refused.map(describe).join('\n'));
    process.exit(1);
  }
  console.log(`Electronegativity: no findings beyond the ${allowed} allowed in scripts/electronegativity-allow.json (${folders.join(', ')}).`);
}

main().catch((error) => {
  console.error(`Electronegativity gate could not run: ${error.message}`);
  process.exit(1);
});
