/**
 * Export is injection-proof: over 1,000 hostile project and node names (line breaks, Markdown
 * fences, lone surrogates, DEL and control characters, quotes, `$`, unicode, very long), every
 * generated file keeps its own syntax. `.env.example` has exactly the settings the plan defines,
 * `pyproject.toml` parses with Python's tomllib (and the description is the name as typed, made
 * safe), `config.py` compiles with the name as its default, the compose file parses as YAML with
 * the expected services, and the README has no extra code block or heading.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CURRENT_VERSION, type Diagram, type DiagramNode, type Kind } from '../../diagram';
import { safeText } from '../../names';
import { generate } from '../index';
import { buildPlan } from '../plan/plan';
import { fastapiWriter } from '../fastapi/writer';

// js-yaml ships no types; the one function used here is typed by hand.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

const FRAGMENTS = [
  '\nDATABASE_URL=postgresql://evil@attacker/db\n', '\r\nEVIL=1', '```sh\nrm -rf ~\n```', '\n```\n', '~~~', '\u007f', '\u0000', '\u001b[31m',
  '\ud800', '\udfff', '\u2028', '\u2029', '\u0085', '\ufeff', '\ufffe', '"', "'", '"""', "'''", '\\', '\\n', '$HOME', '${POSTGRES_PASSWORD}', '$(id)',
  '`id`', '#', '# heading', '[tool.evil]', 'key = "value"', '- item', '*', '_', '<script>', '&amp;', '%(here)s', '{{', '}}', ': ', '|', '>', '!',
  'Заказы', '注文', '🚀', 'ütf-8', 'a'.repeat(120), ' ', '\t', 'class', 'None',
];

/** Any code units (lone surrogates included), the fragments above, and mixtures of both. */
const hostileName = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  fc.constantFrom(...FRAGMENTS),
  fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'grapheme', maxLength: 6 })), { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')),
).map((name) => name.slice(0, 200));

const KINDS: ReadonlyArray<readonly [string, Kind]> = [
  ['r', 'router'], ['s', 'service'], ['p', 'repository'], ['m', 'model'], ['w', 'worker'], ['d', 'database'], ['b', 'broker'], ['c', 'cache'], ['x', 'external'],
];

function diagramNamed(name: string): Diagram {
  const nodes: DiagramNode[] = KINDS.map(([id, kind], i) => ({
    id, kind, name: `${name}${i}`, feature: name, position: { x: i, y: 0 },
    ...(kind === 'database' && { engine: 'postgres' as const }), ...(kind === 'broker' && { engine: 'rabbitmq' as const }),
  }));
  const edges = [['r', 's'], ['r', 'w'], ['s', 'p'], ['s', 'x'], ['s', 'c'], ['p', 'm'], ['p', 'd'], ['w', 's'], ['w', 'b']].map(([source, target], i) => ({ id: `e${i}`, source: source!, target: target! }));
  return { version: CURRENT_VERSION, project: { name, framework: 'fastapi', tasks: 'celery', layout: 'layered' }, nodes, edges };
}

const fenceCount = (markdown: string): number => markdown.split('\n').filter((line) => /^ {0,3}(```|~~~)/.test(line)).length;
const headingCount = (markdown: string): number => markdown.split('\n').filter((line) => /^ {0,3}#{1,6}(\s|$)/.test(line)).length;

describe('hostile names cannot inject into the export', () => {
  const seed = Date.now() ^ (Math.random() * 0x7fffffff);
  const names = fc.sample(hostileName, { numRuns: 1000, seed });
  const baseline = generate(diagramNamed('plain'));
  if (!baseline.ok) throw new Error(baseline.error.message);
  const plainReadme = baseline.files.get(`${baseline.root}/README.md`)!;
  const exports = names.map((name) => {
    const result = generate(diagramNamed(name));
    if (!result.ok) throw new Error(`seed ${seed}: ${JSON.stringify(name)} was refused: ${result.error.message}`);
    const file = (path: string): string => result.files.get(`${result.root}/${path}`)!;
    const plan = buildPlan(diagramNamed(name), { framework: 'fastapi', tasks: 'celery', layout: 'layered' });
    return { name, plan, file, root: result.root };
  });

  test(`.env.example holds exactly the plan's settings, one per line (seed ${seed})`, () => {
    for (const { name, plan, file } of exports) {
      const lines = file('.env.example').split('\n').filter((line) => line !== '' && !line.startsWith('#'));
      const keys = lines.map((line) => /^([A-Z_][A-Z0-9_]*)=/.exec(line)?.[1] ?? `not a setting: ${line}`);
      const expected = [...fastapiWriter.environment!(plan).map((e) => e.name), 'POSTGRES_PASSWORD', 'RABBITMQ_PASSWORD'];
      expect(keys, JSON.stringify(name)).toEqual(expected);
      expect(lines.find((line) => line.startsWith('APP_NAME=')), JSON.stringify(name)).toMatch(/^APP_NAME='[^'\\]*'$/);
    }
  });

  test(`the README has no extra code block or heading, and keeps its steps (seed ${seed})`, () => {
    for (const { name, file } of exports) {
      const readme = file('README.md');
      expect(fenceCount(readme), JSON.stringify(name)).toBe(fenceCount(plainReadme));
      expect(headingCount(readme), JSON.stringify(name)).toBe(headingCount(plainReadme));
      expect(readme.split('\n')[0]!.startsWith('# ')).toBe(true);
    }
  });

  test(`docker-compose.yml parses as YAML with the drawn services (seed ${seed})`, () => {
    for (const { name, file } of exports) {
      const compose = yaml.load(file('docker-compose.yml')) as { services: Record<string, unknown> };
      expect(Object.keys(compose.services).length, JSON.stringify(name)).toBe(6);
    }
  });

  test(`pyproject.toml parses with tomllib and config.py compiles, both carrying the name as made safe (seed ${seed})`, () => {
    const input = exports.map(({ name, file, root }) => ({
      name,
      title: safeText(name) || root,
      pyproject: file('pyproject.toml'),
      config: file(`src/${root}/core/config.py`),
    }));
    const script = String.raw`
import ast, json, sys, tomllib
problems = []
for case in json.load(sys.stdin):
    try:
        data = tomllib.loads(case["pyproject"])
        want = case["title"] + ": a FastAPI service exported from a Strata diagram."
        if data["project"]["description"] != want:
            problems.append([case["name"], "description", data["project"]["description"]])
        tree = ast.parse(case["config"])
        defaults = [node.value.value for node in ast.walk(tree) if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "app_name"]
        if defaults != [case["title"]]:
            problems.append([case["name"], "app_name", defaults])
    except Exception as error:
        problems.append([case["name"], type(error).__name__, str(error)])
print(json.dumps(problems[:5]))
`;
    // Lone surrogates cannot travel in UTF-8 JSON; the texts are generated from the names, so encode them escaped.
    const problems = JSON.parse(execFileSync('python3', ['-c', script], { input: asciiJson(input), encoding: 'utf8', maxBuffer: 64 << 20 })) as unknown[];
    expect(problems).toEqual([]);
  });
});

/** JSON with every non-ASCII code unit escaped, so lone surrogates reach Python as `\udXXX`. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
