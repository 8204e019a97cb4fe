import { describe, expect, test } from 'vitest';
import { SAMPLE_DIAGRAM } from '../../sample';
import { generate } from '../index';
import { readmeSteps, STEPS } from './readme';

describe('the README as steps', () => {
  test('every step is a heading with one shell block, read back in order', () => {
    const result = generate(SAMPLE_DIAGRAM);
    if (!result.ok) throw new Error(result.error.message);
    const steps = readmeSteps(result.files.get('shop/README.md')!);
    expect(steps.map((s) => s.title)).toEqual([STEPS.install, STEPS.configure, STEPS.migrate, STEPS.serve, STEPS.worker, STEPS.tests, STEPS.lint, STEPS.contracts, STEPS.migrations]);
    expect(steps.find((s) => s.title === STEPS.serve)!.commands).toEqual(['uvicorn shop.main:app --reload --port "${PORT:-8000}"']);
    expect(steps.find((s) => s.title === STEPS.migrations)!.commands.map((line) => line.split('#')[0]!.trim())).toEqual(['alembic upgrade head', 'alembic check', 'alembic downgrade base']);
  });

  test('a step whose first block is not a shell block has no commands; later blocks are not read', () => {
    const text = ['## A', '### One', '```mermaid', 'graph TD', '```', '```sh', 'echo no', '```', '### Two', '```sh', 'echo yes', '```', '```sh', 'echo later', '```'].join('\n');
    expect(readmeSteps(text)).toEqual([{ section: 'A', title: 'Two', commands: ['echo yes'] }]);
  });

  test('a project without workers has no worker step', () => {
    const result = generate({ ...SAMPLE_DIAGRAM, nodes: SAMPLE_DIAGRAM.nodes.filter((n) => n.kind !== 'worker' && n.kind !== 'broker') });
    if (!result.ok) throw new Error(result.error.message);
    expect(readmeSteps(result.files.get('shop/README.md')!).map((s) => s.title)).not.toContain(STEPS.worker);
  });
});
