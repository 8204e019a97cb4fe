// npm test: every suite — types, lint, unit, exported-project checks, browser — and one total line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium, NO_CHROMIUM_MESSAGE } from './chromium.mjs';

const REPORTS = '.cache/test-reports';
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(command, args, env = {}) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
}

/** A check that is one test: it passes or fails as a whole. */
function check(name, command, args) {
  const ok = run(command, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  if (!ok) console.log(`FAILED: ${name}`);
  return ok;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function vitestSuite(name, args) {
  const report = `${REPORTS}/${name}.json`;
  run('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  const result = readJson(report);
  if (!result) return addBroken(name);
  totals.passed += result.numPassedTests;
  totals.failed += result.numFailedTests + failedSuites(result);
  totals.skipped += result.numPendingTests + result.numTodoTests;
}

/** A test file that could not even load counts as one failure, so it is never silently lost. */
function failedSuites(result) {
  return result.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
}

function playwrightSuite() {
  const report = `${REPORTS}/playwright.json`;
  run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: report });
  const result = readJson(report);
  if (!result) return addBroken('playwright');
  totals.passed += result.stats.expected + result.stats.flaky;
  totals.failed += result.stats.unexpected;
  totals.skipped += result.stats.skipped;
  if (result.errors?.length) totals.failed += result.errors.length;
}

function addBroken(name) {
  console.log(`FAILED: the ${name} suite did not produce a report`);
  totals.failed += 1;
}

rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

check('typecheck', 'npx', ['tsc', '-b']);
check('lint', 'npx', ['eslint', '.']);
check('electron security (electronegativity)', 'node', ['scripts/electronegativity-gate.mjs']);
vitestSuite('unit', []);
if (existsSync('vitest.verify.config.ts')) vitestSuite('exported-projects', ['--config', 'vitest.verify.config.ts']);
if (!findChromium()) {
  console.log(`FAILED: ${NO_CHROMIUM_MESSAGE}`);
  totals.failed += 1;
} else if (check('renderer build', 'npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'])) {
  playwrightSuite();
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
